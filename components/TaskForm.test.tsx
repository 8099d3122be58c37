import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { useContainer, userClick } from '@/tests/support/preact-dom';
import type { ActionDetails } from '@/utils/portal/action-reader';
import type { TicketFormContext } from '@/utils/tickets/ticket-service';
import { TaskForm } from './TaskForm';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging', () => ({ send }));

const action: ActionDetails = {
  id: 'AdminMFAV2',
  title: '<img src=x onerror=alert(1)> Require MFA',
  description: 'Admins need MFA.',
  implementation: '- Create a policy',
  category: 'Identity',
  scoreImpact: 8.11,
  link: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
};
const context = (over: Partial<TicketFormContext> = {}): TicketFormContext => ({
  state: 'connected',
  instanceHost: 'contoso.service-now.com',
  existing: [],
  preferences: { defaultType: 'change_request', dueInDays: 30 },
  ...over,
});

const dom = useContainer();
const byLabel = (label: string) => {
  const l = [...dom.el.querySelectorAll('label')].find((x) => x.textContent?.replace(' *', '').trim() === label);
  return dom.el.querySelector<HTMLInputElement>(`#${l!.getAttribute('for')}`)!;
};
const button = (name: string) => [...dom.el.querySelectorAll('button')].find((b) => b.textContent === name)!;
const flush = dom.flush;
let container: HTMLElement;

beforeEach(() => {
  send.mockReset();
  container = dom.el;
});

async function mount(ctx: TicketFormContext) {
  send.mockImplementation(async (name: string) => {
    if (name === 'prepareTicket') return ctx;
    if (name === 'createTicket')
      return {
        outboxId: 'x',
        state: 'sent',
        result: {
          table: 'change_request',
          sysId: 's1',
          number: 'CHG0030001',
          url: 'https://contoso.service-now.com/nav_to.do?uri=change_request.do?sys_id=s1',
        },
      };
    return [];
  });
  await dom.mount(
    <TaskForm action={action} user={{ name: 'Megan Bowen', email: 'megan@contoso.com' }} onClose={() => undefined} />,
  );
}

describe('TaskForm', () => {
  test('prefills from the action, as text only', async () => {
    await mount(context());
    expect(byLabel('Task name').value).toBe(action.title);
    expect(container.querySelector('img')).toBeNull();
    expect(byLabel('Description').value).toContain('Admins need MFA.');
    expect(byLabel('Description').value).toContain(action.link);
    expect(byLabel('Priority').value).toBe('2');
    expect(byLabel('Category').value).toBe('Identity');
    expect(byLabel('Initiating user').value).toBe('Megan Bowen (megan@contoso.com)');
    expect(byLabel('Initiating user').readOnly).toBe(true);
  });

  test('Send is enabled only when the form is valid, and errors say what to do', async () => {
    await mount(context());
    expect(button('Send to ServiceNow').disabled).toBe(false);
    const name = byLabel('Task name');
    await act(() => {
      name.value = '';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      name.dispatchEvent(new Event('blur'));
      name.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    await flush();
    expect(button('Send to ServiceNow').disabled).toBe(true);
    expect(container.textContent).toContain('Enter a task name.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
  });

  test('an existing ticket must be confirmed before another is created', async () => {
    await mount(
      context({
        existing: [{ table: 'change_request', number: 'CHG0030001', state: '-4', url: 'https://x/', waiting: false }],
      }),
    );
    expect(container.querySelector('[data-testid="existing-tickets"]')?.textContent).toContain('CHG0030001 — Assess');
    expect(button('Send to ServiceNow').disabled).toBe(true);
    const confirm = container.querySelector<HTMLInputElement>(
      '[data-testid="existing-tickets"] input[type="checkbox"]',
    )!;
    await act(() => userClick(confirm));
    expect(button('Send to ServiceNow').disabled).toBe(false);
  });

  test('sending shows the number and a link to the record', async () => {
    await mount(context());
    await act(() => userClick(button('Send to ServiceNow')));
    await flush();
    expect(send).toHaveBeenCalledWith(
      'createTicket',
      expect.objectContaining({ actionId: 'AdminMFAV2', type: 'change_request', priority: '2' }),
    );
    const created = container.querySelector('[data-testid="ticket-created"]');
    expect(created?.textContent).toContain('Created CHG0030001 in ServiceNow.');
    expect(created?.querySelector('a')?.getAttribute('href')).toBe(
      'https://contoso.service-now.com/nav_to.do?uri=change_request.do?sys_id=s1',
    );
  });

  test('not connected: explains, offers to connect, and keeps Send off', async () => {
    await mount(context({ state: 'not_configured' }));
    expect(container.querySelector('[data-testid="not-connected"] a')?.getAttribute('href')).toBe(
      '/ticketProvisioning',
    );
    expect(button('Send to ServiceNow').disabled).toBe(true);
  });

  test('a slow answer says the ticket is safe in the outbox and the form may be closed', async () => {
    await mount(context());
    let answer: (value: unknown) => void = () => undefined;
    send.mockImplementation((name: string) =>
      name === 'createTicket' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve([]),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await act(() => userClick(button('Send to ServiceNow')));
      await act(async () => void (await vi.advanceTimersByTimeAsync(1000)));
      expect(container.querySelector('[data-testid="ticket-safe-in-outbox"]')).toBeNull();
      await act(async () => void (await vi.advanceTimersByTimeAsync(4000)));
      expect(container.querySelector('[data-testid="ticket-safe-in-outbox"]')?.textContent).toBe(
        'ServiceNow has not answered yet. The ticket is saved in the outbox and will be sent, even if ServiceNow is slow or the browser restarts. You can close this form.',
      );
      await act(async () =>
        answer({
          outboxId: 'x',
          state: 'sent',
          result: { table: 'change_request', sysId: 's1', number: 'CHG0030001', url: 'https://x/' },
        }),
      );
      await act(async () => void (await vi.advanceTimersByTimeAsync(10)));
      expect(container.querySelector('[data-testid="ticket-safe-in-outbox"]')).toBeNull();
      expect(container.querySelector('[data-testid="ticket-created"]')).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  test("a page script's click(), click event, requestSubmit() or submit event creates nothing", async () => {
    await mount(context());
    const sendButton = button('Send to ServiceNow');
    const form = container.querySelector('form')!;
    await act(() => sendButton.click());
    await act(() => void sendButton.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
    await act(() => form.requestSubmit(sendButton));
    await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(send.mock.calls.map(([name]) => name)).not.toContain('createTicket');
    expect(container.querySelector('[data-testid="ticket-created"]')).toBeNull();
  });

  test('a page script cannot confirm another ticket for the user', async () => {
    await mount(
      context({
        existing: [{ table: 'change_request', number: 'CHG0030001', state: '-4', url: 'https://x/', waiting: false }],
      }),
    );
    const confirm = container.querySelector<HTMLInputElement>(
      '[data-testid="existing-tickets"] input[type="checkbox"]',
    )!;
    await act(() => confirm.click());
    await act(() => void confirm.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    expect(confirm.checked).toBe(false);
    expect(button('Send to ServiceNow').disabled).toBe(true);
  });
});
