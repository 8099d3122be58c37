import type { Ticket } from '../domain/ticket';
import type { TicketType } from '../domain/ticket-type';
import { AppError } from '../errors';
import { PARENT_TABLE } from '../servicenow/client';
import { sameTicket } from '../servicenow/ticket-record';
import type { TableCache } from '../tickets/cache';
import { derivedCounts, emptyCounts, fetchCounts, sameAll, sameCounts, totalOf, type CountsByType } from './counts';
import { readChanges } from './read-changes';
import { reconcile } from './reconcile';
import { HEAD_SIZE, PAGE_SIZE, sourceReader, type Counter, type Source, type SyncClient } from './source';
import { nextWatermark, oldestWatermark } from './watermark';

// One sync of one source, step by step: read the changes, merge them into the cache, reconcile
// when the census or the counts disagree (or it is due), check task, move the watermark.

/** A full id reconciliation at least this often, even when the census matches. */
export const RECONCILE_EVERY_MS = 24 * 3600 * 1000;

export interface SyncOptions {
  now: number;
  signal?: AbortSignal;
}

export interface SourceOptions extends SyncOptions {
  /** Take the counts from the ticket tables and require task to agree (task source only). */
  checkTask?: boolean;
}

export interface SourceResult {
  data: Partial<Record<TicketType, TableCache>>;
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

/** The cached tickets with the changes applied (ServiceNow's copy is the truth). */
function mergeChanges(
  cached: TableCache[],
  found: Map<string, Ticket>,
): { tickets: Map<string, Ticket>; changed: boolean } {
  const tickets = new Map(cached.flatMap((p) => p.tickets).map((t) => [t.sysId, t]));
  let changed = false;
  for (const ticket of found.values()) {
    const known = tickets.get(ticket.sysId);
    if (known && known.table === ticket.table && sameTicket(known, ticket)) continue;
    tickets.set(ticket.sysId, ticket);
    changed = true;
  }
  return { tickets, changed };
}

export async function syncSource(
  client: SyncClient,
  source: Source,
  previous: Partial<Record<TicketType, TableCache | undefined>>,
  options: SourceOptions,
  counter: Counter,
): Promise<SourceResult> {
  const { now } = options;
  const reader = sourceReader(client, source, options.signal, counter);
  const prevs = source.types.map((type) => previous[type]);
  const complete = prevs.every((p) => p?.complete) ? (prevs as TableCache[]) : undefined;
  const full = !complete;
  const since = complete ? oldestWatermark(complete.map((p) => p.watermark)) : undefined;
  const { found, first, last } = await readChanges(reader, since, full ? PAGE_SIZE : HEAD_SIZE);

  const merged = complete ? mergeChanges(complete, found) : { tickets: found, changed: true };
  const tickets = merged.tickets;
  let changed = merged.changed;

  let reconciled = false;
  const census = last.totalKnown !== false ? last.total : undefined;
  /** The source's newest X-Total-Count of our tickets (the census, then the id pass's). */
  let serverTotal = census;
  const reconcileNow = async () => {
    const result = await reconcile(reader, tickets);
    changed = result.changed || changed;
    if (result.serverTotal !== undefined) serverTotal = result.serverTotal;
    reconciled = true;
  };
  const lastReconciled = complete ? Math.min(...complete.map((p) => p.reconciledAt ?? 0)) : 0;
  const due = !!complete && lastReconciled + RECONCILE_EVERY_MS <= now;
  if ((census !== undefined && census !== tickets.size) || due) await reconcileNow();

  // The task check runs with the full load and the daily reconciliation, and when asked.
  const checkTask = source.table === PARENT_TABLE && (full || due || !!options.checkTask);
  let counts = Object.fromEntries(source.types.map((t, i) => [t, prevs[i]?.counts ?? {}])) as CountsByType;
  if (changed || checkTask) {
    counts =
      !checkTask && tickets.size === 0 && census === 0
        ? emptyCounts(source.types)
        : await fetchCounts(reader, checkTask);
    const tableTotal = totalOf(counts);
    const differs =
      !sameAll(counts, derivedCounts(source.types, tickets)) ||
      (checkTask && serverTotal !== undefined && tableTotal !== serverTotal);
    if (differs && !reconciled) await reconcileNow();
    // Server numbers only (not what the cache kept), after the id pass so that a ticket created
    // meanwhile is not taken for a hidden one.
    if (checkTask && tableTotal > (serverTotal ?? tickets.size)) {
      throw new TaskIncomplete(
        `The ticket tables hold ${tableTotal} of the extension's tickets, task shows ${serverTotal ?? tickets.size}.`,
      );
    }
  }

  const all = [...tickets.values()];
  const watermark = nextWatermark(first.serverDate, all, since);
  const data: Partial<Record<TicketType, TableCache>> = {};
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
