import { beforeEach, describe, expect, test, vi } from 'vitest';
import { AppError } from '../errors';
import { createMemoryTicketCache } from '../../tests/support/memory-ticket-cache';
import { createFakeServiceNow, type FakeServiceNow } from '../../tests/support/fake-servicenow';
import { createSyncService, STALE_AFTER_MS, syncRetryDelay } from './sync-service';
import { HEAD_SIZE } from './source';
import { INITIAL_SYNC_STATE, type SyncState } from '../domain/sync-state';

let sn: FakeServiceNow;
let stored: SyncState;
let connected: boolean;
const scheduleRetry = vi.fn();
const cancelRetry = vi.fn();
const onSynced = vi.fn();

function service(cache = createMemoryTicketCache()) {
  return {
    cache,
    sync: createSyncService({
      client: async () => sn.client,
      cache,
      canSync: async () => connected,
      instanceOrigin: async () => 'https://contoso.service-now.com',
      state: { get: async () => stored, set: async (s) => void (stored = structuredClone(s)) },
      scheduleRetry,
      cancelRetry,
      onSynced,
      now: () => sn.now(),
      random: () => 0,
    }),
  };
}

beforeEach(() => {
  sn = createFakeServiceNow();
  stored = { ...INITIAL_SYNC_STATE };
  connected = true;
  scheduleRetry.mockReset();
  cancelRetry.mockReset();
  onSynced.mockReset();
  sn.create('change_request', { correlation_id: 'm365ss-AdminMFAV2', state: '-4' });
  sn.create('incident', { correlation_id: 'm365ss-OneAdmin', state: '2' });
  sn.tick(60_000);
});

describe('sync service', () => {
  test('syncs both ticket types, caches them and publishes the state', async () => {
    const { sync, cache } = service();
    const state = await sync.requestSync('manual');
    expect(state).toMatchObject({ running: false, lastSyncAt: sn.now(), failures: 0, revision: 1 });
    expect((await cache.read('incident'))?.tickets).toHaveLength(1);
    const overview = await sync.overview();
    expect(overview.tables.change_request).toMatchObject({ counts: { '-4': 1 }, total: 1 });
    expect(overview.tables.incident.recent[0]?.actionId).toBe('OneAdmin');
    expect(await sync.actionTickets(['AdminMFAV2', 'Nope'])).toEqual({
      byAction: { AdminMFAV2: [expect.objectContaining({ state: '-4' })] },
      instanceOrigin: 'https://contoso.service-now.com',
    });
    expect(onSynced).toHaveBeenCalled();
  });

  test('the overview counts the cached tickets that are overdue: past due and not done', async () => {
    sn.create('change_request', { correlation_id: 'm365ss-Late', state: '-5', due_date: '2001-01-01 00:00:00' });
    sn.create('change_request', { correlation_id: 'm365ss-LateDone', state: '3', due_date: '2001-01-01 00:00:00' });
    sn.create('change_request', { correlation_id: 'm365ss-Later', state: '-5', due_date: '2999-01-01 00:00:00' });
    const { sync } = service();
    await sync.requestSync('manual');
    const overview = await sync.overview();
    expect(overview.tables.change_request).toMatchObject({ total: 4, overdue: 1 });
    expect(overview.tables.incident.overdue).toBe(0);
  });

  test('an unchanged sync does not bump the revision (views do not refetch)', async () => {
    const { sync } = service();
    await sync.requestSync('manual');
    sn.tick(5 * 60_000);
    expect((await sync.requestSync('manual')).revision).toBe(1);
  });

  test('requests during a sync are coalesced into one more run', async () => {
    const { sync } = service();
    const first = sync.requestSync('alarm');
    const joined = sync.requestSync('alarm');
    const again = [sync.requestSync('created'), sync.requestSync('manual')];
    await Promise.all([first, joined, ...again]);
    const runs = sn.calls.filter((c) => c.kind === 'list' && c.table === 'task' && c.offset === 0);
    expect(runs).toHaveLength(2);
  });

  test('an unchanged sync is one request for both ticket types (task)', async () => {
    const { sync } = service();
    await sync.requestSync('manual');
    sn.tick(5 * 60_000);
    sn.calls.length = 0;
    await sync.requestSync('alarm');
    expect(sn.calls).toEqual([expect.objectContaining({ kind: 'list', table: 'task', offset: 0, limit: HEAD_SIZE })]);
  });

  test('an instance that refuses task is synced table by table, and the refusal is remembered until disconnect', async () => {
    sn.refuse.task = new AppError('missing_role', 'The ServiceNow user is not allowed to do this.', { status: 403 });
    const { sync, cache } = service();
    const state = await sync.requestSync('manual');
    expect(state.error).toBeUndefined();
    expect((await sync.overview()).tables.incident.total).toBe(1);
    expect(await cache.readMeta()).toEqual({ taskRefusedAt: sn.now() });
    sn.tick(5 * 60_000);
    sn.calls.length = 0;
    await sync.requestSync('alarm');
    expect(sn.calls.map((c) => c.table)).toEqual(['change_request', 'incident']);
    await sync.wipe();
    expect(await cache.readMeta()).toBeUndefined();
  });

  test('the change requests read before a failure on the per-table path are kept and shown', async () => {
    sn.refuse.task = new AppError('missing_role', 'The ServiceNow user is not allowed to do this.', { status: 403 });
    sn.refuse.incident = new AppError('server_error', 'ServiceNow had a problem (HTTP 503).', { status: 503 });
    const { sync, cache } = service();
    const state = await sync.requestSync('manual');
    expect(state).toMatchObject({ error: { code: 'server_error' }, revision: 1 });
    expect((await cache.read('change_request'))?.tickets).toHaveLength(1);
    expect(await cache.read('incident')).toBeUndefined();
    expect(await cache.readMeta()).toBeUndefined(); // the sync did not finish: task is tried again next time
  });

  test('a rate limit keeps the cache, shows the message and retries after Retry-After', async () => {
    const { sync } = service();
    await sync.requestSync('manual');
    sn.tick(5 * 60_000);
    sn.faults.push(
      new AppError('rate_limited', 'ServiceNow is limiting requests. The extension will try again in 120 seconds.', {
        status: 429,
        retryAfter: 120,
      }),
    );
    const state = await sync.requestSync('alarm');
    expect(state.error).toMatchObject({ code: 'rate_limited', retryAfter: 120 });
    expect(state.nextRetryAt).toBe(sn.now() + 120_000);
    expect(scheduleRetry).toHaveBeenCalledWith(sn.now() + 120_000);
    expect((await sync.overview()).tables.change_request.total).toBe(1);
    // The periodic alarm honours the backoff; the user's Sync now does not wait.
    sn.calls.length = 0;
    await sync.requestSync('alarm');
    expect(sn.calls).toHaveLength(0);
    const retried = await sync.requestSync('manual');
    expect(retried.error).toBeUndefined();
    expect(retried.failures).toBe(0);
    expect(cancelRetry).toHaveBeenCalled();
  });

  test('network errors back off exponentially; reconnect needed is shown without a retry alarm', async () => {
    const { sync } = service();
    sn.faults.push(new AppError('network', 'Could not reach contoso.service-now.com.'));
    expect((await sync.requestSync('manual')).nextRetryAt).toBe(sn.now() + 30_000);
    sn.faults.push(new AppError('network', 'Could not reach contoso.service-now.com.'));
    expect((await sync.requestSync('manual')).nextRetryAt).toBe(sn.now() + 60_000);
    scheduleRetry.mockReset();
    sn.faults.push(new AppError('reconnect_needed', 'Reconnect in the extension.'));
    const state = await sync.requestSync('manual');
    expect(state).toMatchObject({ error: { code: 'reconnect_needed' }, failures: 3 });
    expect(state.nextRetryAt).toBeUndefined();
    expect(scheduleRetry).not.toHaveBeenCalled();
  });

  test('not connected: nothing is requested and no error is shown', async () => {
    connected = false;
    const { sync } = service();
    const state = await sync.requestSync('manual');
    expect(sn.calls).toHaveLength(0);
    expect(state.error).toBeUndefined();
  });

  test('wipe (disconnect) empties the cache and discards a sync that is still running', async () => {
    const { sync, cache } = service();
    await sync.requestSync('manual');
    sn.tick(60_000);
    const running = sync.requestSync('manual');
    await sync.wipe();
    await running;
    expect(await cache.read('change_request')).toBeUndefined();
    expect((await sync.overview()).tables.change_request).toEqual({ counts: {}, total: 0, overdue: 0, recent: [] });
    expect(stored.lastSyncAt).toBeUndefined();
  });

  test('views ask for a sync when the cache is stale, not when it is fresh', async () => {
    const { sync } = service();
    await sync.requestSync('manual');
    sn.calls.length = 0;
    await sync.overview();
    expect(sn.calls).toHaveLength(0);
    sn.tick(STALE_AFTER_MS);
    await sync.overview();
    await vi.waitFor(() => expect(sn.calls.length).toBeGreaterThan(0));
  });

  test('a worker restart clears a running flag left behind', async () => {
    stored = { ...INITIAL_SYNC_STATE, running: true, startedAt: 1 };
    const { sync } = service();
    await sync.recover();
    expect(stored.running).toBe(false);
  });

  test('the list view filters, sorts and pages the cache', async () => {
    for (let i = 0; i < 30; i++) sn.create('incident', { state: i % 2 ? '6' : '1' });
    const { sync } = service();
    await sync.requestSync('manual');
    const page = await sync.listTickets({
      table: 'incident',
      state: 'open',
      search: '',
      sort: 'number',
      dir: 'desc',
      offset: 0,
      limit: 10,
    });
    expect(page.total).toBe(16);
    expect(page.tickets).toHaveLength(10);
    expect(page.instanceOrigin).toBe('https://contoso.service-now.com');
  });
});

test('retry delays: Retry-After wins, otherwise 30-60 s doubling up to 30 min with jitter', () => {
  expect(syncRetryDelay(1, 120, () => 0)).toBe(120_000);
  expect(syncRetryDelay(1, undefined, () => 0)).toBe(30_000);
  expect(syncRetryDelay(1, undefined, () => 0.999)).toBeLessThan(60_000);
  expect(syncRetryDelay(20, undefined, () => 0)).toBe(15 * 60_000);
});

describe('the duplicate check before the read (beforeRead)', () => {
  function withCheck(beforeRead: () => Promise<void>) {
    const cache = createMemoryTicketCache();
    const sync = createSyncService({
      client: async () => sn.client,
      cache,
      canSync: async () => connected,
      instanceOrigin: async () => 'https://contoso.service-now.com',
      state: { get: async () => stored, set: async (s) => void (stored = structuredClone(s)) },
      scheduleRetry,
      cancelRetry,
      beforeRead,
      now: () => sn.now(),
      random: () => 0,
    });
    return { sync, cache };
  }

  test('runs in every sync, before the read: the sync already sees what it canceled', async () => {
    const extra = sn.create('change_request', { correlation_id: 'm365ss-AdminMFAV2', state: '-4' });
    const beforeRead = vi.fn(async () => sn.update('change_request', extra.sys_id!, { state: '4' }));
    const { sync, cache } = withCheck(beforeRead);
    await sync.requestSync('manual');
    await sync.requestSync('manual');
    expect(beforeRead).toHaveBeenCalledTimes(2);
    const cached = (await cache.read('change_request'))!.tickets.find((t) => t.sysId === extra.sys_id);
    expect(cached?.state).toBe('4');
  });

  test('its failure never fails the sync (the next sync checks again)', async () => {
    const { sync } = withCheck(async () => {
      throw new AppError('server_error', 'down');
    });
    const state = await sync.requestSync('manual');
    expect(state.error).toBeUndefined();
    expect(state.lastSyncAt).toBe(sn.now());
  });
});
