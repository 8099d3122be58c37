// Encoded query (sysparm_query) parser and evaluator.
//
// Stricter than a real instance on purpose: ServiceNow silently ignores conditions on unknown
// fields (returning MORE rows than asked for), and accepts odd values; here an unknown field,
// an unknown operator, a non-numeric value for a number field, a malformed date, or a `javascript:`
// value other than gs.getUserName()/gs.getUserID() is a 400. A product that passes against the
// stand-in therefore never relies on conditions a real instance would drop.
//
// Grammar: conditions joined by `^` (AND) or `^OR` (OR with the previous condition; OR binds
// tighter than AND, as in ServiceNow: `a^b^ORc` = a AND (b OR c)); `^NQ` starts a new query
// whose rows are added; `ORDERBYfield` / `ORDERBYDESCfield` terms sort; a trailing `^EQ` is
// ignored. `^` cannot be escaped inside a value.
import type { FieldDef, TableSchema } from './schema.ts';
import { normalizeGlideDateTime } from './records.ts';
import type { Row } from './state.ts';

export class QueryError extends Error {}

export type Operator =
  | '=' | '!=' | '>' | '>=' | '<' | '<='
  | 'IN' | 'NOT IN' | 'STARTSWITH' | 'ENDSWITH' | 'LIKE' | 'NOT LIKE' | 'ISEMPTY' | 'ISNOTEMPTY';

// Longest first so that e.g. ISNOTEMPTY is not read as IS + NOTEMPTY.
const OPERATORS: readonly Operator[] = ['ISNOTEMPTY', 'STARTSWITH', 'ENDSWITH', 'NOT LIKE', 'NOT IN', 'ISEMPTY', 'LIKE', 'IN', '!=', '>=', '<=', '=', '>', '<'];
const NO_VALUE: readonly Operator[] = ['ISEMPTY', 'ISNOTEMPTY'];
const COMPARISON: readonly Operator[] = ['>', '>=', '<', '<='];

export interface Condition {
  field: string;
  op: Operator;
  /** Single value, or the list for IN / NOT IN. */
  value: string;
  values: string[];
  type: FieldDef['type'];
}

export interface OrderBy {
  field: string;
  desc: boolean;
}

export interface ParsedQuery {
  /** ^NQ groups → AND terms → OR alternatives. */
  groups: Condition[][][];
  orderBy: OrderBy[];
}

export interface QueryContext {
  userName: string;
  userSysId: string;
}

const FIELD = /^[a-z_][a-z0-9_]*/;

export function parseEncodedQuery(query: string, schema: TableSchema, ctx: QueryContext): ParsedQuery {
  const parsed: ParsedQuery = { groups: [], orderBy: [] };
  for (const groupText of query.split('^NQ')) {
    const group: Condition[][] = [];
    for (const term of groupText.split('^')) {
      if (term === '' || term === 'EQ') continue;
      if (term.startsWith('ORDERBYDESC')) {
        parsed.orderBy.push({ field: checkField(term.slice(11), schema), desc: true });
      } else if (term.startsWith('ORDERBY')) {
        parsed.orderBy.push({ field: checkField(term.slice(7), schema), desc: false });
      } else if (term.startsWith('OR')) {
        const last = group[group.length - 1];
        if (!last) throw new QueryError(`'^OR' without a preceding condition: '${term}'`);
        last.push(parseCondition(term.slice(2), schema, ctx));
      } else {
        group.push([parseCondition(term, schema, ctx)]);
      }
    }
    if (group.length > 0) parsed.groups.push(group);
  }
  return parsed;
}

function checkField(field: string, schema: TableSchema): string {
  if (!schema[field]) throw new QueryError(`Unknown field '${field}'`);
  return field;
}

function parseCondition(term: string, schema: TableSchema, ctx: QueryContext): Condition {
  const m = FIELD.exec(term);
  if (!m) throw new QueryError(`Cannot read a field name in '${term}'`);
  const field = m[0];
  const rest = term.slice(field.length);
  if (rest.startsWith('.')) throw new QueryError(`Dot-walked field '${field}${rest.split(/[^a-z0-9_.]/)[0]}' is not supported by the stand-in`);
  const def = schema[field];
  if (!def) throw new QueryError(`Unknown field '${field}'`);
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) throw new QueryError(`Unknown operator in '${term}'`);
  if (def.type === 'journal') throw new QueryError(`Journal field '${field}' cannot be queried`);
  let value = rest.slice(op.length);
  if (NO_VALUE.includes(op)) {
    if (value !== '') throw new QueryError(`Operator ${op} takes no value: '${term}'`);
  } else {
    value = resolveJavascript(value, ctx);
  }
  const values = op === 'IN' || op === 'NOT IN' ? value.split(',') : [value];
  if (COMPARISON.includes(op)) {
    if (def.type !== 'datetime' && def.type !== 'integer') throw new QueryError(`Operator ${op} is not supported on field '${field}' (${def.type})`);
  }
  // Typed fields must get values of their type (a label like "Assess" instead of "-4" is a bug).
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (op === 'STARTSWITH' || op === 'ENDSWITH' || op === 'LIKE' || op === 'NOT LIKE' || v === '') continue;
    if (def.type === 'integer' && !/^-?\d+$/.test(v)) throw new QueryError(`Value '${v}' of field '${field}' is not a number`);
    if (def.type === 'datetime') {
      const n = normalizeGlideDateTime(v);
      if (!n) throw new QueryError(`Value '${v}' of field '${field}' is not a UTC date-time 'YYYY-MM-DD HH:MM:SS'`);
      values[i] = n;
    }
    if (def.type === 'boolean' && v !== 'true' && v !== 'false') throw new QueryError(`Value '${v}' of field '${field}' is not true or false`);
  }
  return { field, op, value: values[0]!, values, type: def.type };
}

function resolveJavascript(value: string, ctx: QueryContext): string {
  if (!value.startsWith('javascript:')) return value;
  const expr = value.slice('javascript:'.length).trim().replace(/;$/, '');
  if (expr === 'gs.getUserName()') return ctx.userName;
  if (expr === 'gs.getUserID()') return ctx.userSysId;
  throw new QueryError(`The stand-in does not evaluate '${value}' (only gs.getUserName() and gs.getUserID())`);
}

function compareValues(a: string, b: string, type: FieldDef['type']): number {
  if (type === 'integer' && a !== '' && b !== '') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function test(row: Row, c: Condition): boolean {
  const v = row[c.field] ?? '';
  const lv = v.toLowerCase();
  const lc = c.value.toLowerCase();
  switch (c.op) {
    case '=': return c.type === 'integer' && v !== '' && c.value !== '' ? Number(v) === Number(c.value) : v === c.value;
    case '!=': return !(c.type === 'integer' && v !== '' && c.value !== '' ? Number(v) === Number(c.value) : v === c.value);
    case 'IN': return c.values.some((x) => compareValues(v, x, c.type) === 0 && (v === '') === (x === ''));
    case 'NOT IN': return !c.values.some((x) => compareValues(v, x, c.type) === 0 && (v === '') === (x === ''));
    case 'STARTSWITH': return lv.startsWith(lc);
    case 'ENDSWITH': return lv.endsWith(lc);
    case 'LIKE': return lv.includes(lc);
    case 'NOT LIKE': return !lv.includes(lc);
    case 'ISEMPTY': return v === '';
    case 'ISNOTEMPTY': return v !== '';
    case '>': return v !== '' && compareValues(v, c.value, c.type) > 0;
    case '>=': return v !== '' && compareValues(v, c.value, c.type) >= 0;
    case '<': return v !== '' && compareValues(v, c.value, c.type) < 0;
    case '<=': return v !== '' && compareValues(v, c.value, c.type) <= 0;
  }
}

export function matches(row: Row, q: ParsedQuery): boolean {
  if (q.groups.length === 0) return true;
  return q.groups.some((group) => group.every((alternatives) => alternatives.some((c) => test(row, c))));
}

/** Filters and sorts (stable: ties keep insertion order). */
export function runQuery(rows: Iterable<Row>, q: ParsedQuery, schema: TableSchema): Row[] {
  const out: Row[] = [];
  for (const r of rows) if (matches(r, q)) out.push(r);
  if (q.orderBy.length > 0) {
    out.sort((a, b) => {
      for (const o of q.orderBy) {
        const d = compareValues(a[o.field] ?? '', b[o.field] ?? '', schema[o.field]!.type);
        if (d !== 0) return o.desc ? -d : d;
      }
      return 0;
    });
  }
  return out;
}
