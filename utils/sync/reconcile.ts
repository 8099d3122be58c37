import { isSysId } from '../domain/guards';
import type { Ticket } from '../domain/ticket';
import type { TicketType } from '../domain/ticket-type';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { readChanges } from './read-changes';
import { BY_ID_CHUNK, ID_PAGE_SIZE, MAX_PAGES, PAGE_SIZE, type SourceReader } from './source';

export interface Reconciliation {
  /** Tickets were dropped, added or re-read. */
  changed: boolean;
  /** The id pass's X-Total-Count of our tickets, when the source sent one. */
  serverTotal?: number;
}

/** Id-only pass: drops what ServiceNow no longer shows us, re-reads what is missing or stale (in place). */
export async function reconcile(reader: SourceReader, tickets: Map<string, Ticket>): Promise<Reconciliation> {
  const { source } = reader;
  const server = new Map<string, { modCount: number; type: TicketType }>();
  let serverTotal: number | undefined;
  const byId = encodedQuery(source.ours, condition.orderBy('sys_id'));
  for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++, offset += ID_PAGE_SIZE) {
    const page = await reader.list({ query: byId, fields: source.idFields, limit: ID_PAGE_SIZE, offset });
    if (page.totalKnown !== false) serverTotal = page.total;
    for (const record of page.records) {
      const type = source.typeOf(record);
      if (type && isSysId(record.sys_id)) {
        server.set(record.sys_id, { modCount: Number(record.sys_mod_count) || 0, type });
      }
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
  const stale = [...server]
    .filter(([id, { modCount, type }]) => {
      const cached = tickets.get(id);
      return cached?.modCount !== modCount || cached.table !== type;
    })
    .map(([id]) => id);
  if (stale.length > 5 * BY_ID_CHUNK) {
    // Cheaper to read everything again than to fetch this many by id.
    const { found } = await readChanges(reader, undefined, PAGE_SIZE);
    tickets.clear();
    for (const [id, ticket] of found) tickets.set(id, ticket);
    return { changed: true, serverTotal };
  }
  for (let i = 0; i < stale.length; i += BY_ID_CHUNK) {
    const chunk = stale.slice(i, i + BY_ID_CHUNK); // checked hex ids
    const page = await reader.list({
      query: encodedQuery(source.ours, condition.in('sys_id', chunk)),
      fields: source.fields,
      limit: chunk.length,
    });
    for (const record of page.records) {
      const ticket = reader.ticketOf(record);
      if (ticket) tickets.set(ticket.sysId, ticket);
    }
    changed = true;
  }
  return { changed, serverTotal };
}
