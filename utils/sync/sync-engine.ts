import { AppError } from '../errors';
import type { AggregateOptions, GroupCount, ListOptions, ListResult, TaskTable, TicketTable } from '../servicenow/client';
import type { SyncMeta, TableCache } from '../tickets/cache';
import { CORRELATION_PREFIX } from '../tickets/correlation';
import { formatGlideDateTime, newer, sameTicket, TASK_TICKET_FIELDS, TICKET_FIELDS, ticketTypeOf, toTicket } from '../tickets/normalize';
import { countStates } from '../tickets/queries';
import { TASK_TABLES, type Ticket } from '../tickets/types';

// The ticket sync against the Table and Aggregate APIs. Pure apart from the client, so it is
// tested with a fake client (sync-engine.test.ts) and benchmarked against the stand-in.
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

export type SyncClient = {
  list(table: TicketTable, options: ListOptions): Promise<ListResult>;
  aggregate(table: TicketTable, options: AggregateOptions): Promise<GroupCount[]>;
};

export const OUR_TICKETS = `correlation_idSTARTSWITH${CORRELATION_PREFIX}`;
/** Both ticket types in the parent table (sys_class_name is the record's own table). */
export const OUR_CLASSES = `sys_class_nameIN${TASK_TABLES.join(',')}`;
const NEWEST_FIRST = '^ORDERBYDESCsys_updated_on^ORDERBYsys_id';
export const PAGE_SIZE = 1000;
export const HEAD_SIZE = 25;
export const ID_PAGE_SIZE = 5000;
export const BY_ID_CHUNK = 100;
/** Clock differences between the instance's nodes, and between its Date header and its time stamps. */
export const WATERMARK_MARGIN_MS = 5000;
/** A full id reconciliation at least this often, even when the census matches. */
export const RECONCILE_EVERY_MS = 24 * 3600 * 1000;
/** After task was refused, the per-table path is used this long before task is tried again. */
export const TASK_RETRY_MS = 24 * 3600 * 1000;
const MAX_PAGES = 1000;
const SYS_ID = /^[0-9a-f]{32}$/;

/** Where the tickets are read from: the parent table task (both types) or one ticket table. */
interface Source {
  table: TicketTable;
  types: readonly TaskTable[];
  /** Encoded query of our tickets in this table. */
  ours: string;
  fields: readonly string[];
  idFields: readonly string[];
  groupBy: readonly string[];
  typeOf(record: Record<string, string>): TaskTable | null;
}

const TASK_SOURCE: Source = {
  table: 'task',
  types: TASK_TABLES,
  ours: `${OUR_CLASSES}^${OUR_TICKETS}`,
  fields: TASK_TICKET_FIELDS,
  idFields: ['sys_id', 'sys_mod_count', 'sys_class_name'],
  groupBy: ['sys_class_name', 'state'],
  typeOf: ticketTypeOf,
};

function tableSource(table: TaskTable): Source {
  return { table, types: [table], ours: OUR_TICKETS, fields: TICKET_FIELDS, idFields: ['sys_id', 'sys_mod_count'], groupBy: ['state'], typeOf: () => table };
}

export interface TableSyncResult {
  data: TableCache;
  /** Something the views show changed (tickets, counts). */
  changed: boolean;
  mode: 'full' | 'incremental';
  reconciled: boolean;
  requests: number;
}

export interface SyncOptions {
  now: number;
  signal?: AbortSignal;
}

interface SourceOptions extends SyncOptions {
  /** Take the counts from the ticket tables and require task to agree (task source only). */
  checkTask?: boolean;
}

interface SourceResult {
  data: Partial<Record<TaskTable, TableCache>>;
  changed: boolean;
  mode: 'full' | 'incremental';
  reconciled: boolean;
}

/** Task showed fewer (or other) of our tickets than the ticket tables: use the per-table path. */
export class TaskIncomplete extends Error {
  override readonly name = 'TaskIncomplete';
}

/** The instance refuses or hides the parent table task: the per-table path can still work. */
export function isTaskRefusal(error: unknown): boolean {
  if (error instanceof TaskIncomplete) return true;
  return error instanceof AppError && [400, 403, 404].includes(error.extra.status ?? 0);
}

type Counter = { requests: number };
type Counts = Record<string, number>;

async function syncSource(
  client: SyncClient,
  source: Source,
  previous: Partial<Record<TaskTable, TableCache | undefined>>,
  options: SourceOptions,
  counter: Counter,
): Promise<SourceResult> {
  const { now, signal } = options;
  const list = (o: ListOptions) => {
    signal?.throwIfAborted();
    counter.requests++;
    return client.list(source.table, { ...o, signal });
  };
  const aggregate = (table: TicketTable, o: AggregateOptions) => {
    signal?.throwIfAborted();
    counter.requests++;
    return client.aggregate(table, { ...o, signal });
  };
  const ticketOf = (record: Record<string, string>) => {
    const type = source.typeOf(record);
    return type && toTicket(type, record);
  };

  /** Reads the ordered list from the top until the records are older than `since` (all when undefined). */
  async function readChanges(since: string | undefined, firstLimit: number) {
    const found = new Map<string, Ticket>();
    let offset = 0;
    let limit = firstLimit;
    let first: ListResult | undefined;
    let last: ListResult | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await list({ query: source.ours + NEWEST_FIRST, fields: source.fields, limit, offset });
      first ??= page;
      last = page;
      let reachedOld = false;
      let fresh = 0;
      for (const record of page.records) {
        const ticket = ticketOf(record);
        if (!ticket) continue;
        if (since !== undefined && ticket.updatedOn < since) {
          reachedOld = true; // newest first: everything after this is older too
          break;
        }
        const seen = found.get(ticket.sysId);
        if (!seen) fresh++;
        found.set(ticket.sysId, seen ? newer(seen, ticket) : ticket);
      }
      const end = page.records.length < limit || (page.totalKnown !== false && offset + limit >= page.total);
      // A server that ignores sysparm_offset would send the same page forever.
      if (reachedOld || end || (fresh === 0 && page.records.length > 0)) break;
      offset += limit;
      limit = PAGE_SIZE;
    }
    return { found, first: first!, last: last! };
  }

  /** Id-only pass: drops what ServiceNow no longer shows us, re-reads what is missing or stale. */
  async function reconcile(tickets: Map<string, Ticket>): Promise<boolean> {
    const server = new Map<string, { modCount: number; type: TaskTable }>();
    for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++, offset += ID_PAGE_SIZE) {
      const page = await list({ query: `${source.ours}^ORDERBYsys_id`, fields: source.idFields, limit: ID_PAGE_SIZE, offset });
      if (page.totalKnown !== false) serverTotal = page.total;
      for (const record of page.records) {
        const type = source.typeOf(record);
        if (type && typeof record.sys_id === 'string' && SYS_ID.test(record.sys_id)) server.set(record.sys_id, { modCount: Number(record.sys_mod_count) || 0, type });
      }
      if (page.records.length < ID_PAGE_SIZE || (page.totalKnown !== false && offset + ID_PAGE_SIZE >= page.total)) break;
    }
    let changed = false;
    for (const id of [...tickets.keys()]) {
      if (!server.has(id)) {
        tickets.delete(id);
        changed = true;
      }
    }
    const stale = [...server].filter(([id, { modCount, type }]) => {
      const cached = tickets.get(id);
      return cached?.modCount !== modCount || cached.table !== type;
    }).map(([id]) => id);
    if (stale.length > 5 * BY_ID_CHUNK) {
      // Cheaper to read everything again than to fetch this many by id.
      const { found } = await readChanges(undefined, PAGE_SIZE);
      tickets.clear();
      for (const [id, ticket] of found) tickets.set(id, ticket);
      return true;
    }
    for (let i = 0; i < stale.length; i += BY_ID_CHUNK) {
      const chunk = stale.slice(i, i + BY_ID_CHUNK); // checked hex ids: safe inside an encoded query
      const page = await list({ query: `${source.ours}^sys_idIN${chunk.join(',')}`, fields: source.fields, limit: chunk.length });
      for (const record of page.records) {
        const ticket = ticketOf(record);
        if (ticket) tickets.set(ticket.sysId, ticket);
      }
      changed = true;
    }
    return changed;
  }

  /** Counts by type and state: one Aggregate call on the source, or one per ticket table (task check). */
  async function fetchCounts(fromTicketTables: boolean): Promise<Record<TaskTable, Counts>> {
    const counts = emptyCounts(source.types);
    if (fromTicketTables) {
      for (const type of source.types) {
        for (const { values, count } of await aggregate(type, { groupBy: ['state'], query: OUR_TICKETS })) add(counts[type], values[0] ?? '', count);
      }
      return counts;
    }
    for (const { values, count } of await aggregate(source.table, { groupBy: source.groupBy, query: source.ours })) {
      const type = source.types.length === 1 ? source.types[0]! : source.types.find((t) => t === values[0]);
      if (type) add(counts[type], values[values.length - 1] ?? '', count);
    }
    return counts;
  }

  const prevs = source.types.map((type) => previous[type]);
  const complete = prevs.every((p) => p?.complete) ? (prevs as TableCache[]) : undefined;
  const full = !complete;
  const since = complete ? oldest(complete.map((p) => p.watermark)) : undefined;
  const { found, first, last } = await readChanges(since, full ? PAGE_SIZE : HEAD_SIZE);

  let tickets: Map<string, Ticket>;
  let changed = full;
  if (!complete) {
    tickets = found;
  } else {
    tickets = new Map(complete.flatMap((p) => p.tickets).map((t) => [t.sysId, t]));
    for (const ticket of found.values()) {
      const cached = tickets.get(ticket.sysId);
      if (cached && cached.table === ticket.table && sameTicket(cached, ticket)) continue;
      tickets.set(ticket.sysId, ticket); // ServiceNow's copy is the truth
      changed = true;
    }
  }

  let reconciled = false;
  const census = last.totalKnown !== false ? last.total : undefined;
  /** The source's newest X-Total-Count of our tickets (the census, then the id pass's). */
  let serverTotal = census;
  const lastReconciled = complete ? Math.min(...complete.map((p) => p.reconciledAt ?? 0)) : 0;
  const due = !!complete && lastReconciled + RECONCILE_EVERY_MS <= now;
  if ((census !== undefined && census !== tickets.size) || due) {
    changed = (await reconcile(tickets)) || changed;
    reconciled = true;
  }

  // The task check runs with the full load and the daily reconciliation, and when asked.
  const checkTask = source.table === 'task' && (full || due || !!options.checkTask);
  let counts: Record<TaskTable, Counts> = Object.fromEntries(source.types.map((t, i) => [t, prevs[i]?.counts ?? {}])) as Record<TaskTable, Counts>;
  if (changed || checkTask) {
    counts = !checkTask && tickets.size === 0 && census === 0 ? emptyCounts(source.types) : await fetchCounts(checkTask);
    const tableTotal = totalOf(counts);
    const differs = !sameAll(counts, derivedCounts(source.types, tickets)) || (checkTask && serverTotal !== undefined && tableTotal !== serverTotal);
    if (differs && !reconciled) {
      changed = (await reconcile(tickets)) || changed;
      reconciled = true;
    }
    // Server numbers only (not what the cache kept), after the id pass so that a ticket created
    // meanwhile is not taken for a hidden one.
    if (checkTask && tableTotal > (serverTotal ?? tickets.size)) {
      throw new TaskIncomplete(`The ticket tables hold ${tableTotal} of the extension's tickets, task shows ${serverTotal ?? tickets.size}.`);
    }
  }

  const all = [...tickets.values()];
  const watermark = nextWatermark(first.serverDate, all, since);
  const data: Partial<Record<TaskTable, TableCache>> = {};
  let countsChanged = false;
  source.types.forEach((type, i) => {
    const own = all.filter((t) => t.table === type);
    countsChanged ||= !sameCounts(counts[type], prevs[i]?.counts ?? {});
    data[type] = {
      tickets: own,
      counts: counts[type],
      // X-Total-Count is the census of this type only when the source holds one type.
      total: source.types.length === 1 ? (census ?? own.length) : own.length,
      watermark,
      complete: true,
      reconciledAt: full || reconciled ? now : prevs[i]?.reconciledAt,
    };
  });
  return { data, changed: changed || countsChanged, mode: full ? 'full' : 'incremental', reconciled };
}

/** One ticket table on its own (the per-table path, and what tests of the algorithm use). */
export async function syncTable(client: SyncClient, table: TaskTable, previous: TableCache | undefined, options: SyncOptions): Promise<TableSyncResult> {
  const counter = { requests: 0 };
  const result = await syncSource(client, tableSource(table), { [table]: previous }, options, counter);
  return { data: result.data[table]!, changed: result.changed, mode: result.mode, reconciled: result.reconciled, requests: counter.requests };
}

export interface TicketSyncOptions extends SyncOptions {
  /** What earlier syncs learned about the instance (a refusal of task). */
  meta?: SyncMeta;
  /** Called with each ticket type's data as soon as it is read, so a later failure keeps it. */
  save?(table: TaskTable, data: TableCache, changed: boolean): Promise<void>;
}

export interface TicketSyncResult {
  data: Record<TaskTable, TableCache>;
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
export async function syncTickets(client: SyncClient, previous: Partial<Record<TaskTable, TableCache | undefined>>, options: TicketSyncOptions): Promise<TicketSyncResult> {
  const { now, meta = {}, save } = options;
  const counter = { requests: 0 };
  const refusedAt = meta.taskRefusedAt;
  const retrying = refusedAt !== undefined;
  const tryTask = !retrying || refusedAt + TASK_RETRY_MS <= now || refusedAt > now;
  if (tryTask) {
    try {
      const result = await syncSource(client, TASK_SOURCE, previous, { ...options, checkTask: retrying }, counter);
      const data = result.data as Record<TaskTable, TableCache>;
      for (const type of TASK_TABLES) await save?.(type, data[type], result.changed);
      return { ...result, data, requests: counter.requests, path: 'task', meta: {} };
    } catch (error) {
      if (!isTaskRefusal(error)) throw error;
      // Nothing read through task is kept: the per-table path starts from the previous caches.
    }
  }
  const data = {} as Record<TaskTable, TableCache>;
  let changed = false;
  let full = false;
  let reconciled = false;
  for (const type of TASK_TABLES) {
    const result = await syncSource(client, tableSource(type), { [type]: previous[type] }, options, counter);
    data[type] = result.data[type]!;
    await save?.(type, data[type], result.changed);
    changed ||= result.changed;
    full ||= result.mode === 'full';
    reconciled ||= result.reconciled;
  }
  // Reaching this after trying task means task was refused: remember when.
  return { data, changed, mode: full ? 'full' : 'incremental', reconciled, requests: counter.requests, path: 'tables', meta: tryTask ? { taskRefusedAt: now } : meta };
}

/** The oldest watermark (all of them must be covered); undefined when one is unknown. */
function oldest(watermarks: (string | undefined)[]): string | undefined {
  let min: string | undefined;
  for (const w of watermarks) {
    if (w === undefined) return undefined;
    if (min === undefined || w < min) min = w;
  }
  return min;
}

function nextWatermark(serverDate: number | undefined, tickets: Ticket[], previous: string | undefined): string | undefined {
  if (serverDate !== undefined) return formatGlideDateTime(Math.floor(serverDate / 1000) * 1000 - WATERMARK_MARGIN_MS);
  // No Date header: the newest time stamp seen is safe (>=), only less tight.
  let newest = previous ?? '';
  for (const t of tickets) if (t.updatedOn > newest) newest = t.updatedOn;
  return newest || undefined;
}

function emptyCounts(types: readonly TaskTable[]): Record<TaskTable, Counts> {
  return Object.fromEntries(types.map((t) => [t, {}])) as Record<TaskTable, Counts>;
}

function add(counts: Counts, state: string, count: number): void {
  if (Number.isSafeInteger(count) && count > 0) counts[state] = (counts[state] ?? 0) + count;
}

function derivedCounts(types: readonly TaskTable[], tickets: Map<string, Ticket>): Record<TaskTable, Counts> {
  const all = [...tickets.values()];
  return Object.fromEntries(types.map((t) => [t, countStates(all.filter((x) => x.table === t))])) as Record<TaskTable, Counts>;
}

function totalOf(counts: Record<TaskTable, Counts>): number {
  let total = 0;
  for (const byState of Object.values(counts)) for (const n of Object.values(byState)) total += n;
  return total;
}

function sameAll(a: Record<TaskTable, Counts>, b: Record<TaskTable, Counts>): boolean {
  return (Object.keys(a) as TaskTable[]).every((t) => sameCounts(a[t], b[t] ?? {}));
}

function sameCounts(a: Counts, b: Counts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
  return true;
}
