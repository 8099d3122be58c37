import { CORRELATION_PREFIX } from '../domain/correlation';
import type { Ticket } from '../domain/ticket';
import { TICKET_TYPES, type TicketType } from '../domain/ticket-type';
import {
  PARENT_TABLE,
  type AggregateOptions,
  type GroupCount,
  type ListOptions,
  type ListResult,
  type ReadableTable,
} from '../servicenow/client';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { TASK_TICKET_FIELDS, TICKET_FIELDS, ticketTypeOf, toTicket } from '../servicenow/ticket-record';

// Where the sync reads tickets from (the parent table task, or one ticket table), and its
// requests to that source, counted and abortable. The design: utils/sync/sync-engine.ts.

export type SyncClient = {
  list(table: ReadableTable, options: ListOptions): Promise<ListResult>;
  aggregate(table: ReadableTable, options: AggregateOptions): Promise<GroupCount[]>;
};

export const OUR_TICKETS = condition.startsWith('correlation_id', CORRELATION_PREFIX);
/** Both ticket types in the parent table (sys_class_name is the record's own table). */
export const OUR_CLASSES = condition.in('sys_class_name', TICKET_TYPES);
export const PAGE_SIZE = 1000;
/**
 * The head page of an incremental sync. Its newest record already tells whether anything
 * changed (the list is newest first); the second keeps a single change, the common case, inside
 * that one request. Every record more is paid by every unchanged sync (~280 bytes each).
 */
export const HEAD_SIZE = 2;
export const ID_PAGE_SIZE = 5000;
export const BY_ID_CHUNK = 100;
export const MAX_PAGES = 1000;

/** Where the tickets are read from: the parent table task (both types) or one ticket table. */
export interface Source {
  table: ReadableTable;
  types: readonly TicketType[];
  /** Encoded query of our tickets in this table. */
  ours: string;
  fields: readonly string[];
  idFields: readonly string[];
  groupBy: readonly string[];
  typeOf(record: Record<string, string>): TicketType | null;
}

export const TASK_SOURCE: Source = {
  table: PARENT_TABLE,
  types: TICKET_TYPES,
  ours: encodedQuery(OUR_CLASSES, OUR_TICKETS),
  fields: TASK_TICKET_FIELDS,
  idFields: ['sys_id', 'sys_mod_count', 'sys_class_name'],
  groupBy: ['sys_class_name', 'state'],
  typeOf: ticketTypeOf,
};

export function tableSource(table: TicketType): Source {
  return {
    table,
    types: [table],
    ours: OUR_TICKETS,
    fields: TICKET_FIELDS,
    idFields: ['sys_id', 'sys_mod_count'],
    groupBy: ['state'],
    typeOf: () => table,
  };
}

export type Counter = { requests: number };

/** The requests of one sync of one source: each counted, each refused once the sync is aborted. */
export interface SourceReader {
  source: Source;
  list(options: ListOptions): Promise<ListResult>;
  aggregate(table: ReadableTable, options: AggregateOptions): Promise<GroupCount[]>;
  ticketOf(record: Record<string, string>): Ticket | null;
}

export function sourceReader(
  client: SyncClient,
  source: Source,
  signal: AbortSignal | undefined,
  counter: Counter,
): SourceReader {
  return {
    source,
    list(options) {
      signal?.throwIfAborted();
      counter.requests++;
      return client.list(source.table, { ...options, signal });
    },
    aggregate(table, options) {
      signal?.throwIfAborted();
      counter.requests++;
      return client.aggregate(table, { ...options, signal });
    },
    ticketOf(record) {
      const type = source.typeOf(record);
      return type && toTicket(type, record);
    },
  };
}
