import type { TicketType } from '../domain/ticket-type';
import { TICKET_TYPES } from '../domain/ticket-type';
import type { SyncMeta, TableCache } from '../tickets/cache';
import { TASK_SOURCE, tableSource, type SyncClient } from './source';
import { isTaskRefusal, syncSource, type SyncOptions } from './sync-source';

// The ticket sync against the Table and Aggregate APIs. Pure apart from the client, so it is
// tested with a fake client (tests/support/fake-servicenow.ts) and benchmarked against the stand-in.
//
// The steps have their own modules: source.ts (where and how it reads), read-changes.ts,
// reconcile.ts, counts.ts, watermark.ts, and sync-source.ts, which runs them for one source.
//
// Requests (https://developer.servicenow.com/dev.do#!/reference/api/latest/rest/c_TableAPI):
// change requests and incidents both extend the parent table `task`, so the sync reads both
// ticket types in one list of `task` (sys_class_nameINchange_request,incident, with
// sys_class_name in sysparm_fields to tell them apart). Every read asks for the extension's
// tickets only (correlation_idSTARTSWITHm365ss-), with sysparm_fields = what the views show,
// newest change first (ORDERBYDESCsys_updated_on, then sys_id so ties have a stable order).
//
// - First sync (nothing cached): pages of PAGE_SIZE (sysparm_limit/sysparm_offset) until
//   X-Total-Count is reached, then the counts by state from the Aggregate API of each ticket
//   table (see "task check"): ceil(n / PAGE_SIZE) + 2 requests (5,000 tickets: 7).
// - Incremental sync: ONE request, a "head" page of HEAD_SIZE records of the same ordered list.
//   Its records with sys_updated_on >= watermark are the changes (it pages on only while all
//   of a page is new enough), and its X-Total-Count is a census of all our tickets of both types
//   that costs nothing extra: when the cache then holds a different number of tickets, something
//   was deleted, or is no longer visible to the integration user (ACL, correlation id changed),
//   and an id-only reconciliation pass (sys_id + sys_mod_count + sys_class_name, ID_PAGE_SIZE per
//   page) drops what is gone and re-reads what is missing or stale. The watermark is not put into
//   the query on purpose: that would make X-Total-Count count the changes only, and deletions
//   would need a second request on every sync.
// - Counts by state come from one Aggregate call on task grouped by sys_class_name,state, but
//   only when something changed: an unchanged sync keeps the cached counts, so it stays one
//   request. The Aggregate answer is also checked against the counts derived from the cache; a
//   mismatch means the cache missed something and triggers the reconciliation pass.
// - Task check: what task shows is only complete if the instance's ACLs and query rules treat
//   task like the ticket tables. So on the first sync, at the daily reconciliation and when task
//   is tried again after a refusal, the counts come from the Aggregate API of each ticket table
//   (one call per type) instead, and must agree with what was read through task (after an id pass
//   if needed); otherwise task hides tickets and the sync falls back (below).
// - Fallback: an instance that refuses task (403: no read ACL on task, or 400/404) or hides
//   tickets from it gets the per-table path: the same algorithm on change_request and incident
//   one after the other (an unchanged sync is then one head page per type, two requests). The
//   refusal is remembered (SyncMeta.taskRefusedAt) so later syncs go straight to the per-table
//   path; task is tried again after TASK_RETRY_MS. If the ticket tables fail too, their error is
//   the sync's error and nothing is remembered (cross-scope policy, missing roles, outages).
// - Watermark: sys_updated_on has one-second granularity and two changes in one second share a
//   time stamp, so the next sync looks at everything stamped at or after (>=) the instance's own
//   clock when this sync started (HTTP Date header of its first answer) minus a safety margin.
//   Unlike "the newest sys_updated_on seen", that also moves on when thousands of tickets share
//   one second (bulk imports): an unchanged sync then sees no record at or after the watermark.
//   Copies read twice are deduplicated by sys_id, the higher sys_mod_count wins.
// - Paging while tickets change: the order is by last change, so a ticket changed during paging
//   moves to the front (read twice: deduplicated), never out of reach; a deletion during paging
//   can hide one ticket, which the census or the daily reconciliation finds.

export { BY_ID_CHUNK, HEAD_SIZE, ID_PAGE_SIZE, OUR_CLASSES, OUR_TICKETS, PAGE_SIZE, type SyncClient } from './source';
export { isTaskRefusal, RECONCILE_EVERY_MS, TaskIncomplete, type SyncOptions } from './sync-source';
export { WATERMARK_MARGIN_MS } from './watermark';

/** After task was refused, the per-table path is used this long before task is tried again. */
export const TASK_RETRY_MS = 24 * 3600 * 1000;

export interface TableSyncResult {
  data: TableCache;
  /** Something the views show changed (tickets, counts). */
  changed: boolean;
  mode: 'full' | 'incremental';
  reconciled: boolean;
  requests: number;
}

/** One ticket table on its own (the per-table path, and what tests of the algorithm use). */
export async function syncTable(
  client: SyncClient,
  table: TicketType,
  previous: TableCache | undefined,
  options: SyncOptions,
): Promise<TableSyncResult> {
  const counter = { requests: 0 };
  const result = await syncSource(client, tableSource(table), { [table]: previous }, options, counter);
  return {
    data: result.data[table] as TableCache,
    changed: result.changed,
    mode: result.mode,
    reconciled: result.reconciled,
    requests: counter.requests,
  };
}

export interface TicketSyncOptions extends SyncOptions {
  /** What earlier syncs learned about the instance (a refusal of task). */
  meta?: SyncMeta;
  /** Called with each ticket type's data as soon as it is read, so a later failure keeps it. */
  save?(table: TicketType, data: TableCache, changed: boolean): Promise<void>;
}

export interface TicketSyncResult {
  data: Record<TicketType, TableCache>;
  changed: boolean;
  mode: 'full' | 'incremental';
  reconciled: boolean;
  requests: number;
  /** task: one read of the parent table for both types; tables: one per ticket table (fallback). */
  path: 'task' | 'tables';
  /** What to remember for the next sync. */
  meta: SyncMeta;
}

/** Syncs both ticket types: through task when the instance allows it, else table by table. */
export async function syncTickets(
  client: SyncClient,
  previous: Partial<Record<TicketType, TableCache | undefined>>,
  options: TicketSyncOptions,
): Promise<TicketSyncResult> {
  const { now, meta = {}, save } = options;
  const counter = { requests: 0 };
  const refusedAt = meta.taskRefusedAt;
  const retrying = refusedAt !== undefined;
  const tryTask = !retrying || refusedAt + TASK_RETRY_MS <= now || refusedAt > now;
  if (tryTask) {
    try {
      const result = await syncSource(client, TASK_SOURCE, previous, { ...options, checkTask: retrying }, counter);
      const data = result.data as Record<TicketType, TableCache>;
      for (const type of TICKET_TYPES) await save?.(type, data[type], result.changed);
      return { ...result, data, requests: counter.requests, path: 'task', meta: {} };
    } catch (error) {
      if (!isTaskRefusal(error)) throw error;
      // Nothing read through task is kept: the per-table path starts from the previous caches.
    }
  }
  const data = {} as Record<TicketType, TableCache>;
  let changed = false;
  let full = false;
  let reconciled = false;
  for (const type of TICKET_TYPES) {
    const result = await syncSource(client, tableSource(type), { [type]: previous[type] }, options, counter);
    data[type] = result.data[type] as TableCache;
    await save?.(type, data[type], result.changed);
    changed ||= result.changed;
    full ||= result.mode === 'full';
    reconciled ||= result.reconciled;
  }
  // Reaching this after trying task means task was refused: remember when.
  return {
    data,
    changed,
    mode: full ? 'full' : 'incremental',
    reconciled,
    requests: counter.requests,
    path: 'tables',
    meta: tryTask ? { taskRefusedAt: now } : meta,
  };
}
