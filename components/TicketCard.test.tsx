import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useContainer, userClick } from '@/tests/support/preact-dom';
import { INITIAL_SYNC_STATE, type SyncState } from '@/utils/domain/sync-state';
import { defaultStateNames } from '@/utils/domain/states';
import type { TableOverview, Ticket } from '@/utils/domain/ticket';
import { TicketCard, type TicketCardProps } from './TicketCard';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ticket = (fields: Partial<Ticket>): Ticket => ({
  table: 'change_request',
  sysId: 'a'.repeat(32),
  number: 'CHG0030001',
  name: 'Require MFA',
  state: '-4',
  dueDate: '',
  updatedOn: '2026-11-23 10:00:00',
  modCount: 0,
  actionId: 'AdminMFAV2',
  ...fields,
});
const overview: TableOverview = {
  counts: { '-5': 2, '-4': 1, '5': 1 },
  total: 4,
  overdue: 1,
  recent: [
    ticket({ dueDate: '2026-11-01 00:00:00' }),
    ticket({
      sysId: 'b'.repeat(32),
      number: 'CHG0030002',
      name: '<img src=x onerror="window.__xss=1">Hostile',
      state: '-5',
      dueDate: '2027-01-01 00:00:00',
    }),
    ticket({
      sysId: 'c'.repeat(32),
      number: 'CHG0030003',
      name: 'Done late',
      state: '3',
      dueDate: '2026-01-01 00:00:00',
    }),
  ],
};

const dom = useContainer();
let container: HTMLElement;
beforeEach(() => {
  container = dom.el;
});

function show(props: Partial<TicketCardProps> = {}) {
  const all: TicketCardProps = {
    table: 'change_request',
    overview,
    instanceOrigin: 'https://contoso.service-now.com',
    names: defaultStateNames(),
    sync: { ...INITIAL_SYNC_STATE, lastSyncAt: NOW - 60_000 },
    now: NOW,
    onSyncNow: vi.fn(),
    onCreate: vi.fn(),
    onManage: vi.fn(),
    ...props,
  };
  act(() => render(<TicketCard {...all} />, container));
  return all;
}
const q = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector)!;

describe('TicketCard', () => {
  test("counts by state in workflow order with the user's names, unknown states included", () => {
    const names = defaultStateNames();
    names.change_request['-4'] = 'Security review';
    show({ names });
    const tiles = [...container.querySelectorAll('.snt-state-counts li')].map((li) => li.textContent);
    expect(tiles).toEqual([
      '2New',
      '1Security review',
      '0Authorize',
      '0Scheduled',
      '0Implement',
      '0Review',
      '0Closed',
      '0Canceled',
      '1State 5',
    ]);
    expect(q('li[data-state="-4"] a').getAttribute('aria-label')).toBe('Security review: 1 ticket');
    expect(q('li[data-state="-4"] a').getAttribute('href')).toBe('/servicenowTickets?type=change_request&state=-4');
    expect(q('[data-testid="ticket-total"]').textContent).toBe('ServiceNow · 4 tickets');
    expect(q('h2').textContent).toBe('Change management');
  });

  test("the chart shows the card's counts with the user's names, and the overdue count", () => {
    const names = defaultStateNames();
    names.change_request['-4'] = 'Security review';
    show({ names });
    const segments = [...container.querySelectorAll('[data-testid="state-chart"] a')];
    expect(segments.map((a) => [a.getAttribute('data-state'), a.getAttribute('data-count')])).toEqual([
      ['-5', '2'],
      ['-4', '1'],
      ['5', '1'],
    ]);
    expect(q('[data-testid="state-chart"]').getAttribute('aria-label')).toBe(
      'Tickets by state — New: 2 tickets, Security review: 1 ticket, and State 5: 1 ticket',
    );
    expect(q('[data-testid="overdue-count"]').textContent).toBe('1 overdue');
    show({ overview: null });
    expect(container.querySelector('[data-testid="overdue-count"]')).toBeNull();
  });

  test('recent tickets: number links to ServiceNow, state name, due date, overdue only when not done', () => {
    show();
    const first = q('li[data-ticket="CHG0030001"]');
    const link = first.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(
      `https://contoso.service-now.com/nav_to.do?uri=change_request.do?sys_id=${'a'.repeat(32)}`,
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(first.textContent).toContain('Assess');
    expect(first.textContent).toMatch(/Due .*2026/);
    expect(first.querySelector('[data-testid="overdue"]')?.textContent).toBe('Overdue');
    expect(q('li[data-ticket="CHG0030002"] [data-testid="overdue"]')).toBeNull();
    expect(q('li[data-ticket="CHG0030003"] [data-testid="overdue"]')).toBeNull();
  });

  test('ServiceNow text is rendered as text, never as markup', () => {
    show();
    expect(container.querySelector('img')).toBeNull();
    expect(q('li[data-ticket="CHG0030002"] .snt-ticket-name').textContent).toBe(
      '<img src=x onerror="window.__xss=1">Hostile',
    );
  });

  test('last sync, syncing indicator, and a sync error with the next try', () => {
    show();
    expect(q('[data-testid="last-synced"]').textContent).toMatch(/^Synced /);
    const running: SyncState = { ...INITIAL_SYNC_STATE, running: true, startedAt: NOW - 1000 };
    show({ sync: running });
    expect(q('[data-testid="sync-running"]').textContent).toBe('Syncing…');
    expect(q<HTMLButtonElement>('.snt-sync-line button').disabled).toBe(true);
    const failed: SyncState = {
      ...INITIAL_SYNC_STATE,
      lastSyncAt: NOW - 600_000,
      failures: 1,
      nextRetryAt: NOW + 120_000,
      error: {
        code: 'rate_limited',
        message: 'ServiceNow is limiting requests. The extension will try again in 120 seconds.',
        status: 429,
        retryAfter: 120,
      },
    };
    show({ sync: failed });
    const alert = q('[role="alert"]');
    expect(alert.dataset.errorCode).toBe('rate_limited');
    expect(alert.textContent).toMatch(
      /^ServiceNow is limiting requests\. The extension will try again in 120 seconds\. Next try at /,
    );
    expect(container.querySelectorAll('li[data-ticket]')).toHaveLength(3); // the cached tickets stay
  });

  test('actions call back; View all tickets links to the list of this type', () => {
    const props = show({ table: 'incident', overview: { counts: {}, total: 0, overdue: 0, recent: [] } });
    const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
    // A page script's synthetic clicks do nothing; the user's own clicks act.
    for (const name of ['Create a ticket', 'Manage ServiceNow configuration', 'Sync now']) {
      act(() => button(name).click());
      act(() => void button(name).dispatchEvent(new MouseEvent('click', { bubbles: true })));
    }
    expect(props.onCreate).not.toHaveBeenCalled();
    expect(props.onManage).not.toHaveBeenCalled();
    expect(props.onSyncNow).not.toHaveBeenCalled();
    act(() => userClick(button('Create a ticket')));
    act(() => userClick(button('Manage ServiceNow configuration')));
    act(() => userClick(button('Sync now')));
    expect(props.onCreate).toHaveBeenCalledOnce();
    expect(props.onManage).toHaveBeenCalledOnce();
    expect(props.onSyncNow).toHaveBeenCalledOnce();
    expect(
      [...container.querySelectorAll('a')].find((a) => a.textContent === 'View all tickets')?.getAttribute('href'),
    ).toBe('/servicenowTickets?type=incident');
    expect(container.textContent).toContain('No incidents yet.');
  });

  test('loading, notices, and accessible names for every control', () => {
    show({ overview: null, notice: 'Reconnect needed: …' });
    expect(q('[data-testid="ticket-total"]').textContent).toBe('Loading…');
    expect(q('.snt-message-warning').textContent).toBe('Reconnect needed: …');
    for (const control of container.querySelectorAll('a, button')) {
      expect(control.getAttribute('aria-label') ?? control.textContent?.trim()).toBeTruthy();
    }
    expect(q('section').getAttribute('aria-labelledby')).toBe(q('h2').id);
  });
});
