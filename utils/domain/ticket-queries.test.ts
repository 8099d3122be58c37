import { describe, expect, test } from 'vitest';
import { countOverdue, countStates, isOverdue, queryTickets, recentTickets, ticketsForActions } from './ticket-queries';
import type { Ticket, TicketListQuery } from './ticket';

let n = 0;
function ticket(fields: Partial<Ticket>): Ticket {
  n++;
  return {
    table: 'change_request',
    sysId: n.toString(16).padStart(32, '0'),
    number: `CHG${String(n).padStart(7, '0')}`,
    name: `Ticket ${n}`,
    state: '-5',
    dueDate: '',
    updatedOn: `2026-11-${String(10 + n).padStart(2, '0')} 10:00:00`,
    modCount: 0,
    actionId: null,
    ...fields,
  };
}

const tickets = [
  ticket({ name: 'Require MFA', state: '-4', actionId: 'AdminMFAV2', dueDate: '2026-01-01 00:00:00' }),
  ticket({ name: 'block legacy auth', state: '3', actionId: 'BlockLegacyAuthentication' }),
  ticket({
    table: 'incident',
    number: 'INC0010001',
    name: 'Guest access',
    state: '2',
    actionId: 'AdminMFAV2',
    dueDate: '2030-01-01 00:00:00',
  }),
  ticket({ table: 'incident', number: 'INC0010002', name: 'Zeta', state: '7' }),
  ticket({ name: 'Another', state: '-5' }),
];
const query = (q: Partial<TicketListQuery>): TicketListQuery => ({
  table: 'all',
  state: '',
  search: '',
  sort: 'number',
  dir: 'asc',
  offset: 0,
  limit: 50,
  ...q,
});
const numbers = (q: Partial<TicketListQuery>) => queryTickets(tickets, query(q)).tickets.map((t) => t.number);

describe('ticket queries', () => {
  test('recent tickets: most recently updated first', () => {
    expect(recentTickets(tickets, 2).map((t) => t.name)).toEqual(['Another', 'Zeta']);
  });

  test('counts by state', () => {
    expect(countStates(tickets.filter((t) => t.table === 'change_request'))).toEqual({ '-4': 1, '3': 1, '-5': 1 });
  });

  test('tickets of asked actions only, newest first', () => {
    const found = ticketsForActions(tickets, ['AdminMFAV2', 'OneAdmin']);
    expect(Object.keys(found)).toEqual(['AdminMFAV2']);
    expect(found.AdminMFAV2!.map((t) => t.table)).toEqual(['incident', 'change_request']);
  });

  test('overdue: past due and not done', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(isOverdue(tickets[0]!, now)).toBe(true);
    expect(isOverdue({ ...tickets[0]!, state: '3' }, now)).toBe(false);
    expect(isOverdue(tickets[2]!, now)).toBe(false);
    expect(isOverdue(tickets[4]!, now)).toBe(false);
  });

  test('overdue count: open tickets past due, done and undated ones not', () => {
    const now = Date.parse('2031-01-01T00:00:00Z');
    // Past due: the Assess change and the in-progress incident; the closed change has no date.
    expect(countOverdue(tickets, now)).toBe(2);
    expect(countOverdue(tickets, Date.parse('2025-01-01T00:00:00Z'))).toBe(0);
    expect(countOverdue([{ ...tickets[0]!, state: '4' }], now)).toBe(0);
    expect(countOverdue([], now)).toBe(0);
  });

  test('filters by type, state group, state value and text', () => {
    expect(numbers({ table: 'incident' })).toEqual(['INC0010001', 'INC0010002']);
    expect(numbers({ state: 'open' })).toHaveLength(3);
    expect(numbers({ state: 'done' })).toEqual([tickets[1]!.number, 'INC0010002']);
    expect(numbers({ table: 'change_request', state: '-4' })).toEqual([tickets[0]!.number]);
    expect(numbers({ search: 'BLOCK' })).toEqual([tickets[1]!.number]);
    expect(numbers({ search: 'adminmfa' })).toHaveLength(2);
  });

  test('sorts by each column both ways; tickets without a due date last', () => {
    expect(numbers({ sort: 'name' }).map((nr) => tickets.find((t) => t.number === nr)!.name)).toEqual([
      'Another',
      'block legacy auth',
      'Guest access',
      'Require MFA',
      'Zeta',
    ]);
    expect(numbers({ sort: 'state', table: 'change_request' })).toEqual([
      tickets[4]!.number,
      tickets[0]!.number,
      tickets[1]!.number,
    ]);
    expect(numbers({ sort: 'due', dir: 'desc' }).slice(0, 2)).toEqual(['INC0010001', tickets[0]!.number]);
    expect(numbers({ sort: 'due', dir: 'asc' }).slice(0, 2)).toEqual([tickets[0]!.number, 'INC0010001']);
    expect(numbers({ sort: 'updated', dir: 'desc' })[0]).toBe(tickets[4]!.number);
  });

  test('pages', () => {
    const page = queryTickets(tickets, query({ offset: 2, limit: 2 }));
    expect(page.total).toBe(5);
    expect(page.tickets).toHaveLength(2);
  });
});

test('action ids that are Object.prototype keys are plain keys', () => {
  const ticket = {
    table: 'change_request',
    sysId: 'a'.repeat(32),
    number: 'CHG1',
    name: 'x',
    state: '-5',
    dueDate: '',
    updatedOn: '2026-01-01 00:00:00',
    modCount: 0,
    actionId: 'constructor',
  } as const;
  const found = ticketsForActions([ticket], ['constructor', 'toString']);
  expect(Object.keys(found)).toEqual(['constructor']);
  expect(found.constructor).toEqual([ticket]);
});
