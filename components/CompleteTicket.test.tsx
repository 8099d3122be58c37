import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { useContainer } from '@/tests/support/preact-dom';
import { formDrafts, ticketPreferences } from '@/utils/storage';
import { OutboxList } from './OutboxList';

// The popup's Complete and send (F7): a queued ticket refused for a missing field gets it in the
// popup and the same outbox item is sent again.

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging', () => ({ send }));

const ID = '00000000-0000-4000-8000-000000000007';
const GROUP = '0123456789abcdef0123456789abcdef';
const waiting = {
  id: ID,
  state: 'failed',
  name: 'Require MFA',
  type: 'incident',
  actionId: 'AdminMFAV2',
  correlationId: 'm365ss-AdminMFAV2',
  attempts: 1,
  nextAttemptAt: 0,
  lastError: {
    code: 'missing_fields',
    message: 'ServiceNow requires fields this ticket does not have: Assignment group.',
  },
  missingFields: ['assignment_group'],
  fields: {},
};
const SENT = {
  outboxId: ID,
  state: 'sent',
  result: { table: 'incident', sysId: 's1', number: 'INC0010001', url: 'https://contoso.service-now.com/x' },
};

const dom = useContainer();
const button = (name: string) =>
  [...dom.el.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name);

beforeEach(() => send.mockReset());

describe('Complete and send in the popup', () => {
  test('shows what is missing instead of Retry, and sends the same item with the default filled in', async () => {
    await ticketPreferences.set({
      defaultType: 'change_request',
      dueInDays: 30,
      fields: { incident: { assignment_group: { value: GROUP, label: 'Service Desk' } } },
    });
    let sent = false;
    send.mockImplementation(async (name: string) => {
      if (name === 'listOutbox') return sent ? [] : [waiting];
      if (name === 'completeTicket') {
        sent = true;
        return SENT;
      }
      return [];
    });
    await dom.mount(<OutboxList revision={1} />);
    expect(dom.el.textContent).toContain('ServiceNow needs: Assignment group.');
    expect(button('Retry sending Require MFA')?.hidden).toBe(true);
    await act(() => button('Complete and send Require MFA')!.click());
    await dom.flush();
    const input = dom.el.querySelector<HTMLInputElement>(`#snt-complete-${ID}-assignment_group`)!;
    expect(input.value).toBe('Service Desk');
    await act(() =>
      dom.el.querySelector<HTMLButtonElement>('[data-testid="complete-ticket"] button[type="submit"]')!.click(),
    );
    await dom.flush();
    expect(send).toHaveBeenCalledWith('completeTicket', { outboxId: ID, fields: { assignment_group: GROUP } });
    expect(dom.el.querySelector('[data-testid="outbox-completed"]')?.textContent).toContain('INC0010001');
  });

  test('without a value it names the field and sends nothing', async () => {
    send.mockImplementation(async (name: string) => (name === 'listOutbox' ? [waiting] : []));
    await dom.mount(<OutboxList revision={1} />);
    await act(() => button('Complete and send Require MFA')!.click());
    await dom.flush();
    await act(() =>
      dom.el.querySelector<HTMLButtonElement>('[data-testid="complete-ticket"] button[type="submit"]')!.click(),
    );
    await dom.flush();
    expect(dom.el.querySelector(`#snt-complete-${ID}-assignment_group-error`)?.textContent).toBe(
      'Your ServiceNow instance requires this field.',
    );
    expect(send.mock.calls.some(([name]) => name === 'completeTicket')).toBe(false);
  });

  test('what was picked survives the popup closing, and is forgotten once sent', async () => {
    const picked = { assignment_group: { value: GROUP, label: 'Network' } };
    await formDrafts.set({ [`complete:${ID}`]: picked, AdminMFAV2: { title: 'other draft' } });
    send.mockImplementation(async (name: string) => {
      if (name === 'listOutbox') return [waiting];
      if (name === 'completeTicket') return SENT;
      return [];
    });
    await dom.mount(<OutboxList revision={1} />);
    await act(() => button('Complete and send Require MFA')!.click());
    await dom.flush();
    expect(dom.el.querySelector<HTMLInputElement>(`#snt-complete-${ID}-assignment_group`)!.value).toBe('Network');
    await act(() =>
      dom.el.querySelector<HTMLButtonElement>('[data-testid="complete-ticket"] button[type="submit"]')!.click(),
    );
    await dom.flush();
    expect(send).toHaveBeenCalledWith('completeTicket', { outboxId: ID, fields: { assignment_group: GROUP } });
    expect(await formDrafts.get()).toEqual({ AdminMFAV2: { title: 'other draft' } });
  });
});
