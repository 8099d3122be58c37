import type { TicketType } from './ticket-type';

// What the extension knows about one of its tickets, as cached by the sync and shown by the
// cards, the per-action status and the list view. Only the fields those views show.

export interface Ticket {
  table: TicketType;
  /** 32 hex characters (checked on ingest: it goes into links). */
  sysId: string;
  number: string;
  /** short_description */
  name: string;
  /** ServiceNow's state value (`-4`, `2`), named in the UI with the user's state names. */
  state: string;
  /** UTC `YYYY-MM-DD HH:MM:SS`, or '' when there is none. */
  dueDate: string;
  /** sys_updated_on, UTC `YYYY-MM-DD HH:MM:SS`. */
  updatedOn: string;
  /** sys_mod_count: which of two copies is newer. */
  modCount: number;
  /** The improvement action the ticket was created for, or null (manual tickets). */
  actionId: string | null;
}

/** One card's data: counts by state (Aggregate API), total, overdue and the most recently updated tickets. */
export interface TableOverview {
  counts: Record<string, number>;
  total: number;
  /** Cached tickets past their due date and not done yet. */
  overdue: number;
  recent: Ticket[];
}

export interface TicketOverview {
  /** https://contoso.service-now.com, for links; absent when not configured. */
  instanceOrigin?: string;
  tables: Record<TicketType, TableOverview>;
}

/** Tickets by improvement action id (newest first), for the status next to each action. */
export type ActionTickets = Record<string, Ticket[]>;

export interface ActionTicketsAnswer {
  byAction: ActionTickets;
  instanceOrigin?: string;
}

export type TicketSortKey = 'number' | 'name' | 'type' | 'state' | 'due' | 'updated';
export const TICKET_SORT_KEYS: readonly TicketSortKey[] = ['number', 'name', 'type', 'state', 'due', 'updated'];

/** `open`/`done` group states; a state value needs a table. */
export type StateFilter = '' | 'open' | 'done' | string;

export interface TicketListQuery {
  table: TicketType | 'all';
  state: StateFilter;
  search: string;
  sort: TicketSortKey;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface TicketListPage {
  tickets: Ticket[];
  /** Matches before paging. */
  total: number;
  instanceOrigin?: string;
}

export const MAX_LIST_LIMIT = 200;
export const MAX_ACTION_IDS = 200;
