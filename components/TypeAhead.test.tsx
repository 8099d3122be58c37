import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { useContainer } from '@/tests/support/preact-dom';
import type { ChosenValue } from '@/utils/domain/field-defaults';
import { TypeAhead, type TypeAheadOption } from './TypeAhead';

const GROUPS: TypeAheadOption[] = [
  { value: 'g1', label: 'Network', description: 'Routers and firewalls' },
  { value: 'g2', label: 'Network Security', description: 'Firewall rules' },
  { value: 'g3', label: 'Service Desk', description: 'First line' },
];

const dom = useContainer();
const input = () => dom.el.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const listbox = () => dom.el.querySelector<HTMLElement>('[role="listbox"]')!;
const options = () => [...dom.el.querySelectorAll<HTMLElement>('[role="option"]')];

async function type(text: string) {
  await act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await dom.flush();
}
async function key(name: string) {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
  await act(() => void input().dispatchEvent(event));
  await dom.flush();
  return event;
}

function Harness({
  search,
  onChange,
}: {
  search(text: string): Promise<TypeAheadOption[]>;
  onChange(v: unknown): void;
}) {
  const [value, setValue] = useState<ChosenValue | null>(null);
  return (
    <form onSubmit={(e) => (e.preventDefault(), onChange('submitted'))}>
      <label for="group">Assignment group</label>
      <TypeAhead
        id="group"
        value={value}
        search={search}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
    </form>
  );
}

describe('TypeAhead', () => {
  test('is a combobox that searches as you type and shows name and description', async () => {
    const search = vi.fn(async (text: string) =>
      GROUPS.filter((g) => g.label.toLowerCase().includes(text.toLowerCase())),
    );
    await dom.mount(<Harness search={search} onChange={() => undefined} />);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-controls')).toBe(listbox().id);
    await type('netw');
    expect(search).toHaveBeenLastCalledWith('netw');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(options().map((o) => o.textContent)).toEqual([
      'NetworkRouters and firewalls',
      'Network SecurityFirewall rules',
    ]);
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
  });

  test('arrow keys move the active option, Enter picks it without submitting the form, Escape closes', async () => {
    const changes: unknown[] = [];
    await dom.mount(<Harness search={async () => GROUPS} onChange={(v) => changes.push(v)} />);
    await type('n');
    await key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    await key('ArrowUp');
    await key('ArrowUp');
    // Wraps around to the last option.
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[2]!.id);
    const enter = await key('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(changes).toEqual([{ value: 'g3', label: 'Service Desk' }]);
    expect(input().value).toBe('Service Desk');
    expect(input().getAttribute('aria-expanded')).toBe('false');

    await key('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const escape = await key('Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-activedescendant')).toBeNull();
  });

  test('a click picks an option; typing again clears the choice until a new one is picked', async () => {
    const changes: unknown[] = [];
    await dom.mount(<Harness search={async () => GROUPS} onChange={(v) => changes.push(v)} />);
    await type('serv');
    await act(() => options()[2]!.click());
    expect(changes).toEqual([{ value: 'g3', label: 'Service Desk' }]);
    await type('Servi');
    expect(changes.at(-1)).toBeNull();
    // Leaving with half-typed text shows no stale name: the field is empty again.
    await act(() => void input().dispatchEvent(new FocusEvent('blur')));
    await dom.flush();
    expect(input().value).toBe('');
  });

  test('only the latest search is shown when answers come back out of order', async () => {
    const answers: Record<string, (found: TypeAheadOption[]) => void> = {};
    const search = (text: string) => new Promise<TypeAheadOption[]>((resolve) => (answers[text] = resolve));
    await dom.mount(<Harness search={search} onChange={() => undefined} />);
    await type('n');
    await type('ne');
    await act(async () => answers.ne!([GROUPS[0]!]));
    await act(async () => answers.n!(GROUPS));
    await dom.flush();
    expect(options().map((o) => o.id)).toHaveLength(1);
  });

  test('says when nothing matches', async () => {
    await dom.mount(<Harness search={async () => []} onChange={() => undefined} />);
    await type('zzz');
    expect(dom.el.querySelector('[role="status"]')?.textContent).toBe(
      'Nothing in ServiceNow matches "zzz". Try another part of the name.',
    );
  });

  test('shows a failed search as its message', async () => {
    await dom.mount(
      <Harness search={() => Promise.reject(new Error('ServiceNow did not answer.'))} onChange={() => undefined} />,
    );
    await type('net');
    expect(dom.el.querySelector('[role="status"]')?.textContent).toContain('ServiceNow did not answer.');
  });
});
