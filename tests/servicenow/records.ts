// Record rules of change_request / incident: input coercion (strings, truncation, defaults,
// computed priority, write-only journals), system fields, the instance's write rules, and the
// three output shapes of sysparm_display_value. Shared by the Table API, the admin interface and
// bulk seeding; rows of the stored tables (groups, CIs, configuration) are made here too.
import { randomBytes } from 'node:crypto';
import { ApiError, rest } from './errors.ts';
import { choiceLabel, referenceDisplay } from './choices.ts';
import { schemaOf } from './dictionary.ts';
import { DEFAULTS, INACTIVE_STATES, SCHEMAS, incidentPriority, type FieldDef, type StoredTable, type TableName, type TableSchema } from './schema.ts';
import { checkWrite } from './write-rules.ts';
import { NUMBER_SEQUENCES, type TaskTable } from './seed.ts';
import type { Row, StandInState, UserRow } from './state.ts';

export function newSysId(): string {
  return randomBytes(16).toString('hex');
}

/** ServiceNow's internal date-time format: UTC `YYYY-MM-DD HH:MM:SS`. */
export function formatGlideDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** Accepts `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`; returns the normalized value or null. */
export function normalizeGlideDateTime(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = formatGlideDateTime(t);
  const normalized = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  return back === normalized ? normalized : null; // rejects 2026-02-30 and 25:00:00
}

/**
 * sys_updated_on keeps ServiceNow's one-second granularity (no hidden sub-second part).
 * It never moves backwards for a record: the new value is max(now, previous). Two changes in
 * the same second therefore share a time stamp, exactly as on a real instance; an incremental
 * sync stays correct when it asks `sys_updated_on>=<last seen value>` (not `>`) and dedupes by
 * sys_id (sys_mod_count tells which copy is newer).
 */
export function nextUpdatedOn(state: StandInState, previous: string | undefined): string {
  const now = formatGlideDateTime(state.now());
  return previous && previous > now ? previous : now;
}

interface CoercedInput {
  values: Record<string, string>;
  journal: { element: string; value: string }[];
}

export interface CoerceOptions {
  /**
   * Admin interface and bulk seeding: may also set read-only system fields (not sys_id), and skip
   * the instance's write rules (references, choices, data policies, business rules) — like a
   * script with setWorkflow(false).
   */
  privileged?: boolean;
}

/** Turns a JSON body into stored string values following the dictionary. */
export function coerceInput(state: StandInState, table: TableName, input: Record<string, unknown>, opts: CoerceOptions = {}): CoercedInput {
  const schema = schemaOf(state, table);
  const out: CoercedInput = { values: {}, journal: [] };
  for (const [field, raw] of Object.entries(input)) {
    if (!Object.hasOwn(schema, field)) continue; // unknown fields (and __proto__) are ignored, as ServiceNow does
    const def: FieldDef = schema[field]!;
    if (field === 'sys_id') continue;
    if (def.readOnly && !opts.privileged) continue;
    let value: string;
    if (raw === null || raw === undefined) value = '';
    else if (typeof raw === 'string') value = raw;
    else if (typeof raw === 'number' || typeof raw === 'boolean') value = String(raw);
    else throw rest.invalidPayload(`Field '${field}' must be a string, number or boolean, not ${Array.isArray(raw) ? 'an array' : 'an object'}`);
    switch (def.type) {
      case 'journal':
        if (value.trim() !== '') out.journal.push({ element: field, value });
        continue;
      case 'integer':
        if (value !== '' && !/^-?\d+$/.test(value)) throw rest.badRequest(`Invalid value '${value}' for integer field '${field}'`, 'Send the choice value (e.g. "-5"), not its label');
        break;
      case 'boolean':
        if (value !== '' && value !== 'true' && value !== 'false') throw rest.badRequest(`Invalid value '${value}' for boolean field '${field}'`);
        break;
      case 'datetime': {
        if (value === '') break;
        const normalized = normalizeGlideDateTime(value);
        if (!normalized) throw rest.badRequest(`Invalid date-time '${value}' for field '${field}'`, "Expected UTC 'YYYY-MM-DD HH:MM:SS'");
        value = normalized;
        break;
      }
      case 'reference':
        if (value !== '' && !def.refKey && !/^[0-9a-f]{32}$/.test(value)) throw rest.badRequest(`Invalid reference '${value}' for field '${field}'`, 'Expected a 32-character sys_id');
        break;
      default:
        break;
    }
    if (def.maxLength !== undefined && value.length > def.maxLength) value = value.slice(0, def.maxLength);
    out.values[field] = value;
  }
  return out;
}

function formatNumber(table: TaskTable, n: number): string {
  const seq = NUMBER_SEQUENCES[table];
  return seq.prefix + String(n).padStart(seq.digits, '0');
}

/** Values derived by business rules: incident priority and the active flag. */
function applyBusinessRules(table: TaskTable, row: Row, explicitPriority: string | undefined): void {
  if (table === 'incident') row.priority = explicitPriority ?? incidentPriority(row.impact ?? '3', row.urgency ?? '3');
  row.active = INACTIVE_STATES[table].includes(row.state ?? '') ? 'false' : 'true';
}

/**
 * Inserts a record as `user`; returns the stored row. Unless privileged, the instance's write
 * rules (write-rules.ts) run on the finished record first and may refuse it (nothing is stored,
 * no number is used).
 */
export function insertRecord(state: StandInState, table: TaskTable, input: Record<string, unknown>, user: UserRow, opts: CoerceOptions = {}): Row {
  const { values, journal } = coerceInput(state, table, input, opts);
  const store = state.tables[table];
  const now = formatGlideDateTime(state.now());
  const row: Row = {};
  for (const field of Object.keys(schemaOf(state, table))) row[field] = '';
  Object.assign(row, DEFAULTS[table]);
  // Incidents ignore a priority sent directly (computed from impact × urgency), except from admin.
  const explicitPriority = table === 'incident' && opts.privileged ? values.priority : undefined;
  Object.assign(row, values);
  Object.assign(row, {
    sys_id: newSysId(),
    number: values.number || '',
    sys_class_name: table,
    opened_by: user.sys_id,
    opened_at: values.opened_at || now,
    sys_created_on: values.sys_created_on || now,
    sys_created_by: user.user_name,
    sys_updated_on: values.sys_updated_on || values.sys_created_on || now,
    sys_updated_by: user.user_name,
    sys_mod_count: '0',
  });
  for (const f of Object.keys(DEFAULTS[table])) if (row[f] === '') row[f] = DEFAULTS[table][f]!;
  applyBusinessRules(table, row, explicitPriority);
  if (!opts.privileged) checkWrite(state, table, row, 'insert', Object.keys(row));
  row.number ||= formatNumber(table, store.next++);
  store.rows.set(row.sys_id!, row);
  store.journal.set(row.sys_id!, journal.map((j) => ({ ...j, sys_created_on: now, sys_created_by: user.user_name })));
  return row;
}

/**
 * Updates a record; returns true when something changed (no change → no new sys_updated_on).
 * Unless privileged, the write rules check the record as it would be after the change.
 */
export function updateRecord(state: StandInState, table: TaskTable, row: Row, input: Record<string, unknown>, user: UserRow, opts: CoerceOptions = {}): boolean {
  const { values, journal } = coerceInput(state, table, input, opts);
  const explicitPriority = table === 'incident' && opts.privileged ? values.priority : undefined;
  const before = JSON.stringify(row);
  const explicitUpdatedOn = values.sys_updated_on;
  delete values.sys_updated_on;
  delete values.sys_mod_count;
  const next: Row = { ...row, ...values };
  applyBusinessRules(table, next, explicitPriority);
  if (!opts.privileged) checkWrite(state, table, next, 'update', Object.keys(values).filter((f) => values[f] !== row[f]));
  Object.assign(row, next);
  const changed = JSON.stringify(row) !== before || journal.length > 0 || explicitUpdatedOn !== undefined;
  if (!changed) return false;
  row.sys_updated_on = explicitUpdatedOn || nextUpdatedOn(state, row.sys_updated_on);
  row.sys_updated_by = user.user_name;
  row.sys_mod_count = String(Number(row.sys_mod_count || '0') + 1);
  const list = state.tables[table].journal.get(row.sys_id!) ?? [];
  const now = formatGlideDateTime(state.now());
  for (const j of journal) list.push({ ...j, sys_created_on: now, sys_created_by: user.user_name });
  state.tables[table].journal.set(row.sys_id!, list);
  return true;
}

/** A row of a stored table (groups, CIs, choices, configuration) as an admin would create it. */
export function insertStoredRow(state: StandInState, table: StoredTable, input: Record<string, unknown>, userName = 'admin'): Row {
  const { values } = coerceInput(state, table, input, { privileged: true });
  const now = formatGlideDateTime(state.now());
  const row: Row = {};
  for (const field of Object.keys(SCHEMAS[table])) row[field] = '';
  Object.assign(row, STORED_DEFAULTS[table] ?? {}, values, {
    sys_id: typeof input.sys_id === 'string' && /^[0-9a-f]{32}$/.test(input.sys_id) ? input.sys_id : newSysId(),
    sys_created_on: values.sys_created_on || now,
    sys_created_by: userName,
    sys_updated_on: values.sys_updated_on || now,
    sys_updated_by: userName,
    sys_mod_count: '0',
  });
  state.store[table].set(row.sys_id!, row);
  return row;
}

export function updateStoredRow(state: StandInState, table: StoredTable, row: Row, input: Record<string, unknown>, userName = 'admin'): Row {
  const { values } = coerceInput(state, table, input, { privileged: true });
  Object.assign(row, values, { sys_updated_on: nextUpdatedOn(state, row.sys_updated_on), sys_updated_by: userName, sys_mod_count: String(Number(row.sys_mod_count || '0') + 1) });
  return row;
}

/** Values a new row of a stored table gets unless given (as the forms of an instance default them). */
const STORED_DEFAULTS: Partial<Record<StoredTable, Row>> = {
  sys_user_group: { active: 'true' },
  cmdb_ci: { sys_class_name: 'cmdb_ci', operational_status: '1' },
  sys_choice: { inactive: 'false', language: 'en', sequence: '0' },
  sys_dictionary: { active: 'true', mandatory: 'false', read_only: 'false', internal_type: 'string' },
  sys_dictionary_override: { mandatory_override: 'true', mandatory: 'true' },
  sys_data_policy2: { active: 'true', inherit: 'false', reverse_if_false: 'true', apply_import_set: 'true', apply_soap: 'true', ui_policy: 'true' },
  sys_data_policy_rule: { mandatory: 'true', disabled: 'ignore' },
  sys_script: { when: 'before', order: '100', active: 'true', action_insert: 'true', action_update: 'false', action_delete: 'false', abort_action: 'true', add_message: 'false' },
};

export type DisplayMode = 'false' | 'true' | 'all';

export interface PresentOptions {
  fields?: string[];
  display: DisplayMode;
  excludeReferenceLink: boolean;
  /** scheme://host used for reference links. */
  origin: string;
  /** Per-request memo (a list shows the same schema and the same few labels many times). */
  memo?: { schema?: TableSchema; display: Map<string, string> };
}

/** Display string of one stored value (labels for choices, names for references). */
export function displayValue(state: StandInState, table: TableName, field: string, def: FieldDef, value: string): string {
  if (value === '') return '';
  if (def.type === 'reference') return referenceDisplay(state, def, value);
  if (!def.choices && !def.choiceList) return value;
  return choiceLabel(state, table, field, value) ?? def.choices?.[value] ?? value;
}

function memoDisplay(opts: PresentOptions, field: string, value: string, compute: () => string): string {
  if (!opts.memo || value === '') return compute();
  const key = `${field}\u0000${value}`;
  let display = opts.memo.display.get(key);
  if (display === undefined) opts.memo.display.set(key, (display = compute()));
  return display;
}

/** Shapes a stored row for the Table API answer. Journal fields always read as "". */
export function presentRecord(state: StandInState, table: TableName, row: Row, opts: PresentOptions): Record<string, unknown> {
  const schema = opts.memo ? (opts.memo.schema ??= schemaOf(state, table)) : schemaOf(state, table);
  const fields = opts.fields ?? Object.keys(schema);
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(schema, field)) continue; // unknown names in sysparm_fields are skipped, as ServiceNow does
    const def = schema[field]!;
    const raw: unknown = def.type === 'journal' ? '' : (row[field] ?? '');
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    const display = def.type === 'journal' || opts.display === 'false' ? '' : memoDisplay(opts, field, value, () => displayValue(state, table, field, def, value));
    if (def.type === 'reference' && value !== '' && !opts.excludeReferenceLink) {
      const link = `${opts.origin}/api/now/table/${def.refTable}/${value}`;
      if (opts.display === 'false') out[field] = { link, value };
      else if (opts.display === 'true') out[field] = { display_value: display, link };
      else out[field] = { display_value: display, link, value };
      continue;
    }
    if (opts.display === 'false') out[field] = value;
    else if (opts.display === 'true') out[field] = display;
    else out[field] = { display_value: display, value };
  }
  return out;
}

/** Rethrows anything that is not an ApiError as a 500 with ServiceNow's shape. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(500, 'Internal server error', e instanceof Error ? e.message : String(e));
}
