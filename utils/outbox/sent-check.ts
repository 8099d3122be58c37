import { TICKET_TYPES, type TicketType } from '../domain/ticket-type';
import type { ServiceNowClient, ServiceNowRecord } from '../servicenow/client';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { recordUrl, referenceLine } from '../servicenow/ticket-fields';
import { outboxStore, type OutboxItem } from './outbox-store';
import { REQUEST_FIELDS, retireExtras, type RetiredDuplicate } from './request-records';

// The duplicate check of every sync. A second record of a request can appear after the outbox
// verified its create: the instance finishes a create it had queued after the client gave up,
// or carries out a resend late. So each sync looks up the requests sent lately again, in one
// query per ticket type, and retires extras exactly as after a create (keep the first, cancel
// the others with a work note). A request is looked up until one check ran SETTLE_MS after it
// was sent; normal syncs with nothing sent lately make no request at all.

/** Longer than any create the instance can still finish after the client gave up. */
export const SETTLE_MS = 5 * 60_000;
/** Requests per query: the URL stays short (one LIKE per request). */
const CHUNK = 20;
/** More records than this for one request is not a network fault (as in request-records.ts). */
const MAX_RECORDS = 10;

export function awaitingCheck(item: OutboxItem): boolean {
  if (item.state !== 'sent' || !item.result) return false;
  return (item.checkedAt ?? 0) < (item.sentAt ?? item.createdAt) + SETTLE_MS;
}

export interface SentCheck {
  item: OutboxItem;
  /** The request's one live ticket (the first record); absent when none was found. */
  kept?: ServiceNowRecord;
  retired: RetiredDuplicate[];
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The records of these requests of one table, one query, in creation order. */
function recordsOf(client: ServiceNowClient, table: TicketType, items: readonly OutboxItem[]) {
  return client.list(table, {
    query: encodedQuery(
      condition.in('correlation_id', [...new Set(items.map((i) => i.correlationId))]),
      condition.anyOf(items.map((i) => condition.contains('description', i.id))),
      condition.orderBy('sys_created_on'),
    ),
    fields: [...REQUEST_FIELDS, 'correlation_id', 'description'],
    limit: items.length * MAX_RECORDS,
  });
}

/** Looks up each request's records and retires extras of any request made twice. */
export async function checkSentRequests(client: ServiceNowClient, items: readonly OutboxItem[]): Promise<SentCheck[]> {
  const checks: SentCheck[] = [];
  for (const table of TICKET_TYPES) {
    for (const chunk of chunks(
      items.filter((i) => i.draft.type === table),
      CHUNK,
    )) {
      const { records } = await recordsOf(client, table, chunk);
      for (const item of chunk) {
        const line = referenceLine(item.id);
        const mine = records.filter((r) => r.correlation_id === item.correlationId && r.description?.includes(line));
        const verified = await retireExtras(client, table, mine, item.id);
        checks.push({ item, kept: verified?.kept, retired: verified?.retired ?? [] });
      }
    }
  }
  return checks;
}

export interface SentCheckDeps {
  client(): Promise<ServiceNowClient>;
  onDuplicatesRetired?(retired: RetiredDuplicate[]): void;
  now?: () => number;
}

/** The check as the sync runs it: the outbox's lately sent items, their results kept right. */
export function createSentCheck(deps: SentCheckDeps) {
  const now = deps.now ?? Date.now;
  return async function checkSent(): Promise<void> {
    const waiting = (await outboxStore.all()).filter(awaitingCheck);
    if (waiting.length === 0) return;
    const client = await deps.client();
    // Only on the instance each was sent to (the connection may have moved to another one).
    const due = waiting.filter((i) => !i.instanceOrigin || i.instanceOrigin === client.origin);
    const checkedAt = now();
    for (const { item, kept, retired } of await checkSentRequests(client, due)) {
      item.checkedAt = checkedAt;
      // The first record may be one that appeared late: the item then names that ticket.
      if (kept && kept.sys_id !== item.result?.sysId) {
        const table = item.draft.type;
        item.result = {
          table,
          sysId: kept.sys_id!,
          number: kept.number ?? '',
          url: recordUrl(client.origin, table, kept.sys_id!),
        };
      }
      await outboxStore.put(item);
      if (retired.length > 0) deps.onDuplicatesRetired?.(retired);
    }
  };
}
