// The dictionary at run time: the built-in schema plus custom fields (u_…) an admin added through
// /__admin/dictionary, and the labels refusals name fields by. Custom fields live as sys_dictionary
// rows, like on an instance; change_request and incident inherit the ones defined on task.
import { SCHEMAS, TASK_FIELDS, type FieldDef, type TableName, type TableSchema } from './schema.ts';
import { dictionaryRow } from './seed-reference.ts';
import type { Row, StandInState } from './state.ts';

/** Tables that may get custom fields (the ticket tables and their parent). */
export const CUSTOMIZABLE_TABLES = ['task', 'change_request', 'incident'] as const;
const CUSTOM_TYPES: Readonly<Record<string, FieldDef['type']>> = { string: 'string', integer: 'integer', boolean: 'boolean', glide_date_time: 'datetime' };

function parentsOf(table: TableName): string[] {
  return table === 'change_request' || table === 'incident' ? ['task', table] : [table];
}

function customDef(row: Row): FieldDef {
  const max = Number(row.max_length);
  return { type: CUSTOM_TYPES[row.internal_type ?? ''] ?? 'string', label: row.column_label || row.element, ...(max > 0 ? { maxLength: max } : {}) };
}

/** The fields of `table` now: built-in ones plus active custom fields of the table and its parents. */
export function schemaOf(state: StandInState, table: TableName): TableSchema {
  if (!(CUSTOMIZABLE_TABLES as readonly string[]).includes(table)) return SCHEMAS[table];
  const names = parentsOf(table);
  const custom: Record<string, FieldDef> = {};
  for (const row of state.store.sys_dictionary.values()) {
    if (row.element?.startsWith('u_') && row.active !== 'false' && names.includes(row.name ?? '')) custom[row.element] = customDef(row);
  }
  return Object.keys(custom).length === 0 ? SCHEMAS[table] : { ...SCHEMAS[table], ...custom };
}

/** The dictionary entry of a field of `table` (found on the table itself or on task). */
export function dictionaryEntry(state: StandInState, table: string, element: string): Row | undefined {
  const owners = (table === 'change_request' || table === 'incident') && TASK_FIELDS.has(element) ? ['task'] : table === 'change_request' || table === 'incident' ? [table, 'task'] : [table];
  for (const owner of owners) {
    for (const row of state.store.sys_dictionary.values()) if (row.name === owner && row.element === element) return row;
  }
  return undefined;
}

/** column_label of a field, as refusals and forms show it. */
export function fieldLabel(state: StandInState, table: TableName, element: string): string {
  return dictionaryEntry(state, table, element)?.column_label || schemaOf(state, table)[element]?.label || element;
}

export interface CustomFieldInput {
  table: string;
  element: string;
  column_label?: string;
  internal_type?: string;
  max_length?: number;
}

/** Adds a custom field (an admin's "New field" on the table's form). */
export function addCustomField(state: StandInState, input: CustomFieldInput): Row {
  if (!(CUSTOMIZABLE_TABLES as readonly string[]).includes(input.table)) throw new Error(`custom fields go on ${CUSTOMIZABLE_TABLES.join(', ')}`);
  if (!/^u_[a-z0-9_]{1,78}$/.test(String(input.element))) throw new Error('a custom field name starts with u_ (lower case letters, digits, _)');
  const type = input.internal_type ?? 'string';
  if (!CUSTOM_TYPES[type]) throw new Error(`internal_type must be one of ${Object.keys(CUSTOM_TYPES).join(', ')}`);
  if (dictionaryEntry(state, input.table, input.element) || schemaOf(state, input.table as TableName)[input.element]) throw new Error(`${input.table}.${input.element} exists`);
  const row = dictionaryRow(input.table, input.element, {
    column_label: input.column_label ?? input.element,
    internal_type: type,
    max_length: type === 'string' ? String(input.max_length ?? 40) : '',
    sys_created_on: state.nowGlide(),
    sys_updated_on: state.nowGlide(),
  });
  state.store.sys_dictionary.set(row.sys_id!, row);
  return row;
}
