import { afterEach, beforeEach, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';
import { OptionsPage, PRIVATE_CLIENT, signIn, SVC } from './pages/options-page';
import { connect, openActionFlyout, openTaskFormFromFlyout } from './pages/portal-page';

// F4.1: a sent ticket survives worker restarts and failures, is never created twice, and
// failed items stay visible in the popup with Retry and Discard.

let world: World;
beforeEach(async () => {
  world = await startWorld();
  await connect(world);
});
afterEach(() => world?.close());

const records = (table: string) => world.admin<{ correlation_id: string }[]>('GET', `/records/${table}`);

async function stopServiceWorker(): Promise<void> {
  const page = world.context.pages()[0] ?? (await world.context.newPage());
  const cdp = await world.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a ticket waiting for a retry is sent after the service worker restarts, once', async () => {
  await world.admin('POST', '/faults', { match: '/api/now/table/change_request', method: 'POST', kind: 'status', status: 503, times: 1 });
  const page = await openActionFlyout(world, 'OneAdmin');
  const form = await openTaskFormFromFlyout(page);
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  await form.getByTestId('ticket-queued').waitFor();
  const before = await world.worker();
  await before.evaluate('globalThis.__marker = 1');
  // When the outbox means to try again: the worker is stopped until well past that moment.
  const due = (await before.evaluate(`globalThis.__snt.outbox.list().then((items) => items[0].nextAttemptAt)`)) as number;
  await stopServiceWorker();
  await expect.poll(() => Date.now() > due + 500, { timeout: 30_000 }).toBe(true);
  // Any event starts the worker again; it resumes the outbox at start.
  const popup = await world.openExtensionPage('popup.html');
  await expect.poll(async () => (await records('change_request')).filter((r) => r.correlation_id === 'm365ss-OneAdmin').length, { timeout: 15_000 }).toBe(1);
  // It really was a new worker: the marker set in the old one is gone.
  expect(await (await world.worker()).evaluate('globalThis.__marker')).toBeUndefined();
  await popup.getByTestId('outbox-count').filter({ hasText: '0' }).waitFor();
  // Sent and settled: no attempt is left that could still create a second record.
  const states = await (await world.worker()).evaluate(`globalThis.__snt.outbox.list().then((items) => items.map((i) => i.state))`);
  expect(states).toEqual(['sent']);
  expect((await records('change_request')).filter((r) => r.correlation_id === 'm365ss-OneAdmin')).toHaveLength(1);
});

test('a ticket refused for want of a connection waits in the popup with Retry and Discard', async () => {
  await world.admin('POST', '/expire-tokens', { kind: 'all' });
  const page = await openActionFlyout(world, 'RoleOverlap');
  const form = await openTaskFormFromFlyout(page);
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  const failed = form.getByTestId('ticket-queued');
  await failed.waitFor();
  expect(await failed.getAttribute('data-state')).toBe('failed');
  expect(await failed.textContent()).toContain('Reconnect');

  const popup = await world.openExtensionPage('popup.html');
  const outbox = popup.getByTestId('outbox');
  await outbox.getByText('Use least privileged administrative roles').waitFor();
  await outbox.getByRole('button', { name: 'Retry sending Use least privileged administrative roles' }).waitFor();
  popup.once('dialog', (d) => void d.accept());
  await outbox.getByRole('button', { name: 'Discard Use least privileged administrative roles' }).click();
  await outbox.waitFor({ state: 'detached' });
  await popup.getByTestId('outbox-count').filter({ hasText: '0' }).waitFor();
  expect(await records('change_request')).toHaveLength(0);
});

test('429 is retried after Retry-After without a duplicate', async () => {
  await world.admin('POST', '/faults', { match: '/api/now/table/incident', method: 'POST', kind: 'status', status: 429, retryAfter: 2, times: 1 });
  const page = await openActionFlyout(world, 'mcasFIMEnabled');
  const form = await openTaskFormFromFlyout(page);
  await form.getByLabel('Ticket type').selectOption('incident');
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  const queued = form.getByTestId('ticket-queued');
  await queued.waitFor();
  expect(await queued.textContent()).toContain('limiting requests');
  await form.getByTestId('ticket-created').waitFor({ timeout: 15_000 });
  expect((await records('incident')).filter((r) => r.correlation_id === 'm365ss-mcasFIMEnabled')).toHaveLength(1);
});

test('saving a corrected client ID signs out but keeps the waiting ticket, which goes once the new client is connected', async () => {
  await world.admin('POST', '/expire-tokens', { kind: 'all' });
  const page = await openActionFlyout(world, 'RoleOverlap');
  const form = await openTaskFormFromFlyout(page);
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  await form.locator('[data-testid="ticket-queued"][data-state="failed"]').waitFor();

  // The admin fixes the connection in options with another OAuth client and saves.
  const options = await OptionsPage.open(world);
  await options.fill({ instance: 'contoso', clientId: PRIVATE_CLIENT.id, secret: PRIVATE_CLIENT.secret });
  await options.page.getByRole('button', { name: 'Save', exact: true }).click();
  await options.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await options.expectState('Not connected');

  const popup = await world.openExtensionPage('popup.html');
  const outbox = popup.getByTestId('outbox');
  await outbox.getByText('Use least privileged administrative roles').waitFor();
  await popup.getByTestId('outbox-count').filter({ hasText: '1' }).waitFor();

  const auth = await options.connect();
  await signIn(auth);
  await options.expectState(`Connected as ${SVC.name}`);
  // A ticket that waited only for a connection goes by itself after connecting.
  await expect.poll(async () => (await records('change_request')).filter((r) => r.correlation_id === 'm365ss-RoleOverlap').length, { timeout: 30_000 }).toBe(1);
  await popup.getByTestId('outbox-count').filter({ hasText: '0' }).waitFor();
  expect((await records('change_request')).filter((r) => r.correlation_id === 'm365ss-RoleOverlap')).toHaveLength(1);
});
