import type { Locator, Page } from 'playwright-core';
import type { World } from '../../support/world';

// Page objects and stand-in helpers for the tracking views: home cards, per-action status,
// the ticket list, options → Ticket states.

export type Table = 'change_request' | 'incident';

export interface StandInRecord {
  sys_id: string;
  number: string;
  state: string;
  sys_updated_on: string;
}

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  query: Record<string, string>;
}

/** A ticket as if the extension had created it (correlation id m365ss-<actionId>). */
export async function createTicket(world: World, table: Table, fields: Record<string, string>): Promise<StandInRecord> {
  const { record } = await world.admin<{ record: StandInRecord }>('POST', `/records/${table}`, { fields });
  return record;
}

/** Changes a ticket like a fulfiller in ServiceNow would. */
export async function changeTicket(world: World, table: Table, sysId: string, fields: Record<string, string>): Promise<void> {
  await world.admin('POST', `/records/${table}/${sysId}`, { fields });
}

export const requestLog = (world: World) => world.admin<LogEntry[]>('GET', '/log');
export const clearLog = (world: World) => world.admin('DELETE', '/log');

/** Runs a sync in the worker (e2e builds expose the sync service) and returns its duration. */
export async function syncInWorker(world: World): Promise<{ ms: number; state: { error?: { code: string } } }> {
  const worker = await world.worker();
  return worker.evaluate(`(async () => {
    const started = performance.now();
    const state = await globalThis.__snt.sync.requestSync('manual');
    return { ms: performance.now() - started, state };
  })()`) as Promise<{ ms: number; state: { error?: { code: string } } }>;
}

/** Waits for the running sync (e.g. the one started right after connecting) by joining it. */
export async function syncSettled(world: World): Promise<void> {
  const worker = await world.worker();
  await worker.evaluate(`globalThis.__snt.sync.requestSync('alarm').then(() => true)`);
}

export function card(page: Page, table: Table): Locator {
  return page.getByTestId(`ticket-card-${table}`);
}

/** The count tile of a state in a card, by the state's shown name. */
export function countOf(page: Page, table: Table, stateValue: string): Locator {
  return card(page, table).locator(`li[data-state="${stateValue}"]`);
}

export async function expectCount(page: Page, table: Table, stateValue: string, count: number): Promise<void> {
  await card(page, table).locator(`li[data-state="${stateValue}"][data-count="${count}"]`).waitFor();
}

export function actionBadge(page: Page, actionId: string): Locator {
  return page.locator(`snt-ui[data-snt-action="${actionId}"]`).getByTestId('action-ticket');
}
