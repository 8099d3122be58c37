// Choice lists (sys_choice) and reference display values: what a field's value reads as, and
// which values a choice field accepts. A child table's own choices win over task's.
import { TABLE_LABELS, type FieldDef } from './schema.ts';
import type { Row, StandInState } from './state.ts';

/** Labels of sys_glide_object (field types), the display values of sys_dictionary.internal_type. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  string: 'String', integer: 'Integer', boolean: 'True/False', reference: 'Reference', glide_date_time: 'Date/Time', journal_input: 'Journal Input',
  GUID: 'Sys ID (GUID)', collection: 'Collection', sys_class_name: 'System Class Name', table_name: 'Table Name', field_name: 'Field Name',
};

/** The choices of `element` on `table` in `language` (inactive ones too), by sequence. */
export function choiceRows(state: StandInState, table: string, element: string, language = 'en'): Row[] {
  const of = (name: string) => [...state.store.sys_choice.values()].filter((c) => c.name === name && c.element === element && (c.language || 'en') === language);
  let rows = of(table);
  if (rows.length === 0 && (table === 'change_request' || table === 'incident')) rows = of('task');
  return rows.sort((a, b) => Number(a.sequence || 0) - Number(b.sequence || 0));
}

export function choiceLabel(state: StandInState, table: string, element: string, value: string): string | undefined {
  return choiceRows(state, table, element).find((c) => c.value === value)?.label;
}

/** Values a choice-list field accepts: the active English choices. */
export function activeChoiceValues(state: StandInState, table: string, element: string): string[] {
  return choiceRows(state, table, element).filter((c) => c.inactive !== 'true').map((c) => c.value!);
}

/** The referenced row, when the target is a table the stand-in stores (users, groups, CIs, policies). */
export function referencedRow(state: StandInState, refTable: string | undefined, value: string): Row | { name: string } | undefined {
  switch (refTable) {
    case 'sys_user':
      return state.users.get(value);
    case 'sys_user_group':
    case 'cmdb_ci':
    case 'sys_data_policy2':
      return state.store[refTable].get(value);
    default:
      return undefined;
  }
}

/** Display value of a reference: the target's display field, or "" when the target is gone. */
export function referenceDisplay(state: StandInState, def: FieldDef, value: string): string {
  if (def.refTable === 'sys_db_object') return TABLE_LABELS[value] ?? value;
  if (def.refTable === 'sys_glide_object') return TYPE_LABELS[value] ?? value;
  const row = referencedRow(state, def.refTable, value) as Record<string, string> | undefined;
  if (!row) return ''; // unresolvable reference: empty, like on an instance
  return def.refTable === 'sys_data_policy2' ? (row.short_description ?? '') : (row.name ?? '');
}
