import { STATES } from '../domain/states';
import type { Ticket } from '../domain/ticket';
import { countStates } from '../domain/ticket-queries';
import type { TicketType } from '../domain/ticket-type';
import { OUR_TICKETS, type SourceReader } from './source';

// Counts by ticket type and state: from the Aggregate API, and derived from the cache to check it.

export type Counts = Record<string, number>;
export type CountsByType = Record<TicketType, Counts>;

/** Counts by type and state: one Aggregate call on the source, or one per ticket table (task check). */
export async function fetchCounts(reader: SourceReader, fromTicketTables: boolean): Promise<CountsByType> {
  const { source } = reader;
  const counts = emptyCounts(source.types);
  if (fromTicketTables) {
    for (const type of source.types) {
      for (const { values, count } of await reader.aggregate(type, { groupBy: ['state'], query: OUR_TICKETS })) {
        add(counts[type], type, values[0] ?? '', count);
      }
    }
    return counts;
  }
  for (const { values, count } of await reader.aggregate(source.table, {
    groupBy: source.groupBy,
    query: source.ours,
  })) {
    const type = source.types.length === 1 ? source.types[0] : source.types.find((t) => t === values[0]);
    if (type) add(counts[type], type, values[values.length - 1] ?? '', count);
  }
  return counts;
}

export function emptyCounts(types: readonly TicketType[]): CountsByType {
  // Prototype-free: a hostile answer's "__proto__" or "constructor" can never reach Object.prototype.
  const counts = Object.create(null) as CountsByType;
  for (const type of types) counts[type] = Object.create(null) as Counts;
  return counts;
}

const KNOWN_STATES = Object.fromEntries(
  Object.entries(STATES).map(([type, states]) => [type, new Set(states.map((s) => s.value))]),
) as Record<TicketType, Set<string>>;

/** Only the table's own ServiceNow state values count; anything else in the answer is dropped. */
function add(counts: Counts, type: TicketType, state: string, count: number): void {
  if (!KNOWN_STATES[type].has(state)) return;
  if (Number.isSafeInteger(count) && count > 0) counts[state] = (counts[state] ?? 0) + count;
}

export function derivedCounts(types: readonly TicketType[], tickets: Map<string, Ticket>): CountsByType {
  const all = [...tickets.values()];
  return Object.fromEntries(types.map((t) => [t, countStates(all.filter((x) => x.table === t))])) as CountsByType;
}

export function totalOf(counts: CountsByType): number {
  let total = 0;
  for (const byState of Object.values(counts)) for (const n of Object.values(byState)) total += n;
  return total;
}

export function sameAll(a: CountsByType, b: CountsByType): boolean {
  return (Object.keys(a) as TicketType[]).every((t) => sameCounts(a[t], b[t] ?? {}));
}

export function sameCounts(a: Counts, b: Counts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
  return true;
}
