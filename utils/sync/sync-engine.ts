import type { ListOptions, ListResult, StateCount, TaskTable } from '../servicenow/client';
import type { TableCache } from '../tickets/cache';
import { CORRELATION_PREFIX } from '../tickets/correlation';
import { formatGlideDateTime, newer, sameTicket, TICKET_FIELDS, toTicket } from '../tickets/normalize';
import { countStates } from '../tickets/queries';
import type { Ticket } from '../tickets/types';

// One ticket type's sync against the Table and Aggregate APIs. Pure apart from the client, so it
// is tested with a fake client (sync-engine.test.ts) and benchmarked against the stand-in.
//
// Requests (https://developer.servicenow.com/dev.do#!/reference/api/latest/rest/c_TableAPI):
// every read asks for the extension's tickets only (correlation_idSTARTSWITHm365ss-), with
// sysparm_fields = what the views show, newest change first (ORDERBYDESCsys_updated_on, then
// sys_id so ties have a stable order).
//
// - First sync (nothing cached): pages of PAGE_SIZE (sysparm_limit/sysparm_offset) until
//   X-Total-Count is reached, then the Aggregate API for the counts by state:
//   ceil(n / PAGE_SIZE) + 1 requests (5,000 tickets: 6).
// - Incremental sync: ONE request, a "head" page of HEAD_SIZE records of the same ordered list.
//   Its records with sys_updated_on >= watermark are the changes (it pages on only while all
//   of a page is new enough), and its X-Total-Count is a census of all our tickets that costs
//   nothing extra: when the cache then holds a different number of tickets, something was
//   deleted, or is no longer visible to the integration user (ACL, correlation id changed), and
//   an id-only reconciliation pass (sys_id + sys_mod_count, ID_PAGE_SIZE per page) drops what is
//   gone and re-reads what is missing or stale. The watermark is not put into the query on
//   purpose: that would make X-Total-Count count the changes only, and deletions would need a
//   second request on every sync.
// - Counts by state come from the Aggregate API, but only when something changed (or on a full
//   load): an unchanged sync keeps the cached counts, so it stays one request. The Aggregate
//   answer is also checked against the counts derived from the cache; a mismatch means the cache
//   missed something and triggers the reconciliation pass.
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
  list(table: TaskTable, options: ListOptions): Promise<ListResult>;
  countByState(table: TaskTable, query?: string): Promise<StateCount[]>;
};

export const OUR_TICKETS = `correlation_idSTARTSWITH${CORRELATION_PREFIX}`;
const NEWEST_FIRST = '^ORDERBYDESCsys_updated_on^ORDERBYsys_id';
export const PAGE_SIZE = 1000;
export const HEAD_SIZE = 25;
export const ID_PAGE_SIZE = 5000;
export const BY_ID_CHUNK = 100;
/** Clock differences between the instance's nodes, and between its Date header and its time stamps. */
export const WATERMARK_MARGIN_MS = 5000;
/** A full id reconciliation at least this often, even when the census matches. */
export const RECONCILE_EVERY_MS = 24 * 3600 * 1000;
const MAX_PAGES = 1000;
const SYS_ID = /^[0-9a-f]{32}$/;

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

export async function syncTable(client: SyncClient, table: TaskTable, previous: TableCache | undefined, options: SyncOptions): Promise<TableSyncResult> {
  const { now, signal } = options;
  let requests = 0;
  const list = (o: ListOptions) => {
    signal?.throwIfAborted();
    requests++;
    return client.list(table, { ...o, signal });
  };

  /** Reads the ordered list from the top until the records are older than `since` (all when undefined). */
  async function readChanges(since: string | undefined, firstLimit: number) {
    const found = new Map<string, Ticket>();
    let offset = 0;
    let limit = firstLimit;
    let first: ListResult | undefined;
    let last: ListResult | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await list({ query: OUR_TICKETS + NEWEST_FIRST, fields: TICKET_FIELDS, limit, offset });
      first ??= page;
      last = page;
      let reachedOld = false;
      let fresh = 0;
      for (const record of page.records) {
        const ticket = toTicket(table, record);
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
    const server = new Map<string, number>();
    for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++, offset += ID_PAGE_SIZE) {
      const page = await list({ query: `${OUR_TICKETS}^ORDERBYsys_id`, fields: ['sys_id', 'sys_mod_count'], limit: ID_PAGE_SIZE, offset });
      for (const record of page.records) {
        if (typeof record.sys_id === 'string' && SYS_ID.test(record.sys_id)) server.set(record.sys_id, Number(record.sys_mod_count) || 0);
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
    const stale = [...server].filter(([id, modCount]) => tickets.get(id)?.modCount !== modCount).map(([id]) => id);
    if (stale.length > 5 * BY_ID_CHUNK) {
      // Cheaper to read everything again than to fetch this many by id.
      const { found } = await readChanges(undefined, PAGE_SIZE);
      tickets.clear();
      for (const [id, ticket] of found) tickets.set(id, ticket);
      return true;
    }
    for (let i = 0; i < stale.length; i += BY_ID_CHUNK) {
      const chunk = stale.slice(i, i + BY_ID_CHUNK); // checked hex ids: safe inside an encoded query
      const page = await list({ query: `${OUR_TICKETS}^sys_idIN${chunk.join(',')}`, fields: TICKET_FIELDS, limit: chunk.length });
      for (const record of page.records) {
        const ticket = toTicket(table, record);
        if (ticket) tickets.set(ticket.sysId, ticket);
      }
      changed = true;
    }
    return changed;
  }

  const prev = previous?.complete ? previous : undefined;
  const full = !prev;
  const { found, first, last } = await readChanges(prev?.watermark, full ? PAGE_SIZE : HEAD_SIZE);

  let tickets: Map<string, Ticket>;
  let changed = full;
  if (full) {
    tickets = found;
  } else {
    tickets = new Map(prev.tickets.map((t) => [t.sysId, t]));
    for (const ticket of found.values()) {
      const cached = tickets.get(ticket.sysId);
      if (cached && sameTicket(cached, ticket)) continue;
      tickets.set(ticket.sysId, ticket); // ServiceNow's copy is the truth
      changed = true;
    }
  }

  let reconciled = false;
  const census = last.totalKnown !== false ? last.total : undefined;
  const due = !full && (prev.reconciledAt ?? 0) + RECONCILE_EVERY_MS <= now;
  if ((census !== undefined && census !== tickets.size) || due) {
    changed = (await reconcile(tickets)) || changed;
    reconciled = true;
  }

  let counts = prev?.counts ?? {};
  if (changed) {
    counts = tickets.size === 0 && census === 0 ? {} : toCounts(await countByState());
    if (!sameCounts(counts, countStates([...tickets.values()])) && !reconciled) {
      await reconcile(tickets);
      reconciled = true;
    }
  }

  async function countByState() {
    signal?.throwIfAborted();
    requests++;
    return client.countByState(table, OUR_TICKETS);
  }

  const all = [...tickets.values()];
  return {
    data: {
      tickets: all,
      counts,
      total: census ?? all.length,
      watermark: nextWatermark(first.serverDate, all, prev?.watermark),
      complete: true,
      reconciledAt: full || reconciled ? now : prev?.reconciledAt,
    },
    changed: changed || !sameCounts(counts, prev?.counts ?? {}),
    mode: full ? 'full' : 'incremental',
    reconciled,
    requests,
  };
}

function nextWatermark(serverDate: number | undefined, tickets: Ticket[], previous: string | undefined): string | undefined {
  if (serverDate !== undefined) return formatGlideDateTime(Math.floor(serverDate / 1000) * 1000 - WATERMARK_MARGIN_MS);
  // No Date header: the newest time stamp seen is safe (>=), only less tight.
  let newest = previous ?? '';
  for (const t of tickets) if (t.updatedOn > newest) newest = t.updatedOn;
  return newest || undefined;
}

function toCounts(rows: StateCount[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { value, count } of rows) if (Number.isSafeInteger(count) && count > 0) counts[value] = count;
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
  return true;
}
