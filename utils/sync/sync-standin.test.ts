// @vitest-environment node
// The sync with the product's own REST client against the ServiceNow stand-in (plain HTTP,
// in-process): the requests it really sends, as the stand-in's request log records them.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { signedInClient } from '../../tests/support/standin-client';
import { startServiceNow, type ServiceNowStandIn } from '../../tests/servicenow/server';
import type { ServiceNowClient } from '../servicenow/client';
import type { SyncMeta, TableCache } from '../tickets/cache';
import { HEAD_SIZE, syncTickets } from './sync-engine';

let sn: ServiceNowStandIn;
let client: ServiceNowClient;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0 });
});
afterAll(() => sn.close());
beforeEach(async () => {
  sn.reset();
  client = await signedInClient(sn);
  const hourAgo = new Date(sn.state.now() - 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  sn.state.seedRecords('change_request', {
    count: 1200,
    correlationPrefix: 'm365ss-c',
    fields: { sys_updated_on: hourAgo, state: '-4' },
  });
  sn.state.seedRecords('incident', {
    count: 30,
    correlationPrefix: 'm365ss-i',
    fields: { sys_updated_on: hourAgo, state: '2' },
  });
  sn.state.seedRecords('incident', { count: 3, correlationPrefix: 'other-', fields: { sys_updated_on: hourAgo } });
});

type Caches = Partial<Record<'change_request' | 'incident', TableCache>>;

async function run(previous: Caches = {}, meta: SyncMeta = {}) {
  sn.state.clearLog();
  const result = await syncTickets(client, previous, { now: sn.state.now(), meta });
  const log = sn.state
    .getLog()
    .map((e) => `${e.status} ${e.path} ${e.query.sysparm_group_by ?? e.query.sysparm_limit ?? ''}`);
  return { result, log };
}

describe('through task', () => {
  test('first sync, unchanged sync (one request), a change and a deletion', async () => {
    const first = await run();
    expect(first.log).toEqual([
      '200 /api/now/table/task 1000',
      '200 /api/now/table/task 1000',
      '200 /api/now/stats/change_request state',
      '200 /api/now/stats/incident state',
    ]);
    expect(first.result.data.change_request).toMatchObject({ total: 1200, counts: { '-4': 1200 } });
    expect(first.result.data.incident).toMatchObject({ total: 30, counts: { '2': 30 } });

    sn.state.setClock({ advanceMs: 60_000 });
    const unchanged = await run(first.result.data);
    expect(unchanged.log).toEqual([`200 /api/now/table/task ${HEAD_SIZE}`]);
    expect(sn.state.log[0]!.query).toMatchObject({
      sysparm_query:
        'sys_class_nameINchange_request,incident^correlation_idSTARTSWITHm365ss-^ORDERBYDESCsys_updated_on^ORDERBYsys_id',
      sysparm_fields:
        'sys_id,number,short_description,state,due_date,correlation_id,sys_updated_on,sys_mod_count,sys_class_name',
    });
    expect(unchanged.result.changed).toBe(false);

    const incident = unchanged.result.data.incident.tickets[4]!;
    sn.state.updateRecord('incident', incident.sysId, { state: '6' });
    const changed = await run(unchanged.result.data);
    expect(changed.log).toEqual([
      `200 /api/now/table/task ${HEAD_SIZE}`,
      '200 /api/now/stats/task sys_class_name,state',
    ]);
    expect(changed.result.data.incident.counts).toEqual({ '2': 29, '6': 1 });
    expect(changed.result.data.change_request.counts).toEqual({ '-4': 1200 });

    const gone = changed.result.data.change_request.tickets[7]!;
    sn.state.deleteRecord('change_request', gone.sysId);
    sn.state.setClock({ advanceMs: 60_000 });
    const deleted = await run(changed.result.data);
    expect(deleted.log).toEqual([
      `200 /api/now/table/task ${HEAD_SIZE}`,
      '200 /api/now/table/task 5000',
      '200 /api/now/stats/task sys_class_name,state',
    ]);
    expect(deleted.result.data.change_request.total).toBe(1199);
  });
});

describe('fallback', () => {
  test('an instance that refuses task (403) is synced per table; the remembered refusal skips task next time', async () => {
    sn.state.updateSettings({ taskReadDenied: true });
    const first = await run();
    expect(first.result).toMatchObject({ path: 'tables', meta: { taskRefusedAt: expect.any(Number) } });
    expect(first.log).toEqual([
      '403 /api/now/table/task 1000',
      '200 /api/now/table/change_request 1000',
      '200 /api/now/table/change_request 1000',
      '200 /api/now/stats/change_request state',
      '200 /api/now/table/incident 1000',
      '200 /api/now/stats/incident state',
    ]);
    expect(first.result.data.incident.total).toBe(30);
    sn.state.setClock({ advanceMs: 60_000 });
    const unchanged = await run(first.result.data, first.result.meta);
    expect(unchanged.log).toEqual([
      `200 /api/now/table/change_request ${HEAD_SIZE}`,
      `200 /api/now/table/incident ${HEAD_SIZE}`,
    ]);
  });

  test("a cross-scope refusal everywhere is the sync's error, not a reason to remember anything", async () => {
    sn.state.setCrossScope(true);
    await expect(run()).rejects.toMatchObject({ code: 'cross_scope' });
    expect(sn.state.getLog().map((e) => `${e.status} ${e.path}`)).toEqual([
      '403 /api/now/table/task',
      '403 /api/now/table/change_request',
    ]);
  });

  test('a rate limit on task is not a refusal: the sync fails and tries task again next time', async () => {
    sn.state.addFault({ match: '/api/now/table/task', kind: 'status', status: 429, retryAfter: 30 });
    await expect(run()).rejects.toMatchObject({ code: 'rate_limited', extra: { retryAfter: 30 } });
    expect(sn.state.getLog()).toHaveLength(1);
  });
});
