import type { Ticket } from '../domain/ticket';
import type { ListResult } from '../servicenow/client';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { newer } from '../servicenow/ticket-record';
import { MAX_PAGES, PAGE_SIZE, type SourceReader } from './source';

export interface Changes {
  /** The tickets read, by sys_id; of two copies the newer one. */
  found: Map<string, Ticket>;
  /** The first page (its Date header starts the next watermark). */
  first: ListResult;
  /** The last page (its X-Total-Count is the census). */
  last: ListResult;
}

/** Reads the ordered list from the top until the records are older than `since` (all when undefined). */
export async function readChanges(
  reader: SourceReader,
  since: string | undefined,
  firstLimit: number,
): Promise<Changes> {
  const { source } = reader;
  const query = encodedQuery(source.ours, condition.orderByDesc('sys_updated_on'), condition.orderBy('sys_id'));
  const found = new Map<string, Ticket>();
  let offset = 0;
  let limit = firstLimit;
  let first: ListResult | undefined;
  let last: ListResult | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await reader.list({ query, fields: source.fields, limit, offset });
    first ??= page;
    last = page;
    let reachedOld = false;
    let fresh = 0;
    for (const record of page.records) {
      const ticket = reader.ticketOf(record);
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
  // MAX_PAGES >= 1: the loop ran at least once.
  return { found, first: first as ListResult, last: last as ListResult };
}
