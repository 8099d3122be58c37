import { parseGlideDateTime } from './glide-date-time';
import { DONE_STATES, STATES } from './states';
import type { ActionTickets, Ticket, TicketListPage, TicketListQuery } from './ticket';
import { TICKET_TYPES, type TicketType } from './ticket-type';

// Read-only questions the views ask the worker, answered from the cached tickets (no request
// to ServiceNow): the most recent tickets of a card, the tickets of some actions, a list page.

export const RECENT_COUNT = 5;

/** Plain code-unit order: enough for ServiceNow's date-times, table names and ticket numbers. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byUpdatedDesc = (a: Ticket, b: Ticket) => cmp(b.updatedOn, a.updatedOn) || cmp(b.number, a.number);

export function recentTickets(tickets: readonly Ticket[], count = RECENT_COUNT): Ticket[] {
  return [...tickets].sort(byUpdatedDesc).slice(0, count);
}

/** Counts by state, derived from cached tickets (cross-check for the Aggregate API's counts). */
export function countStates(tickets: readonly Ticket[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ticket of tickets) counts[ticket.state] = (counts[ticket.state] ?? 0) + 1;
  return counts;
}

/** Tickets of each asked action, most recently updated first; actions without tickets are left out. */
export function ticketsForActions(tickets: readonly Ticket[], actionIds: readonly string[]): ActionTickets {
  const wanted = new Set(actionIds);
  // A prototype-free object: an action id such as "constructor" is just a key here. It is sent
  // through structured cloning to the content script, which reads it with Object.hasOwn.
  const found: ActionTickets = Object.create(null) as ActionTickets;
  for (const ticket of tickets) {
    if (!ticket.actionId || !wanted.has(ticket.actionId)) continue;
    if (!Object.hasOwn(found, ticket.actionId)) found[ticket.actionId] = [];
    found[ticket.actionId]!.push(ticket);
  }
  for (const list of Object.values(found)) list.sort(byUpdatedDesc);
  return found;
}

/** How many of the tickets are overdue (the cards' overdue count). */
export function countOverdue(tickets: readonly Ticket[], now: number): number {
  return tickets.reduce((n, ticket) => (isOverdue(ticket, now) ? n + 1 : n), 0);
}

export function isDone(ticket: Pick<Ticket, 'table' | 'state'>): boolean {
  return DONE_STATES[ticket.table].includes(ticket.state);
}

/** Past its due date and not done yet. */
export function isOverdue(ticket: Pick<Ticket, 'table' | 'state' | 'dueDate'>, now: number): boolean {
  if (!ticket.dueDate || isDone(ticket)) return false;
  return parseGlideDateTime(ticket.dueDate) < now;
}

/** Position of a state in its workflow (New before Assess …), for sorting by state. */
const RANKS = Object.fromEntries(
  TICKET_TYPES.map((table) => [table, new Map(STATES[table].map((s, i) => [s.value, i]))]),
) as Record<TicketType, Map<string, number>>;
function stateRank(table: TicketType, value: string): number {
  return RANKS[table].get(value) ?? STATES[table].length;
}

// One collator for every comparison (localeCompare with options builds one per call).
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function matchesState(ticket: Ticket, filter: string): boolean {
  if (!filter) return true;
  if (filter === 'open') return !isDone(ticket);
  if (filter === 'done') return isDone(ticket);
  return ticket.state === filter;
}

function compare(a: Ticket, b: Ticket, key: TicketListQuery['sort']): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'type':
      return cmp(a.table, b.table);
    case 'state':
      return a.table === b.table ? stateRank(a.table, a.state) - stateRank(b.table, b.state) : cmp(a.table, b.table);
    case 'due':
      return cmp(a.dueDate, b.dueDate);
    case 'updated':
      return cmp(a.updatedOn, b.updatedOn);
    case 'number':
      return 0;
  }
}

/** Filters, sorts and pages the cached tickets for the list view. */
export function queryTickets(
  tickets: readonly Ticket[],
  query: TicketListQuery,
): Omit<TicketListPage, 'instanceOrigin'> {
  const search = query.search.trim().toLocaleLowerCase();
  const matches = tickets.filter(
    (t) =>
      (query.table === 'all' || t.table === query.table) &&
      matchesState(t, query.state) &&
      (!search ||
        t.number.toLocaleLowerCase().includes(search) ||
        t.name.toLocaleLowerCase().includes(search) ||
        (t.actionId ?? '').toLocaleLowerCase().includes(search)),
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  matches.sort((a, b) => {
    // Tickets without a due date go last in both directions.
    if (query.sort === 'due' && !a.dueDate !== !b.dueDate) return a.dueDate ? -1 : 1;
    return sign * (compare(a, b, query.sort) || collator.compare(a.number, b.number));
  });
  return { tickets: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
}
