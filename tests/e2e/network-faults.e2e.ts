import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';
import { connect, openActionFlyout, openTaskFormFromFlyout } from './pages/portal-page';
import { syncInWorker } from './pages/tracking';

// The two faults of issue 11 that made two records of one request, end to end through the
// extension in Chromium: each ends with exactly one live ticket in the stand-in and the popup's
// notice of the retired duplicate. (The e2e build times a request out after 5 s and looks the
// ticket up 3 s after a timeout: utils/servicenow/request-timeout.ts.)

let world: World;
beforeAll(async () => {
  world = await startWorld();
  await connect(world);
});
afterAll(() => world?.close());
beforeEach(async () => {
  await world.admin('DELETE', '/faults');
  await world.admin('DELETE', '/log');
});

interface Row {
  sys_id: string;
  number: string;
  state: string;
  correlation_id: string;
  journal: { element: string; value: string }[];
}
interface Logged {
  method: string;
  path: string;
  fault?: string;
  connection: number;
  connection_request: number;
  created?: { number: string };
}

const rowsOf = async (table: string, actionId: string) =>
  (await world.admin<Row[]>('GET', `/records/${table}`)).filter((r) => r.correlation_id === `m365ss-${actionId}`);
const posts = async (table: string) =>
  (await world.admin<Logged[]>('GET', '/log')).filter((e) => e.method === 'POST' && e.path === `/api/now/table/${table}`);

async function expectNotice(retired: string, kept: string): Promise<void> {
  const popup = await world.openExtensionPage('popup.html');
  await popup.getByTestId('duplicate-notices').getByText(`${retired} was a duplicate of ${kept} and was canceled.`).waitFor();
  await popup.close();
}

test('drop before any answer byte on a reused connection: Chromium resends, one ticket stays live, the popup says so', async () => {
  await world.admin('POST', '/faults', { match: '/api/now/table/change_request', method: 'POST', kind: 'drop-before-answer', times: 1 });
  const page = await openActionFlyout(world, 'AdminMFAV2');
  const form = await openTaskFormFromFlyout(page);
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  const created = form.getByTestId('ticket-created');
  await created.waitFor();

  // The browser's own resend: the dropped POST came on a reused keep-alive connection, the same
  // POST again on another connection, and both created a record.
  const [dropped, resent] = await posts('change_request');
  expect(dropped).toMatchObject({ fault: 'drop-before-answer' });
  expect(dropped!.connection_request).toBeGreaterThan(1);
  expect(resent!.connection).not.toBe(dropped!.connection);
  const rows = await rowsOf('change_request', 'AdminMFAV2');
  expect(rows).toHaveLength(2);
  const [kept, extra] = [rows.find((r) => r.state !== '4')!, rows.find((r) => r.state === '4')!];
  expect(kept.number).toBe(dropped!.created!.number); // the first record is the ticket
  expect(extra.journal.map((j) => j.value).join('\n')).toContain(`Duplicate of ${kept.number}`);
  await expect(created.textContent()).resolves.toContain(kept.number);
  await expectNotice(extra.number, kept.number);
});

test('a create the instance finishes after the client gave up and looked again: the next sync retires it, the popup says so', async () => {
  // Answered never; carried out 15 s after arrival: after the 5 s timeout, the lookup 3 s later
  // (nothing found) and the second create.
  await world.admin('POST', '/faults', { match: '/api/now/table/incident', method: 'POST', kind: 'late-create', delayMs: 15_000, times: 1 });
  const page = await openActionFlyout(world, 'OneAdmin');
  const form = await openTaskFormFromFlyout(page);
  await form.getByLabel('Ticket type').selectOption('incident');
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  // While it hangs, the form says the ticket is safe; then the second create answers.
  await form.getByTestId('ticket-safe-in-outbox').or(form.getByTestId('ticket-queued')).first().waitFor();
  const created = form.getByTestId('ticket-created');
  await created.waitFor({ timeout: 60_000 });
  await expect.poll(async () => (await rowsOf('incident', 'OneAdmin')).length, { timeout: 60_000 }).toBe(2);
  const [late, second] = await posts('incident');
  expect(late).toMatchObject({ fault: 'late-create' });
  expect(late!.created).toBeDefined();

  // The periodic sync (asked for here rather than waited for) finds the late record and retires it.
  expect((await syncInWorker(world)).state.error).toBeUndefined();
  const rows = await rowsOf('incident', 'OneAdmin');
  const live = rows.filter((r) => r.state !== '8');
  expect(live.map((r) => r.number)).toEqual([second!.created!.number]);
  expect(rows.find((r) => r.number === late!.created!.number)!.state).toBe('8');
  await expect(created.textContent()).resolves.toContain(second!.created!.number);
  await expectNotice(late!.created!.number, second!.created!.number);
});
