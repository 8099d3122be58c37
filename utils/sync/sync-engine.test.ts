import { describe, expect, test } from 'vitest';
import type { TableCache } from '../tickets/cache';
import { createFakeServiceNow, type FakeServiceNow } from './fake-client';
import { HEAD_SIZE, ID_PAGE_SIZE, PAGE_SIZE, RECONCILE_EVERY_MS, syncTable, WATERMARK_MARGIN_MS } from './sync-engine';

const MINUTE = 60_000;
const CHG = 'change_request' as const;

async function sync(sn: FakeServiceNow, previous?: TableCache) {
  sn.calls.length = 0;
  return syncTable(sn.client, CHG, previous, { now: sn.now() });
}

function seeded(count: number) {
  const sn = createFakeServiceNow();
  for (let i = 0; i < count; i++) sn.create(CHG, { state: i % 3 === 0 ? '-4' : '-5' });
  sn.tick(MINUTE); // the tickets exist for a while before the first sync
  return sn;
}

describe('first sync', () => {
  test('pages through all tickets, limited to the shown fields, then counts by state', async () => {
    const sn = seeded(2345);
    sn.create(CHG, { correlation_id: 'someone-else-1' }); // not ours: never read
    const result = await sync(sn);
    expect(result.mode).toBe('full');
    expect(result.data.tickets).toHaveLength(2345);
    expect(result.data.total).toBe(2345);
    expect(result.data.counts).toEqual({ '-4': 782, '-5': 1563 });
    const lists = sn.calls.filter((c) => c.kind === 'list');
    expect(lists.map((c) => [c.offset, c.limit])).toEqual([[0, PAGE_SIZE], [1000, PAGE_SIZE], [2000, PAGE_SIZE]]);
    for (const call of lists) {
      expect(call.query).toBe('correlation_idSTARTSWITHm365ss-^ORDERBYDESCsys_updated_on^ORDERBYsys_id');
      expect(call.fields).toBe('sys_id,number,short_description,state,due_date,correlation_id,sys_updated_on,sys_mod_count');
    }
    expect(sn.calls.filter((c) => c.kind === 'stats')).toHaveLength(1);
    expect(result.requests).toBe(4);
  });

  test('an empty table costs one request and no Aggregate call', async () => {
    const sn = createFakeServiceNow();
    const result = await sync(sn);
    expect(result.requests).toBe(1);
    expect(result.data).toMatchObject({ tickets: [], counts: {}, total: 0, complete: true });
  });

  test('bad records are skipped and text is bounded; action ids come from the correlation id', async () => {
    const sn = createFakeServiceNow();
    sn.create(CHG, { sys_id: 'not-hex' });
    sn.create(CHG, { short_description: `<img src=x onerror=alert(1)>\u0000${'x'.repeat(500)}`, correlation_id: 'm365ss-AdminMFAV2', state: 'Assess', due_date: 'tomorrow' });
    sn.create(CHG, { correlation_id: 'm365ss-manual-1234' });
    const { data } = await sync(sn);
    expect(data.tickets).toHaveLength(2);
    const [hostile, manual] = data.tickets;
    expect(hostile!.name).toHaveLength(160);
    expect(hostile!.name.startsWith('<img src=x onerror=alert(1)> x')).toBe(true);
    expect(hostile).toMatchObject({ actionId: 'AdminMFAV2', state: '', dueDate: '' });
    expect(manual!.actionId).toBeNull();
  });
});

describe('incremental sync', () => {
  async function synced(count = 40) {
    const sn = seeded(count);
    const first = await sync(sn);
    sn.tick(5 * MINUTE);
    return { sn, cache: first.data };
  }

  test('with no changes makes exactly one request and keeps the cached counts', async () => {
    const { sn, cache } = await synced();
    const result = await sync(sn, cache);
    expect(result).toMatchObject({ mode: 'incremental', changed: false, requests: 1, reconciled: false });
    expect(sn.calls).toEqual([expect.objectContaining({ kind: 'list', offset: 0, limit: HEAD_SIZE })]);
    expect(result.data.counts).toEqual(cache.counts);
  });

  test('thousands of tickets stamped in the same second do not make later syncs page', async () => {
    const sn = seeded(5000); // all in one second, like a bulk import
    const first = await sync(sn);
    expect(first.requests).toBe(6);
    sn.tick(WATERMARK_MARGIN_MS + 1000);
    const second = await sync(sn, first.data);
    expect(second.requests).toBe(1);
  });

  test('tickets changed within the safety margin before a sync are read once more by the next one, then not again', async () => {
    const sn = createFakeServiceNow();
    for (let i = 0; i < 2500; i++) sn.create(CHG);
    const first = await sync(sn); // same second as the bulk import
    sn.tick(5 * MINUTE);
    const second = await sync(sn, first.data);
    expect(second).toMatchObject({ changed: false, requests: 4 }); // head + 3 pages re-read, found unchanged
    sn.tick(5 * MINUTE);
    expect((await sync(sn, second.data)).requests).toBe(1);
  });

  test('a changed state is read from the head page and the counts are fetched again', async () => {
    const { sn, cache } = await synced();
    const ticket = cache.tickets[7]!;
    sn.update(CHG, ticket.sysId, { state: '-3' });
    const result = await sync(sn, cache);
    expect(result).toMatchObject({ changed: true, requests: 2 });
    expect(result.data.tickets.find((t) => t.sysId === ticket.sysId)?.state).toBe('-3');
    expect(result.data.counts['-3']).toBe(1);
  });

  test('changes in the same second as the last sync are not missed (>= watermark, deduplicated)', async () => {
    const sn = seeded(3);
    const first = await sync(sn); // no tick: the next change shares the second of this sync
    const changed = first.data.tickets[0]!;
    sn.update(CHG, changed.sysId, { state: '0' });
    const second = await sync(sn, first.data);
    expect(second.data.tickets.find((t) => t.sysId === changed.sysId)?.state).toBe('0');
    expect(second.data.tickets).toHaveLength(3);
  });

  test('more changes than the head page holds are paged', async () => {
    const { sn, cache } = await synced(200);
    for (const t of cache.tickets.slice(0, 60)) sn.update(CHG, t.sysId, { state: '0' });
    const result = await sync(sn, cache);
    expect(result.data.counts['0']).toBe(60);
    expect(sn.calls.filter((c) => c.kind === 'list').map((c) => [c.offset, c.limit])).toEqual([[0, HEAD_SIZE], [HEAD_SIZE, PAGE_SIZE]]);
  });

  test('a new ticket is added', async () => {
    const { sn, cache } = await synced();
    const created = sn.create(CHG, { correlation_id: 'm365ss-OneAdmin' });
    const result = await sync(sn, cache);
    expect(result.data.tickets).toHaveLength(41);
    expect(result.data.tickets.some((t) => t.sysId === created.sys_id && t.actionId === 'OneAdmin')).toBe(true);
    expect(result.requests).toBe(2);
  });
});

describe('deletions', () => {
  test('a deleted ticket disappears: the census differs, one id-only pass finds it', async () => {
    const sn = seeded(30);
    const first = await sync(sn);
    sn.tick(MINUTE);
    const gone = first.data.tickets[12]!;
    sn.remove(CHG, gone.sysId);
    const result = await sync(sn, first.data);
    expect(result.reconciled).toBe(true);
    expect(result.data.tickets.map((t) => t.sysId)).not.toContain(gone.sysId);
    expect(result.data.total).toBe(29);
    const idPass = sn.calls.find((c) => c.fields === 'sys_id,sys_mod_count');
    expect(idPass).toMatchObject({ query: 'correlation_idSTARTSWITHm365ss-^ORDERBYsys_id', limit: ID_PAGE_SIZE });
    expect(sn.calls.map((c) => c.kind)).toEqual(['list', 'list', 'stats']);
  });

  test('a ticket that is no longer ours (correlation id changed) disappears too', async () => {
    const sn = seeded(5);
    const first = await sync(sn);
    sn.tick(MINUTE);
    const moved = first.data.tickets[0]!;
    sn.update(CHG, moved.sysId, { correlation_id: 'other-system-1' });
    const result = await sync(sn, first.data);
    expect(result.data.tickets.map((t) => t.sysId)).not.toContain(moved.sysId);
  });

  test('a ticket missed while paging is fetched by id in the reconciliation pass', async () => {
    const sn = seeded(10);
    const first = await sync(sn);
    const missing = first.data.tickets[3]!;
    const damaged: TableCache = { ...first.data, tickets: first.data.tickets.filter((t) => t !== missing) };
    sn.tick(MINUTE);
    const result = await sync(sn, damaged);
    expect(result.data.tickets.map((t) => t.sysId)).toContain(missing.sysId);
    expect(sn.calls.some((c) => c.query.includes(`sys_idIN${missing.sysId}`))).toBe(true);
  });

  test('a full reconciliation runs once a day even when the counts match', async () => {
    const sn = seeded(10);
    const first = await sync(sn);
    sn.tick(RECONCILE_EVERY_MS);
    const result = await sync(sn, first.data);
    expect(result.reconciled).toBe(true);
    expect(result.data.reconciledAt).toBe(sn.now());
  });
});

describe('robustness', () => {
  test('without a Date header the newest time stamp seen becomes the watermark', async () => {
    const sn = seeded(3);
    const list = sn.client.list;
    sn.client.list = async (...args) => ({ ...(await list(...args)), serverDate: undefined });
    const { data } = await sync(sn);
    expect(data.watermark).toBe('2026-11-23 10:00:00');
  });

  test('an error leaves the previous cache untouched (the caller keeps it)', async () => {
    const sn = seeded(3);
    const first = await sync(sn);
    const before = structuredClone(first.data);
    sn.faults.push(new Error('boom'));
    await expect(sync(sn, first.data)).rejects.toThrow('boom');
    expect(first.data).toEqual(before);
  });

  test('an aborted sync stops before its next request', async () => {
    const sn = seeded(2500);
    const controller = new AbortController();
    const list = sn.client.list;
    sn.client.list = async (...args) => {
      controller.abort();
      return list(...args);
    };
    await expect(syncTable(sn.client, CHG, undefined, { now: sn.now(), signal: controller.signal })).rejects.toThrow();
    expect(sn.calls).toHaveLength(1);
  });
});
