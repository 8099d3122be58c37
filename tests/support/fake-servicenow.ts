import { formatGlideDateTime } from '../../utils/domain/glide-date-time';
import { TICKET_TYPES, type TicketType } from '../../utils/domain/ticket-type';
import type { AggregateOptions, GroupCount, ListOptions, ListResult, PARENT_TABLE, ServiceNowRecord } from '../../utils/servicenow/client';

/** The tables the sync reads. */
type ReadTable = TicketType | typeof PARENT_TABLE;

// An in-memory ServiceNow for sync tests: change_request and incident, and their parent `task`
// (both, with sys_class_name); the encoded queries the sync sends (STARTSWITH, IN, >=,
// ORDERBY/ORDERBYDESC), paging with X-Total-Count, Aggregate counts grouped by any fields, a Date
// header from its own clock, and a log. `refuse.task` makes every request on task throw (an
// instance that refuses the parent table); `hiddenFromTask` hides records from task only (ACLs or
// query rules that filter task rows silently).

export interface FakeCall {
  kind: 'list' | 'stats';
  table: ReadTable;
  query: string;
  fields?: string;
  limit?: number;
  offset?: number;
  groupBy?: string;
}

export function createFakeServiceNow(start = Date.UTC(2026, 10, 23, 10, 0, 0)) {
  let clock = start;
  let seq = 0;
  const tables: Record<TicketType, Map<string, ServiceNowRecord>> = { change_request: new Map(), incident: new Map() };
  const calls: FakeCall[] = [];
  const faults: Error[] = [];
  const refuse: Partial<Record<ReadTable, Error>> = {};
  const hiddenFromTask = new Set<string>();

  const hex = () => (++seq).toString(16).padStart(32, '0');
  const stamp = () => formatGlideDateTime(clock);

  function matches(record: ServiceNowRecord, condition: string): boolean {
    let m = /^(\w+)STARTSWITH(.*)$/.exec(condition);
    if (m) return (record[m[1]!] ?? '').startsWith(m[2]!);
    m = /^(\w+)IN(.*)$/.exec(condition);
    if (m) return m[2]!.split(',').includes(record[m[1]!] ?? '');
    m = /^(\w+)>=(.*)$/.exec(condition);
    if (m) return (record[m[1]!] ?? '') >= m[2]!;
    m = /^(\w+)=(.*)$/.exec(condition);
    if (m) return (record[m[1]!] ?? '') === m[2]!;
    throw new Error(`fake ServiceNow: unsupported condition ${condition}`);
  }

  function rowsOf(table: ReadTable): ServiceNowRecord[] {
    if (table !== 'task') return [...tables[table].values()];
    return TICKET_TYPES.flatMap((t) => [...tables[t].values()]).filter((r) => !hiddenFromTask.has(r.sys_id!));
  }

  function run(table: ReadTable, query = ''): ServiceNowRecord[] {
    const terms = query.split('^').filter(Boolean);
    const order = terms.filter((t) => t.startsWith('ORDERBY')).map((t) =>
      t.startsWith('ORDERBYDESC') ? { field: t.slice(11), desc: true } : { field: t.slice(7), desc: false });
    const conditions = terms.filter((t) => !t.startsWith('ORDERBY'));
    const rows = rowsOf(table).filter((r) => conditions.every((c) => matches(r, c)));
    return rows.sort((a, b) => {
      for (const { field, desc } of order) {
        const x = a[field] ?? '', y = b[field] ?? '';
        if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
      return 0;
    });
  }

  function failure(table: ReadTable): Error | undefined {
    return faults.shift() ?? refuse[table];
  }

  const client = {
    async list(table: ReadTable, o: ListOptions = {}): Promise<ListResult> {
      calls.push({ kind: 'list', table, query: o.query ?? '', fields: o.fields?.join(','), limit: o.limit, offset: o.offset });
      const fault = failure(table);
      if (fault) throw fault;
      const rows = run(table, o.query);
      const offset = o.offset ?? 0;
      const page = rows.slice(offset, offset + (o.limit ?? 10_000)).map((r) =>
        o.fields ? Object.fromEntries(o.fields.map((f) => [f, r[f] ?? ''])) : { ...r });
      return { records: page, total: rows.length, totalKnown: true, serverDate: clock };
    },
    async aggregate(table: ReadTable, o: AggregateOptions): Promise<GroupCount[]> {
      calls.push({ kind: 'stats', table, query: o.query ?? '', groupBy: o.groupBy.join(',') });
      const fault = failure(table);
      if (fault) throw fault;
      const groups = new Map<string, GroupCount>();
      for (const r of run(table, o.query)) {
        const values = o.groupBy.map((f) => r[f] ?? '');
        const key = JSON.stringify(values);
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { values, count: 1 });
      }
      return [...groups.values()];
    },
  };

  return {
    client,
    calls,
    faults,
    /** An error every request on that table throws (e.g. `refuse.task` = a 403 AppError). */
    refuse,
    /** sys_ids that task does not show (its ticket table still does). */
    hiddenFromTask,
    tables,
    /** Moves the instance's clock (and so its time stamps and Date header). */
    tick(ms = 1000) {
      clock += ms;
    },
    now: () => clock,
    create(table: TicketType, fields: Record<string, string> = {}): ServiceNowRecord {
      const n = tables[table].size + 1;
      const record: ServiceNowRecord = {
        sys_id: hex(),
        number: `${table === 'incident' ? 'INC' : 'CHG'}${String(n).padStart(7, '0')}`,
        short_description: `Ticket ${n}`,
        state: table === 'incident' ? '1' : '-5',
        due_date: '',
        correlation_id: `m365ss-Action${n}`,
        sys_updated_on: stamp(),
        sys_mod_count: '0',
        sys_class_name: table,
        ...fields,
      };
      tables[table].set(record.sys_id!, record);
      return record;
    },
    update(table: TicketType, sysId: string, fields: Record<string, string>): void {
      const record = tables[table].get(sysId)!;
      Object.assign(record, fields, { sys_updated_on: stamp(), sys_mod_count: String(Number(record.sys_mod_count) + 1) });
    },
    remove(table: TicketType, sysId: string): void {
      tables[table].delete(sysId);
    },
  };
}

export type FakeServiceNow = ReturnType<typeof createFakeServiceNow>;
