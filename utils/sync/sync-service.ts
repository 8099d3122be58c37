import { backoffDelay, type BackoffPolicy } from '../domain/backoff';
import { INITIAL_SYNC_STATE, type SyncState } from '../domain/sync-state';
import type { ActionTicketsAnswer, TicketListPage, TicketListQuery, TicketOverview } from '../domain/ticket';
import { countOverdue, queryTickets, recentTickets, ticketsForActions } from '../domain/ticket-queries';
import { TICKET_TYPES, type TicketType } from '../domain/ticket-type';
import { AppError, isRetryable, toAppError } from '../errors';
import { emptyTableCache, type TableCache, type TicketCache } from '../tickets/cache';
import { syncTickets, type SyncClient } from './sync-engine';

// The worker's ticket sync: one sync at a time (requests made meanwhile are coalesced into one
// more run), state and errors published for the views, backoff after failures, and the
// questions the views ask, answered from the cache without a request.

export type SyncReason = 'alarm' | 'retry' | 'manual' | 'created' | 'stale' | 'connected';

export interface SyncServiceDeps {
  client(): Promise<SyncClient>;
  cache: TicketCache;
  /** Tokens present: not connected means nothing to sync, quietly. */
  canSync(): Promise<boolean>;
  instanceOrigin(): Promise<string | undefined>;
  state: { get(): Promise<SyncState>; set(state: SyncState): Promise<void> };
  scheduleRetry(at: number): Promise<void> | void;
  cancelRetry(): Promise<void> | void;
  /** Repairs before the read (the duplicate check of sent requests); never fails the sync. */
  beforeRead?(): Promise<void>;
  /** After each sync (e.g. republish the connection status with the new last sync time). */
  onSynced?(): Promise<unknown> | void;
  now?: () => number;
  random?: () => number;
}

/** Views ask for a sync when the cache is older than this. */
export const STALE_AFTER_MS = 60_000;
/** First retry after 30-60 s (browser.alarms fire at most every 30 s), doubling up to 15-30 min. */
const SYNC_BACKOFF: BackoffPolicy = {
  baseMs: 60_000,
  maxMs: 30 * 60_000,
  retryAfterJitterMs: 5000,
  retryAfterMinMs: 1000,
};

/** Wait before retry number `failures`: Retry-After for 429 (plus a little jitter), else exponential with equal jitter. */
export function syncRetryDelay(failures: number, retryAfterSeconds: number | undefined, random = Math.random): number {
  return backoffDelay(SYNC_BACKOFF, failures, retryAfterSeconds, random);
}

const QUIET_CODES = ['not_connected', 'not_configured'];

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  const memory = new Map<TicketType, TableCache>();
  let current: Promise<SyncState> | null = null;
  let queued: Promise<SyncState> | null = null;
  let generation = 0;
  let controller = new AbortController();

  async function table(name: TicketType): Promise<TableCache> {
    let data = memory.get(name);
    if (!data) {
      data = (await deps.cache.read(name)) ?? emptyTableCache();
      memory.set(name, data);
    }
    return data;
  }

  async function update(change: Partial<SyncState>): Promise<SyncState> {
    const next = { ...(await deps.state.get()), ...change };
    for (const key of Object.keys(change) as (keyof SyncState)[]) if (change[key] === undefined) delete next[key];
    await deps.state.set(next);
    return next;
  }

  async function runOnce(): Promise<SyncState> {
    const gen = generation;
    if (!(await deps.canSync())) return deps.state.get();
    const signal = controller.signal;
    const started = now();
    await update({ running: true, startedAt: started, lastAttemptAt: started });
    let changed = false;
    try {
      const client = await deps.client();
      // Its retirements are then read by this very sync; it is tried again by the next one.
      await deps.beforeRead?.().catch(() => undefined);
      const previous = Object.fromEntries(
        await Promise.all(TICKET_TYPES.map(async (name) => [name, await table(name)] as const)),
      );
      const meta = (await deps.cache.readMeta()) ?? {};
      const result = await syncTickets(client, previous, {
        now: now(),
        signal,
        meta,
        // Each ticket type is written as soon as it is read (both at once through task, one
        // after the other on the per-table path): a later failure keeps what was read.
        save: async (name, data, typeChanged) => {
          if (gen !== generation) throw new AppError('not_connected', 'Disconnected during the sync.');
          memory.set(name, data);
          await deps.cache.write(name, data);
          changed ||= typeChanged;
        },
      });
      if (gen !== generation) throw new AppError('not_connected', 'Disconnected during the sync.');
      if (result.meta.taskRefusedAt !== meta.taskRefusedAt) await deps.cache.writeMeta(result.meta);
      await deps.cancelRetry();
      const state = await update({
        running: false,
        startedAt: undefined,
        lastSyncAt: now(),
        error: undefined,
        failures: 0,
        nextRetryAt: undefined,
        revision: (await deps.state.get()).revision + (changed ? 1 : 0),
      });
      await deps.onSynced?.();
      return state;
    } catch (thrown) {
      const error = toAppError(thrown);
      const revision = (await deps.state.get()).revision + (changed ? 1 : 0);
      if (gen !== generation || QUIET_CODES.includes(error.code)) {
        return update({ running: false, startedAt: undefined, revision });
      }
      const failures = (await deps.state.get()).failures + 1;
      // Retry soon for what can pass by itself; the others (reconnect, roles, cross-scope)
      // wait for the next regular sync or the user, and keep their message on screen.
      const nextRetryAt = isRetryable(error)
        ? now() + syncRetryDelay(failures, error.extra.retryAfter, deps.random)
        : undefined;
      if (nextRetryAt !== undefined) await deps.scheduleRetry(nextRetryAt);
      const state = await update({
        running: false,
        startedAt: undefined,
        error: error.toJSON(),
        failures,
        nextRetryAt,
        revision,
      });
      await deps.onSynced?.();
      return state;
    }
  }

  function start(): Promise<SyncState> {
    current = runOnce().finally(() => {
      current = null;
    });
    return current;
  }

  async function requestSync(reason: SyncReason): Promise<SyncState> {
    if (current) {
      // A scheduled or automatic sync joins the running one; after a ticket was created or the
      // user asked, one more run follows, so it sees the newest changes.
      if (reason === 'alarm' || reason === 'retry' || reason === 'stale') return current;
      queued ??= current
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return current ?? start();
        });
      return queued;
    }
    if (reason === 'alarm') {
      // Honour the backoff (and Retry-After) for scheduled syncs; the user may always try.
      const { nextRetryAt } = await deps.state.get();
      if (nextRetryAt !== undefined && nextRetryAt > now()) return deps.state.get();
    }
    return current ?? start();
  }

  async function allTickets(which: TicketType | 'all') {
    const names = which === 'all' ? TICKET_TYPES : [which];
    return (await Promise.all(names.map(async (name) => (await table(name)).tickets))).flat();
  }

  /** Cached data is older than STALE_AFTER_MS: sync in the background (the view updates after). */
  async function refreshIfStale(): Promise<void> {
    const state = await deps.state.get();
    const last = state.lastSyncAt ?? 0;
    if (current || now() - last < STALE_AFTER_MS) return;
    if (state.nextRetryAt !== undefined && state.nextRetryAt > now()) return;
    void requestSync('stale');
  }

  return {
    requestSync,

    /** Cards: counts and recent tickets from the cache, at once. */
    async overview(): Promise<TicketOverview> {
      void refreshIfStale();
      const entries = await Promise.all(
        TICKET_TYPES.map(async (name) => {
          const data = await table(name);
          return [
            name,
            {
              counts: data.counts,
              total: data.complete ? data.total : data.tickets.length,
              overdue: countOverdue(data.tickets, now()),
              recent: recentTickets(data.tickets),
            },
          ] as const;
        }),
      );
      return {
        instanceOrigin: await deps.instanceOrigin(),
        tables: Object.fromEntries(entries) as TicketOverview['tables'],
      };
    },

    async actionTickets(actionIds: readonly string[]): Promise<ActionTicketsAnswer> {
      void refreshIfStale();
      return {
        byAction: ticketsForActions(await allTickets('all'), actionIds),
        instanceOrigin: await deps.instanceOrigin(),
      };
    },

    async listTickets(query: TicketListQuery): Promise<TicketListPage> {
      void refreshIfStale();
      return { ...queryTickets(await allTickets(query.table), query), instanceOrigin: await deps.instanceOrigin() };
    },

    async lastSyncAt(): Promise<number | undefined> {
      return (await deps.state.get()).lastSyncAt;
    },

    /** Disconnect: forget every cached ticket; a sync still running is discarded. */
    async wipe(): Promise<void> {
      generation++;
      controller.abort();
      controller = new AbortController();
      memory.clear();
      await deps.cache.clear();
      await deps.cancelRetry();
      const { revision } = await deps.state.get();
      await deps.state.set({ ...INITIAL_SYNC_STATE, revision: revision + 1 });
    },

    /** Worker start: a `running` flag left by a stopped worker is cleared. */
    async recover(): Promise<void> {
      const state = await deps.state.get();
      if (state.running && !current) await update({ running: false, startedAt: undefined });
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
