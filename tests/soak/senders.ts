import type { Page } from 'playwright-core';
import type { World } from '../support/world';
import { openRowShareSubmenu, serviceNowItem, taskForm } from '../e2e/pages/portal-page';
import type { SoakRequest } from './judge';

// How the soak sends tickets: the worker's message API from one extension page (many at once),
// or the portal UI (Share → ServiceNow → form → Send) on one actions-list page kept open, so no
// creation pays for a page load.

/** chrome.* as seen from an extension page (evaluated there, not in Node). */
interface ExtensionGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export function draftFor(request: SoakRequest) {
  return {
    type: request.table,
    actionId: null,
    name: request.name,
    description: request.description,
    priority: '3',
    dueDate: request.dueDate,
    source: 'user',
    category: 'Identity',
    initiatingUser: 'Soak Test (soak@contoso.com)',
    actionLink: '',
    confirmDuplicate: false,
  };
}

export function message(page: Page, name: string, payload: unknown): Promise<{ ok?: boolean; value?: unknown }> {
  return page.evaluate(
    ([name, payload]) =>
      (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ channel: 'snt/1', name, payload }),
    [name, payload] as const,
  ) as Promise<{ ok?: boolean; value?: unknown }>;
}

export interface OutboxEntry {
  name: string;
  state: string;
  lastError?: { code: string };
}

export async function outboxItems(page: Page): Promise<OutboxEntry[]> {
  const reply = await message(page, 'listOutbox', {});
  return (reply.value ?? []) as OutboxEntry[];
}

/**
 * Sends through the message API; resolves once the outbox has the item. A worker stopped while
 * it handled the message leaves no reply: the soak then looks whether the item was stored and,
 * only if not (the worker never accepted it, as a user's Send that got an error), sends again.
 */
export async function sendThroughApi(page: () => Page, request: SoakRequest, stored: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    request.sentAt = Date.now();
    const reply = await message(page(), 'createTicket', draftFor(request)).catch((error: Error) => ({ error }));
    if ('ok' in reply && reply.ok === true) return;
    if (await stored()) return;
    if (attempt >= 5) throw new Error(`createTicket ${request.key}: ${JSON.stringify(reply)}`);
  }
}

/** The portal form on one actions-list page, one creation after the other. */
export class UiSender {
  private page?: Page;
  constructor(private readonly world: World) {}

  /** After a browser restart the old page is gone. */
  reset(): void {
    this.page = undefined;
  }

  /** Opens the list page now (the form itself needs no network, loading the page does). */
  async ready(): Promise<void> {
    await this.listPage();
  }

  private async listPage(): Promise<Page> {
    if (!this.page || this.page.isClosed()) {
      this.page = await this.world.openPortal('/securescore?viewid=actions');
      await this.page.locator('.ms-DetailsRow').first().waitFor();
    }
    return this.page;
  }

  async send(actionId: string, request: SoakRequest): Promise<void> {
    const page = await this.listPage();
    await openRowShareSubmenu(page, actionId);
    await serviceNowItem(page).click();
    const form = taskForm(page);
    await form.getByLabel('Task name').waitFor();
    await form.getByLabel('Ticket type').selectOption(request.table);
    await form.getByLabel('Task name').fill(request.name);
    await form.getByLabel('Description').fill(request.description);
    await form.getByLabel('Due date').fill(request.dueDate);
    // The form renders once its lookup answered: an action sent before lists its ticket and asks.
    const another = form.getByLabel('Create another ticket anyway');
    if ((await another.count()) > 0) await another.check();
    request.sentAt = Date.now();
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    // Any of these means the worker stored it: created, waiting for a retry, or safe in the outbox.
    await form
      .getByTestId('ticket-created')
      .or(form.getByTestId('ticket-queued'))
      .or(form.getByTestId('ticket-safe-in-outbox'))
      .first()
      .waitFor({ timeout: 60_000 });
    await form.getByTestId('task-form').getByRole('button', { name: /^(Close|Cancel)$/ }).click();
    await form.waitFor({ state: 'detached' });
  }
}
