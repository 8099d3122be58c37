import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { useContainer } from '@/tests/support/preact-dom';
import { StateChart, segments, type StateCount } from './StateChart';
import { stateColor, UNKNOWN_STATE_COLOR } from './state-colors';

const dom = useContainer();
const q = <E extends Element = HTMLElement>(selector: string) => dom.el.querySelector<E>(selector);
const all = (selector: string) => [...dom.el.querySelectorAll<HTMLElement | SVGElement>(selector)];

const incident = (counts: number[]): StateCount[] =>
  ['New', 'In Progress', 'On Hold', 'Resolved', 'Closed', 'Canceled'].map((name, i) => ({
    value: ['1', '2', '3', '6', '7', '8'][i]!,
    name,
    count: counts[i]!,
  }));

function show(states: StateCount[], overdue: number | null = 0) {
  act(() => render(<StateChart table="incident" states={states} overdue={overdue} />, dom.el));
}
const bar = () => q('[data-testid="state-chart"]')!;
const segmentRects = () =>
  all('[data-testid="state-chart"] a').map((a) => ({
    state: a.getAttribute('data-state'),
    count: Number(a.getAttribute('data-count')),
    x: parseFloat(a.querySelector('rect')!.getAttribute('x')!),
    width: parseFloat(a.querySelector('rect')!.getAttribute('width')!),
    fill: a.querySelector('rect')!.getAttribute('fill'),
  }));

describe('StateChart', () => {
  test('one segment per state with tickets, in workflow order, as wide as its share', () => {
    show(incident([2, 1, 0, 1, 0, 4]));
    expect(segmentRects()).toEqual([
      { state: '1', count: 2, x: 0, width: 25, fill: stateColor('incident', '1') },
      { state: '2', count: 1, x: 25, width: 12.5, fill: stateColor('incident', '2') },
      { state: '6', count: 1, x: 37.5, width: 12.5, fill: stateColor('incident', '6') },
      { state: '8', count: 4, x: 50, width: 50, fill: stateColor('incident', '8') },
    ]);
    // A gap between neighbours, none before the first segment.
    expect(all('.snt-chart-gap').map((line) => line.getAttribute('x1'))).toEqual(['25%', '37.5%', '50%']);
    // Each segment and legend entry opens the list filtered to its state.
    expect(all('[data-testid="state-chart"] a').map((a) => a.getAttribute('href'))).toEqual([
      '/servicenowTickets?type=incident&state=1',
      '/servicenowTickets?type=incident&state=2',
      '/servicenowTickets?type=incident&state=6',
      '/servicenowTickets?type=incident&state=8',
    ]);
  });

  test('zero counts have no segment but keep their legend entry, greyed', () => {
    show(incident([0, 3, 0, 0, 0, 0]));
    expect(segmentRects()).toMatchObject([{ state: '2', count: 3, x: 0, width: 100 }]);
    expect(all('.snt-chart-gap')).toHaveLength(0);
    const legend = all('.snt-state-counts li');
    expect(legend.map((li) => li.textContent)).toEqual([
      '0New',
      '3In Progress',
      '0On Hold',
      '0Resolved',
      '0Closed',
      '0Canceled',
    ]);
    expect(legend.filter((li) => li.classList.contains('snt-count-zero'))).toHaveLength(5);
    expect(q('li[data-state="3"] a')!.getAttribute('href')).toBe('/servicenowTickets?type=incident&state=3');
  });

  test('all zero: an empty track, no segment, and a name that says so', () => {
    show(incident([0, 0, 0, 0, 0, 0]), 0);
    expect(segmentRects()).toEqual([]);
    expect(q('.snt-chart-empty')).not.toBeNull();
    expect(bar().getAttribute('aria-label')).toBe('Tickets by state — no tickets yet');
    expect(q('[data-testid="overdue-count"]')!.textContent).toBe('None overdue');
  });

  test('a single ticket among thousands stays visible, and the widths still add up to the bar', () => {
    show(incident([5000, 1, 0, 0, 0, 0]));
    const [big, small] = segmentRects();
    expect(small!.width).toBeGreaterThanOrEqual(1.4);
    expect(big!.width + small!.width).toBeCloseTo(100, 6);
    expect(small!.x).toBeCloseTo(big!.width, 6);
    expect(segments(incident([3, 3, 3, 3, 3, 3])).map((s) => s.width)).toEqual(Array(6).fill(100 / 6));
  });

  test('the accessible text: the bar is an image named by its counts; legend entries are named links', () => {
    show(incident([1, 2, 0, 0, 1200, 0]), 3);
    expect(bar().getAttribute('role')).toBe('img');
    expect(bar().getAttribute('aria-label')).toBe(
      'Tickets by state — New: 1 ticket, In Progress: 2 tickets, and Closed: 1,200 tickets',
    );
    // The bar's segments are not separate tab stops: the legend is the keyboard's way in.
    // Nor separate links for screen readers: each state is one link, in the legend.
    expect(
      all('[data-testid="state-chart"] a').every(
        (a) => a.getAttribute('tabindex') === '-1' && a.getAttribute('aria-hidden') === 'true',
      ),
    ).toBe(true);
    expect(all('[data-testid="state-chart"] title').map((title) => title.textContent)).toEqual([
      'New: 1 ticket',
      'In Progress: 2 tickets',
      'Closed: 1,200 tickets',
    ]);
    const legend = q('ul.snt-state-counts')!;
    expect(legend.getAttribute('aria-label')).toBe('Tickets by state');
    expect(all('.snt-state-counts a').map((a) => a.getAttribute('aria-label'))).toEqual([
      'New: 1 ticket',
      'In Progress: 2 tickets',
      'On Hold: 0 tickets',
      'Resolved: 0 tickets',
      'Closed: 1,200 tickets',
      'Canceled: 0 tickets',
    ]);
    expect(all('.snt-swatch').every((swatch) => swatch.getAttribute('aria-hidden') === 'true')).toBe(true);
    const overdue = q('[data-testid="overdue-count"]')!;
    expect(overdue.textContent).toBe('3 overdue');
    expect(overdue.classList.contains('snt-overdue')).toBe(true);
  });

  test('renamed states and states the extension does not know', () => {
    const states = incident([1, 0, 0, 0, 0, 0]);
    states[0]!.name = 'Triage';
    show([...states, { value: '42', name: 'State 42', count: 2 }], 1);
    expect(bar().getAttribute('aria-label')).toBe('Tickets by state — Triage: 1 ticket and State 42: 2 tickets');
    expect(segmentRects().map((s) => s.fill)).toEqual([stateColor('incident', '1'), UNKNOWN_STATE_COLOR]);
    expect(q('li[data-state="42"]')!.textContent).toBe('2State 42');
    expect(q('[data-testid="overdue-count"]')!.textContent).toBe('1 overdue');
  });

  test('every known state has its own colour within its ticket type', () => {
    for (const [table, values] of [
      ['incident', ['1', '2', '3', '6', '7', '8']],
      ['change_request', ['-5', '-4', '-3', '-2', '-1', '0', '3', '4']],
    ] as const) {
      const colours = values.map((v) => stateColor(table, v));
      expect(new Set(colours).size).toBe(values.length);
      expect(colours).not.toContain(UNKNOWN_STATE_COLOR);
    }
    expect(stateColor('incident', 'constructor')).toBe(UNKNOWN_STATE_COLOR);
  });
});
