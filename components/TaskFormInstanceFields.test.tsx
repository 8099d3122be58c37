import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { useContainer, userClick } from '@/tests/support/preact-dom';
import type { ActionDetails } from '@/utils/portal/action-reader';
import type { TicketFormContext } from '@/utils/tickets/ticket-service';
import { TaskForm } from './TaskForm';

// F7 in the task form: the fields the instance requires, prefilled from the defaults, asked for
// before Send, and completed after a data-policy refusal of the same outbox item.

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging', () => ({ send }));

const action: ActionDetails = {
  id: 'AdminMFAV2',
  title: 'Require MFA',
  description: 'Admins need MFA.',
  implementation: '',
  category: 'Identity',
  scoreImpact: 8.11,
  link: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
};
const NETWORK = { value: '0123456789abcdef0123456789abcdef', label: 'Network' };
const context = (over: Partial<TicketFormContext> = {}): TicketFormContext => ({
  state: 'connected',
  instanceHost: 'contoso.service-now.com',
  existing: [],
  preferences: { defaultType: 'change_request', dueInDays: 30 },
  required: { change_request: ['assignment_group', 'category'], incident: ['assignment_group'] },
  ...over,
});
const SENT = {
  outboxId: '00000000-0000-4000-8000-000000000001',
  state: 'sent',
  result: { table: 'change_request', sysId: 's1', number: 'CHG0030001', url: 'https://x/' },
};
const REFUSED = {
  outboxId: '00000000-0000-4000-8000-000000000001',
  state: 'failed',
  error: { code: 'missing_fields', message: 'ServiceNow requires fields this ticket does not have: Assignment group.' },
};

const dom = useContainer();
const field = (name: string) => dom.el.querySelector<HTMLInputElement>(`#snt-if-${name}`);
const button = (name: string) => [...dom.el.querySelectorAll('button')].find((b) => b.textContent === name)!;

function answer(handlers: Record<string, (payload: unknown) => unknown>) {
  send.mockImplementation(async (name: string, payload: unknown) => handlers[name]?.(payload) ?? []);
}
async function mount() {
  await dom.mount(<TaskForm action={action} user={null} onClose={() => undefined} />);
}
async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await dom.flush();
}
async function pickGroup(text: string) {
  const input = field('assignment_group')!;
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await dom.flush();
  await act(() => dom.el.querySelector<HTMLElement>('[role="option"]')!.click());
  await dom.flush();
}

const choices = () => [
  { value: 'network', label: 'Network' },
  { value: 'software', label: 'Software' },
];
const groups = () => [{ sysId: NETWORK.value, name: 'Network', description: 'Routers' }];

beforeEach(() => send.mockReset());

describe('instance fields in the task form', () => {
  test('a base instance shows no extra fields and sends none', async () => {
    answer({
      prepareTicket: () => context({ required: { change_request: [], incident: [] } }),
      createTicket: () => SENT,
    });
    await mount();
    expect(dom.el.querySelector('[data-testid="instance-fields"]')).toBeNull();
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    expect(send.mock.calls.find(([name]) => name === 'createTicket')?.[1]).not.toHaveProperty('fields');
  });

  test('required fields are prefilled from the defaults and sent as sys_id and choice value', async () => {
    const defaults = {
      change_request: { assignment_group: NETWORK, category: { value: 'software', label: 'Software' } },
    };
    answer({
      prepareTicket: () => context({ preferences: { defaultType: 'change_request', dueInDays: 30, fields: defaults } }),
      listChoices: choices,
      createTicket: () => SENT,
    });
    await mount();
    expect(field('assignment_group')?.value).toBe('Network');
    expect(field('assignment_group')?.getAttribute('role')).toBe('combobox');
    expect(field('category')?.value).toBe('software');
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    expect(send).toHaveBeenCalledWith(
      'createTicket',
      expect.objectContaining({ fields: { assignment_group: NETWORK.value, category: 'software' } }),
    );
  });

  test('without defaults, Send names the missing fields and sends nothing until they are filled', async () => {
    answer({ prepareTicket: () => context(), listChoices: choices, searchRecords: groups, createTicket: () => SENT });
    await mount();
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    expect(send.mock.calls.some(([name]) => name === 'createTicket')).toBe(false);
    expect(dom.el.querySelector('[data-testid="fields-missing"]')?.textContent).toBe(
      'Your ServiceNow instance requires Assignment group, ServiceNow category. Fill it in, then send.',
    );
    expect(field('assignment_group')?.getAttribute('aria-invalid')).toBe('true');
    expect(dom.el.querySelector('#snt-if-assignment_group-error')?.textContent).toBe(
      'Your ServiceNow instance requires this field.',
    );

    await pickGroup('netw');
    await choose(field('category') as unknown as HTMLSelectElement, 'network');
    expect(dom.el.querySelector('[data-testid="fields-missing"]')).toBeNull();
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    expect(send).toHaveBeenCalledWith(
      'createTicket',
      expect.objectContaining({ fields: { assignment_group: NETWORK.value, category: 'network' } }),
    );
  });

  test('switching to an incident asks for what incidents require (no change type, no category)', async () => {
    answer({ prepareTicket: () => context(), listChoices: choices });
    await mount();
    await choose(dom.el.querySelector<HTMLSelectElement>('#snt-f-type')!, 'incident');
    expect(
      [...dom.el.querySelectorAll('[data-instance-field]')].map((e) => e.getAttribute('data-instance-field')),
    ).toEqual(['assignment_group']);
  });

  test('a data-policy refusal keeps the form, marks the field and completes the same outbox item', async () => {
    answer({
      prepareTicket: () => context({ required: { change_request: [], incident: [] } }),
      createTicket: () => REFUSED,
      listOutbox: () => [{ id: REFUSED.outboxId, state: 'failed', missingFields: ['assignment_group'], fields: {} }],
      searchRecords: groups,
      completeTicket: () => SENT,
    });
    await mount();
    expect(field('assignment_group')).toBeNull();
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    await dom.flush();
    expect(dom.el.querySelector('#snt-if-assignment_group-error')?.textContent).toBe(
      'Your ServiceNow instance requires this field.',
    );
    expect(dom.el.querySelector('[data-testid="ticket-queued"]')?.textContent).toContain('Assignment group');
    await pickGroup('net');
    await act(() => userClick(button('Complete and send')));
    await dom.flush();
    expect(send).toHaveBeenCalledWith('completeTicket', {
      outboxId: REFUSED.outboxId,
      fields: { assignment_group: NETWORK.value },
    });
    expect(send.mock.calls.filter(([name]) => name === 'createTicket')).toHaveLength(1);
    expect(dom.el.querySelector('[data-testid="ticket-created"]')?.textContent).toContain('CHG0030001');
  });

  test('a business-rule refusal says what the admin must change and offers no fields to fill', async () => {
    const message =
      'A business rule in ServiceNow refused the ticket (Block integration). The form cannot fix this: ask your ServiceNow admin to change that rule so the integration user may create tickets.';
    answer({
      prepareTicket: () => context({ required: { change_request: [], incident: [] } }),
      createTicket: () => ({ ...REFUSED, error: { code: 'rule_refused', message } }),
      listOutbox: () => [{ id: REFUSED.outboxId, state: 'failed' }],
    });
    await mount();
    await act(() => userClick(button('Send to ServiceNow')));
    await dom.flush();
    await dom.flush();
    expect(dom.el.querySelector('[data-testid="ticket-queued"]')?.textContent).toContain(message);
    expect(dom.el.querySelector('[data-testid="instance-fields"]')).toBeNull();
    expect(button('Complete and send')).toBeUndefined();
    expect(button('Retry')).toBeDefined();
  });
});
