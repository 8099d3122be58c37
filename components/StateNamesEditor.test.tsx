import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useContainer } from '@/tests/support/preact-dom';
import { stateNames } from '@/utils/storage';
import { StateNamesEditor } from './StateNamesEditor';

const dom = useContainer();
let container: HTMLElement;
beforeEach(() => {
  container = dom.el;
});

const flush = dom.flush;
const input = (id: string) => container.querySelector<HTMLInputElement>(`#snt-state-${id}`)!;
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
async function type(id: string, value: string) {
  await act(() => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function save() {
  await act(() => button('Save state names').click());
  await flush();
}

test('shows the stored names, labelled by the default names, in one group per ticket type', async () => {
  await stateNames.set({ change_request: { '-4': 'Security review' }, incident: {} } as never);
  await act(() => render(<StateNamesEditor />, container));
  await flush();
  expect(input('change_request--4').value).toBe('Security review');
  expect(container.querySelector('label[for="snt-state-change_request--4"]')?.textContent).toBe('Assess');
  expect([...container.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
    'Change request states',
    'Incident states',
  ]);
});

test('saves trimmed names to storage.sync', async () => {
  await act(() => render(<StateNamesEditor />, container));
  await flush();
  await type('change_request--4', '  Security review ');
  await save();
  const stored = await stateNames.get();
  expect(stored?.change_request['-4']).toBe('Security review');
  expect(stored?.incident['2']).toBe('In Progress');
  expect(container.querySelector('[role="status"]')?.textContent).toContain('State names saved');
  const area = await fakeBrowser.storage.sync.get('stateNames:v1');
  expect(area['stateNames:v1']).toBeTruthy();
});

test('refuses empty, too long and duplicate names with a message at each field, and saves nothing', async () => {
  await act(() => render(<StateNamesEditor />, container));
  await flush();
  await type('change_request--5', ' ');
  await type('change_request--4', 'x'.repeat(41));
  await type('incident-3', 'in progress');
  await save();
  expect(await stateNames.get()).toBeFalsy();
  expect(input('change_request--5').getAttribute('aria-invalid')).toBe('true');
  expect(container.querySelector(`#${input('change_request--5').getAttribute('aria-describedby')}`)?.textContent).toBe(
    'Enter a name.',
  );
  expect(container.querySelector(`#${input('change_request--4').getAttribute('aria-describedby')}`)?.textContent).toBe(
    'Use at most 40 characters.',
  );
  expect(container.querySelector(`#${input('incident-3').getAttribute('aria-describedby')}`)?.textContent).toBe(
    'Another state of this type already has this name.',
  );
  expect(container.querySelector('[role="alert"]')?.textContent).toContain('need fixing');
  // Fixing a field clears its message at once.
  await type('change_request--5', 'New');
  expect(input('change_request--5').getAttribute('aria-invalid')).toBe('false');
});

test('reset to defaults removes the stored names', async () => {
  await stateNames.set({ change_request: { '-4': 'Security review' }, incident: {} } as never);
  await act(() => render(<StateNamesEditor />, container));
  await flush();
  await act(() => button('Reset to defaults').click());
  await flush();
  expect(await stateNames.get()).toBeFalsy();
  expect(input('change_request--4').value).toBe('Assess');
});
