// @vitest-environment node
// The sync's duplicate check against the ServiceNow stand-in (in-process, the product's own
// client): a record of a request that appeared after its create was verified is retired.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { signedInClient } from '../../tests/support/standin-client';
import { SAMPLE_DRAFT } from '../../tests/support/sample-draft';
import { startServiceNow, type ServiceNowStandIn } from '../../tests/servicenow/server';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';
import type { TicketDraft } from '../domain/ticket-draft';
import type { ServiceNowClient } from '../servicenow/client';
import { toServiceNowFields } from '../servicenow/ticket-fields';
import { outboxStore, type OutboxItem } from './outbox-store';
import type { RetiredDuplicate } from './request-records';
import { createSentCheck, SETTLE_MS } from './sent-check';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

let sn: ServiceNowStandIn;
let client: ServiceNowClient;
let now = 10_000_000;

const draft = SAMPLE_DRAFT;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0 });
});
afterAll(() => sn.close());
beforeEach(async () => {
  resetMemoryIdb();
  sn.reset();
  client = await signedInClient(sn);
});

/** A request the outbox sent (its first record), as the outbox stores it. */
async function sentItem(id: string, type: TicketDraft['type'] = 'change_request'): Promise<OutboxItem> {
  const item: OutboxItem = {
    id,
    createdAt: now,
    draft: { ...draft, type },
    correlationId: 'm365ss-AdminMFAV2',
    state: 'sent',
    attempts: 1,
    nextAttemptAt: now,
    uncertain: false,
    sentAt: now,
  };
  const record = await createRecordOf(item);
  item.result = { table: type, sysId: record.sys_id!, number: record.number!, url: '' };
  await outboxStore.put(item);
  return item;
}

/** Another record of the same request: what a late create or a resend leaves on the instance. */
function createRecordOf(item: OutboxItem) {
  return client.create(
    item.draft.type,
    toServiceNowFields(item.draft, { outboxId: item.id, correlationId: item.correlationId }),
  );
}

function run() {
  const retired: RetiredDuplicate[] = [];
  const check = createSentCheck({
    client: async () => client,
    onDuplicatesRetired: (r) => retired.push(...r),
    now: () => now,
  });
  return { retired, done: check() };
}

const stateOf = (sysId: string) => sn.state.allRecords('change_request').find((r) => r.sys_id === sysId)!;

describe('the duplicate check of every sync', () => {
  test('a record that appeared after the create was verified is canceled with a work note; the first is kept', async () => {
    const item = await sentItem('11111111-1111-4111-8111-111111111111');
    const late = await createRecordOf(item);
    const { retired, done } = run();
    await done;
    expect(retired).toEqual([
      expect.objectContaining({ sysId: late.sys_id, number: late.number, keptNumber: item.result!.number }),
    ]);
    expect(stateOf(late.sys_id!).state).toBe('4');
    expect(JSON.stringify(stateOf(late.sys_id!).journal)).toContain(`Duplicate of ${item.result!.number}`);
    expect(stateOf(item.result!.sysId).state).not.toBe('4');
    expect((await outboxStore.get(item.id))!.checkedAt).toBe(now);
  });

  test('another request of the same action (the user confirmed a second ticket) is left alone', async () => {
    const first = await sentItem('22222222-2222-4222-8222-222222222222');
    const second = await sentItem('33333333-3333-4333-8333-333333333333');
    const { retired, done } = run();
    await done;
    expect(retired).toEqual([]);
    expect(stateOf(first.result!.sysId).state).not.toBe('4');
    expect(stateOf(second.result!.sysId).state).not.toBe('4');
  });

  test('requests of both ticket types: one query per type, extras of each retired', async () => {
    const change = await sentItem('44444444-4444-4444-8444-444444444444');
    const incident = await sentItem('55555555-5555-4555-8555-555555555555', 'incident');
    await createRecordOf(change);
    const extra = await createRecordOf(incident);
    sn.state.clearLog();
    const { retired, done } = run();
    await done;
    expect(retired.map((r) => r.table).sort()).toEqual(['change_request', 'incident']);
    expect(sn.state.allRecords('incident').find((r) => r.sys_id === extra.sys_id)!.state).toBe('8');
    const reads = sn.state.getLog().filter((e) => e.method === 'GET');
    expect(reads.map((e) => e.path)).toEqual(['/api/now/table/change_request', '/api/now/table/incident']);
  });

  test('a request is checked until one check ran after the settle time; then no request is made', async () => {
    const item = await sentItem('66666666-6666-4666-8666-666666666666');
    await run().done;
    now += SETTLE_MS;
    await run().done; // this one ran SETTLE_MS after sending: the last
    expect((await outboxStore.get(item.id))!.checkedAt).toBe(now);
    await createRecordOf(item);
    sn.state.clearLog();
    const { retired, done } = run();
    await done;
    expect(retired).toEqual([]);
    expect(sn.state.getLog()).toEqual([]);
  });

  test('nothing sent lately: no request at all', async () => {
    await outboxStore.put({
      id: '77777777-7777-4777-8777-777777777777',
      createdAt: now,
      draft,
      correlationId: 'm365ss-AdminMFAV2',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      uncertain: false,
    });
    sn.state.clearLog();
    await run().done;
    expect(sn.state.getLog()).toEqual([]);
  });

  test('when the first record is not the one the item named, the item names the first', async () => {
    const item = await sentItem('88888888-8888-4888-8888-888888888888');
    const earlier = await createRecordOf(item);
    // The instance stamped the other record earlier (a create it had queued): that one is the ticket.
    sn.state.updateRecord('change_request', earlier.sys_id!, { sys_created_on: '2000-01-01 00:00:00' });
    const { retired, done } = run();
    await done;
    expect(retired.map((r) => r.sysId)).toEqual([item.result!.sysId]);
    expect((await outboxStore.get(item.id))!.result).toMatchObject({ sysId: earlier.sys_id, number: earlier.number });
  });

  test('a request sent to another instance is not looked up on this one', async () => {
    const item = await sentItem('99999999-9999-4999-8999-999999999999');
    await outboxStore.put({ ...item, instanceOrigin: 'https://fabrikam.service-now.com' });
    await createRecordOf(item);
    sn.state.clearLog();
    const { retired, done } = run();
    await done;
    expect(retired).toEqual([]);
    expect(sn.state.getLog()).toEqual([]);
  });
});
