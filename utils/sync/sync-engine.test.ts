import { describe, expect, test, vi } from 'vitest';
import { AppError } from '../errors';
import type { TableCache } from '../tickets/cache';
import { createFakeServiceNow, type FakeServiceNow } from '../../tests/support/fake-servicenow';
import {
  HEAD_SIZE,
  ID_PAGE_SIZE,
  PAGE_SIZE,
  RECONCILE_EVERY_MS,
  syncTable,
  syncTickets,
  TASK_RETRY_MS,
  WATERMARK_MARGIN_MS,
  type TicketSyncOptions,
} from './sync-engine';

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
    expect(lists.map((c) => [c.offset, c.limit])).toEqual([
      [0, PAGE_SIZE],
      [1000, PAGE_SIZE],
      [2000, PAGE_SIZE],
    ]);
    for (const call of lists) {
      expect(call.query).toBe('correlation_idSTARTSWITHm365ss-^ORDERBYDESCsys_updated_on^ORDERBYsys_id');
      expect(call.fields).toBe(
        'sys_id,number,short_description,state,due_date,correlation_id,sys_updated_on,sys_mod_count',
      );
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
    sn.create(CHG, {
      short_description: `<img src=x onerror=alert(1)>\u0000${'x'.repeat(500)}`,
      correlation_id: 'm365ss-AdminMFAV2',
      state: 'Assess',
      due_date: 'tomorrow',
    });
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
    expect(sn.calls.filter((c) => c.kind === 'list').map((c) => [c.offset, c.limit])).toEqual([
      [0, HEAD_SIZE],
      [HEAD_SIZE, PAGE_SIZE],
    ]);
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

describe('both ticket types through task', () => {
  const INC = 'incident' as const;
  const TASK_QUERY = 'sys_class_nameINchange_request,incident^correlation_idSTARTSWITHm365ss-';
  const TASK_FIELDS =
    'sys_id,number,short_description,state,due_date,correlation_id,sys_updated_on,sys_mod_count,sys_class_name';
  type Caches = Partial<Record<'change_request' | 'incident', TableCache>>;

  async function syncAll(sn: FakeServiceNow, previous: Caches = {}, options: Partial<TicketSyncOptions> = {}) {
    sn.calls.length = 0;
    return syncTickets(sn.client, previous, { now: sn.now(), ...options });
  }

  function mixed(changes: number, incidents: number) {
    const sn = createFakeServiceNow();
    for (let i = 0; i < changes; i++) sn.create(CHG, { state: i % 2 ? '-4' : '-5' });
    for (let i = 0; i < incidents; i++) sn.create(INC, { state: i % 2 ? '2' : '1' });
    sn.create(INC, { correlation_id: 'other-tool-1' }); // not ours
    sn.tick(MINUTE);
    return sn;
  }

  async function synced(changes = 30, incidents = 12) {
    const sn = mixed(changes, incidents);
    const first = await syncAll(sn);
    sn.tick(5 * MINUTE);
    return { sn, cache: first.data as Caches };
  }

  test('the first sync pages through task once for both types; the counts come from each ticket table', async () => {
    const sn = mixed(1800, 700);
    const result = await syncAll(sn);
    expect(result).toMatchObject({ path: 'task', mode: 'full', changed: true, meta: {} });
    expect(result.data.change_request.tickets).toHaveLength(1800);
    expect(result.data.incident.tickets).toHaveLength(700);
    expect(result.data.incident.tickets.every((t) => t.table === INC && t.number.startsWith('INC'))).toBe(true);
    expect(result.data.change_request).toMatchObject({ total: 1800, counts: { '-5': 900, '-4': 900 }, complete: true });
    expect(result.data.incident).toMatchObject({ total: 700, counts: { '1': 350, '2': 350 }, complete: true });
    expect(result.data.incident.watermark).toBe(result.data.change_request.watermark);
    const lists = sn.calls.filter((c) => c.kind === 'list');
    expect(lists.map((c) => [c.table, c.offset, c.limit])).toEqual([
      ['task', 0, PAGE_SIZE],
      ['task', 1000, PAGE_SIZE],
      ['task', 2000, PAGE_SIZE],
    ]);
    for (const call of lists) {
      expect(call.query).toBe(`${TASK_QUERY}^ORDERBYDESCsys_updated_on^ORDERBYsys_id`);
      expect(call.fields).toBe(TASK_FIELDS);
    }
    expect(sn.calls.filter((c) => c.kind === 'stats')).toEqual([
      expect.objectContaining({ table: CHG, groupBy: 'state', query: 'correlation_idSTARTSWITHm365ss-' }),
      expect.objectContaining({ table: INC, groupBy: 'state', query: 'correlation_idSTARTSWITHm365ss-' }),
    ]);
    expect(result.requests).toBe(5);
  });

  test('5,000 tickets: 5 pages and 2 counts at first, then ONE request when nothing changed', async () => {
    const sn = createFakeServiceNow();
    for (let i = 0; i < 5000; i++) sn.create(CHG);
    sn.tick(MINUTE);
    const first = await syncAll(sn);
    expect(first.requests).toBe(7);
    sn.tick(5 * MINUTE);
    const second = await syncAll(sn, first.data);
    expect(second).toMatchObject({ path: 'task', mode: 'incremental', changed: false, requests: 1, reconciled: false });
  });

  test('an unchanged sync is one head page of task and keeps the cached counts', async () => {
    const { sn, cache } = await synced();
    const result = await syncAll(sn, cache);
    expect(result).toMatchObject({
      path: 'task',
      mode: 'incremental',
      changed: false,
      requests: 1,
      reconciled: false,
      meta: {},
    });
    expect(sn.calls).toEqual([
      {
        kind: 'list',
        table: 'task',
        query: `${TASK_QUERY}^ORDERBYDESCsys_updated_on^ORDERBYsys_id`,
        fields: TASK_FIELDS,
        limit: HEAD_SIZE,
        offset: 0,
      },
    ]);
    expect(result.data.change_request.counts).toEqual(cache.change_request!.counts);
    expect(result.data.incident.counts).toEqual(cache.incident!.counts);
  });

  test('a changed incident goes to the incidents; one Aggregate call on task refreshes the counts of both', async () => {
    const { sn, cache } = await synced();
    const ticket = cache.incident!.tickets[3]!;
    sn.update(INC, ticket.sysId, { state: '6' });
    const result = await syncAll(sn, cache);
    expect(result).toMatchObject({ changed: true, requests: 2, reconciled: false });
    expect(result.data.incident.tickets.find((t) => t.sysId === ticket.sysId)).toMatchObject({
      table: INC,
      state: '6',
    });
    expect(result.data.change_request.tickets.some((t) => t.sysId === ticket.sysId)).toBe(false);
    expect(result.data.incident.counts['6']).toBe(1);
    expect(result.data.change_request.counts).toEqual(cache.change_request!.counts);
    expect(sn.calls[1]).toEqual({ kind: 'stats', table: 'task', groupBy: 'sys_class_name,state', query: TASK_QUERY });
  });

  test('new tickets of both types arrive in the same sync of task', async () => {
    const { sn, cache } = await synced();
    const change = sn.create(CHG, { correlation_id: 'm365ss-OneAdmin' });
    const incident = sn.create(INC, { correlation_id: 'm365ss-AdminMFAV2' });
    const result = await syncAll(sn, cache);
    expect(result.data.change_request.tickets.map((t) => t.sysId)).toContain(change.sys_id);
    expect(result.data.incident.tickets.map((t) => t.sysId)).toContain(incident.sys_id);
    expect(result.data.change_request.total).toBe(31);
    expect(result.data.incident.total).toBe(13);
    // Two changes fill the head page (HEAD_SIZE 2), so the page after it is read too; then the counts.
    expect(result.requests).toBe(3);
  });

  test('a deleted ticket: the census of task differs, one id-only pass on task finds which', async () => {
    const { sn, cache } = await synced();
    const gone = cache.incident!.tickets[5]!;
    sn.remove(INC, gone.sysId);
    const result = await syncAll(sn, cache);
    expect(result.reconciled).toBe(true);
    expect(result.data.incident.tickets.map((t) => t.sysId)).not.toContain(gone.sysId);
    expect(result.data.incident.total).toBe(11);
    expect(result.data.change_request.tickets).toHaveLength(30);
    expect(sn.calls.map((c) => `${c.kind} ${c.table} ${c.fields ?? c.groupBy}`)).toEqual([
      `list task ${TASK_FIELDS}`,
      'list task sys_id,sys_mod_count,sys_class_name',
      'stats task sys_class_name,state',
    ]);
    expect(sn.calls[1]).toMatchObject({ query: `${TASK_QUERY}^ORDERBYsys_id`, limit: ID_PAGE_SIZE });
  });

  test('a ticket whose class changed moves to the other type', async () => {
    const { sn, cache } = await synced(3, 3);
    const moved = cache.incident!.tickets[0]!;
    const record = sn.tables.incident.get(moved.sysId)!;
    sn.remove(INC, moved.sysId);
    sn.tables.change_request.set(moved.sysId, { ...record, sys_class_name: CHG, state: '-5' });
    sn.update(CHG, moved.sysId, {});
    const result = await syncAll(sn, cache);
    expect(result.data.incident.tickets.map((t) => t.sysId)).not.toContain(moved.sysId);
    expect(result.data.change_request.tickets.find((t) => t.sysId === moved.sysId)?.table).toBe(CHG);
  });

  test('an empty instance: one page and the two counts that check task', async () => {
    const sn = createFakeServiceNow();
    const result = await syncAll(sn);
    expect(result).toMatchObject({ path: 'task', requests: 3 });
    expect(result.data.change_request).toMatchObject({ tickets: [], counts: {}, total: 0, complete: true });
    sn.tick(MINUTE);
    expect((await syncAll(sn, result.data)).requests).toBe(1);
  });

  test('the daily reconciliation runs on task and checks it against the ticket tables', async () => {
    const { sn, cache } = await synced();
    sn.tick(RECONCILE_EVERY_MS);
    const result = await syncAll(sn, cache);
    expect(result).toMatchObject({ path: 'task', reconciled: true, changed: false });
    expect(sn.calls.map((c) => `${c.kind} ${c.table}`)).toEqual([
      'list task',
      'list task',
      'stats change_request',
      'stats incident',
    ]);
    expect(result.data.incident.reconciledAt).toBe(sn.now());
  });

  test('an error leaves the previous caches untouched and saves nothing', async () => {
    const { sn, cache } = await synced();
    const before = structuredClone(cache);
    const save = vi.fn(async () => undefined);
    sn.faults.push(new AppError('server_error', 'ServiceNow had a problem (HTTP 503).', { status: 503 }));
    await expect(syncAll(sn, cache, { save })).rejects.toThrow('HTTP 503');
    expect(cache).toEqual(before);
    expect(save).not.toHaveBeenCalled();
    expect(sn.calls).toHaveLength(1); // a 503 is not a refusal of task: no fallback
  });
});

describe('fallback when the instance refuses or hides task', () => {
  const INC = 'incident' as const;
  const refusal = (status: number) =>
    new AppError(
      status === 403 ? 'missing_role' : status === 404 ? 'not_found' : 'bad_request',
      `refused (${status})`,
      { status },
    );

  function instance() {
    const sn = createFakeServiceNow();
    for (let i = 0; i < 20; i++) sn.create(CHG, { state: '-4' });
    for (let i = 0; i < 5; i++) sn.create(INC, { state: '2' });
    sn.tick(MINUTE);
    return sn;
  }

  async function syncAll(
    sn: FakeServiceNow,
    previous: Partial<Record<'change_request' | 'incident', TableCache>> = {},
    options: Partial<TicketSyncOptions> = {},
  ) {
    sn.calls.length = 0;
    return syncTickets(sn.client, previous, { now: sn.now(), ...options });
  }

  test.each([403, 400, 404])(
    'task refused with %i: the ticket tables are read one by one, and the refusal is remembered',
    async (status) => {
      const sn = instance();
      sn.refuse.task = refusal(status);
      const first = await syncAll(sn);
      expect(first).toMatchObject({ path: 'tables', mode: 'full', meta: { taskRefusedAt: sn.now() } });
      expect(first.data.change_request.tickets).toHaveLength(20);
      expect(first.data.incident).toMatchObject({ total: 5, counts: { '2': 5 } });
      expect(sn.calls.map((c) => `${c.kind} ${c.table}`)).toEqual([
        'list task',
        'list change_request',
        'stats change_request',
        'list incident',
        'stats incident',
      ]);
      expect(first.requests).toBe(5);

      // Remembered: later syncs do not ask task again; unchanged = one head page per type.
      sn.tick(5 * MINUTE);
      const second = await syncAll(sn, first.data, { meta: first.meta });
      expect(second).toMatchObject({ path: 'tables', changed: false, requests: 2, meta: first.meta });
      expect(sn.calls.map((c) => `${c.kind} ${c.table} ${c.limit}`)).toEqual([
        `list change_request ${HEAD_SIZE}`,
        `list incident ${HEAD_SIZE}`,
      ]);
    },
  );

  test('task is tried again a day later, checked against the ticket tables, and used again when it works', async () => {
    const sn = instance();
    sn.refuse.task = refusal(403);
    const first = await syncAll(sn);
    sn.tick(TASK_RETRY_MS);
    delete sn.refuse.task; // the admin added a read ACL on task
    const later = await syncAll(sn, first.data, { meta: first.meta });
    expect(later).toMatchObject({ path: 'task', meta: {} });
    expect(sn.calls.map((c) => `${c.kind} ${c.table}`)).toEqual([
      'list task',
      'list task',
      'stats change_request',
      'stats incident',
    ]);
    sn.tick(5 * MINUTE);
    expect(await syncAll(sn, later.data, { meta: later.meta })).toMatchObject({ path: 'task', requests: 1 });
  });

  test('still refused a day later: one request is spent on task, the refusal time moves on', async () => {
    const sn = instance();
    sn.refuse.task = refusal(403);
    const first = await syncAll(sn);
    sn.tick(TASK_RETRY_MS + MINUTE);
    const later = await syncAll(sn, first.data, { meta: first.meta });
    expect(later).toMatchObject({ path: 'tables', meta: { taskRefusedAt: sn.now() } });
    expect(sn.calls.filter((c) => c.table === 'task')).toHaveLength(1);
  });

  test("when the ticket tables fail too, their error is the sync's error and nothing is remembered", async () => {
    const sn = instance();
    const crossScope = new AppError(
      'cross_scope',
      'ServiceNow refused access because of a cross-scope access policy.',
      { status: 403 },
    );
    sn.refuse.task = crossScope;
    sn.refuse.change_request = crossScope;
    const save = vi.fn(async () => undefined);
    await expect(syncAll(sn, {}, { save })).rejects.toMatchObject({ code: 'cross_scope' });
    expect(sn.calls.map((c) => c.table)).toEqual(['task', 'change_request']);
    expect(save).not.toHaveBeenCalled();
  });

  test('on the per-table path each type is saved when done: a later failure keeps the change requests', async () => {
    const sn = instance();
    sn.refuse.task = refusal(403);
    sn.refuse.incident = new AppError('server_error', 'ServiceNow had a problem (HTTP 503).', { status: 503 });
    const saved: string[] = [];
    await expect(syncAll(sn, {}, { save: async (table) => void saved.push(table) })).rejects.toThrow('HTTP 503');
    expect(saved).toEqual([CHG]);
  });

  test("task that silently hides tickets is caught by the first sync's check and not used", async () => {
    const sn = instance();
    for (const id of [...sn.tables.incident.keys()].slice(0, 2)) sn.hiddenFromTask.add(id);
    const save = vi.fn(async (_table: string) => undefined);
    const result = await syncAll(sn, {}, { save });
    expect(result).toMatchObject({ path: 'tables', meta: { taskRefusedAt: sn.now() } });
    expect(result.data.incident.tickets).toHaveLength(5);
    expect(result.data.incident.counts).toEqual({ '2': 5 });
    // Nothing read through task was saved: only the per-table results.
    expect(save.mock.calls.map(([table]) => table)).toEqual([CHG, INC]);
    expect(sn.calls.map((c) => `${c.kind} ${c.table}`)).toEqual([
      'list task',
      'stats change_request',
      'stats incident',
      'list task', // page, check, id pass: still 3 short
      'list change_request',
      'stats change_request',
      'list incident',
      'stats incident',
    ]);
  });

  test('tickets task starts hiding later come back with the daily check', async () => {
    const sn = instance();
    const first = await syncAll(sn);
    expect(first.path).toBe('task');
    const hidden = [...sn.tables.incident.keys()][0]!;
    sn.hiddenFromTask.add(hidden);
    sn.tick(5 * MINUTE);
    const meanwhile = await syncAll(sn, first.data);
    expect(meanwhile.data.incident.tickets.map((t) => t.sysId)).not.toContain(hidden); // what task says
    sn.tick(RECONCILE_EVERY_MS);
    const daily = await syncAll(sn, meanwhile.data);
    expect(daily).toMatchObject({ path: 'tables', meta: { taskRefusedAt: sn.now() } });
    expect(daily.data.incident.tickets.map((t) => t.sysId)).toContain(hidden);
  });
});
