// The instance's own rules for writes, as data: data policies (sys_data_policy2 with
// sys_data_policy_rule rows making fields mandatory) and aborting business rules (sys_script).
// Both are refused with 403 "Operation Failed" and a detail in the exact words of an instance:
//   Data Policy Exception: \n\tThe following fields are mandatory: Assignment group, Category
//   Operation against file 'change_request' was aborted by Business Rule 'X^<sys_id>'. Business Rule Stack:X
import { fieldLabel, schemaOf } from './dictionary.ts';
import { QueryError, matches, parseEncodedQuery } from './encoded-query.ts';
import { ApiError } from './errors.ts';
import { insertStoredRow } from './records.ts';
import { isTableName, type TableName } from './schema.ts';
import type { TaskTable } from './seed.ts';
import type { Row, StandInState } from './state.ts';

export type WriteOperation = 'insert' | 'update' | 'delete';

/** Parses an encoded query on `table` or throws (conditions are checked when a rule is made). */
function condition(state: StandInState, table: string, query: string) {
  if (!isTableName(table)) throw new Error(`unknown table ${table}`);
  try {
    return parseEncodedQuery(query, schemaOf(state, table), { userName: 'admin', userSysId: '' });
  } catch (e) {
    if (e instanceof QueryError) throw new Error(`invalid condition '${query}': ${e.message}`);
    throw e;
  }
}

function applies(state: StandInState, table: TaskTable, ruleTable: string, inherit: boolean): boolean {
  return ruleTable === table || (ruleTable === 'task' && inherit);
}

function conditionHolds(state: StandInState, ruleTable: string, query: string | undefined, row: Row): boolean {
  if (!query) return true;
  return matches(row, condition(state, ruleTable, query));
}

/** Fields active data policies make mandatory for this record (in rule order, no repeats). */
export function policyMandatoryFields(state: StandInState, table: TaskTable, row: Row): string[] {
  const fields: string[] = [];
  for (const policy of state.store.sys_data_policy2.values()) {
    if (policy.active !== 'true' || !applies(state, table, policy.model_table ?? '', policy.inherit === 'true')) continue;
    if (!conditionHolds(state, policy.model_table!, policy.conditions, row)) continue;
    for (const rule of state.store.sys_data_policy_rule.values()) {
      if (rule.sys_data_policy === policy.sys_id && rule.mandatory === 'true' && rule.field && !fields.includes(rule.field)) fields.push(rule.field);
    }
  }
  return fields;
}

/** Throws the data-policy refusal when a mandatory field of the finished record is empty. */
export function enforceDataPolicies(state: StandInState, table: TaskTable, row: Row): void {
  const missing = policyMandatoryFields(state, table, row).filter((f) => (row[f] ?? '').trim() === '');
  if (missing.length === 0) return;
  const labels = missing.map((f) => fieldLabel(state, table, f));
  throw new ApiError(403, 'Operation Failed', `Data Policy Exception: \n\tThe following fields are mandatory: ${labels.join(', ')}`);
}

export function businessRuleRefusal(table: string, name: string, sysId: string, message?: string): ApiError {
  return new ApiError(403, message || 'Operation Failed', `Operation against file '${table}' was aborted by Business Rule '${name}^${sysId}'. Business Rule Stack:${name}`);
}

/** Throws the refusal of the first active aborting business rule for this operation and record. */
export function enforceBusinessRules(state: StandInState, table: TaskTable, row: Row, op: WriteOperation): void {
  const rules = [...state.store.sys_script.values()].sort((a, b) => Number(a.order || 0) - Number(b.order || 0));
  for (const rule of rules) {
    if (rule.active !== 'true' || rule.abort_action !== 'true' || rule.when !== 'before') continue;
    if (!applies(state, table, rule.collection ?? '', true)) continue;
    if (rule[`action_${op}`] !== 'true') continue;
    if (!conditionHolds(state, rule.collection!, rule.filter_condition, row)) continue;
    const message = rule.add_message === 'true' ? (rule.message ?? '').replace(/<[^>]*>/g, '').trim() : undefined;
    throw businessRuleRefusal(table, rule.name ?? '', rule.sys_id!, message);
  }
}

export interface DataPolicyInput {
  /** change_request, incident, or task (then `inherit` makes it apply to both). */
  table: string;
  fields: string[];
  /** Encoded query on the table: the policy applies only to records matching it. */
  conditions?: string;
  short_description?: string;
  inherit?: boolean;
  active?: boolean;
  /** Also mark the fields mandatory in the dictionary (an override on change_request/incident for task fields). */
  inDictionary?: boolean;
}

/** Creates a data policy with one mandatory rule per field, as an admin would. */
export function createDataPolicy(state: StandInState, input: DataPolicyInput): { policy: Row; rules: Row[] } {
  const table = String(input.table ?? '');
  if (!['change_request', 'incident', 'task'].includes(table)) throw new Error('data policy table must be change_request, incident or task');
  if (!Array.isArray(input.fields) || input.fields.length === 0) throw new Error('data policy fields must be a non-empty array');
  const schema = schemaOf(state, table as TableName);
  for (const f of input.fields) if (!Object.hasOwn(schema, String(f)) || schema[String(f)]!.readOnly) throw new Error(`${table} has no writable field ${String(f)}`);
  if (input.conditions) condition(state, table, input.conditions);
  const policy = insertStoredRow(state, 'sys_data_policy2', {
    model_table: table,
    short_description: input.short_description ?? `Mandatory: ${input.fields.join(', ')}`,
    conditions: input.conditions ?? '',
    inherit: String(input.inherit ?? table === 'task'),
    active: String(input.active ?? true),
  });
  const rules = input.fields.map((field) => insertStoredRow(state, 'sys_data_policy_rule', { sys_data_policy: policy.sys_id, table, field: String(field), mandatory: 'true', disabled: 'ignore' }));
  if (input.inDictionary) for (const f of input.fields) setDictionaryMandatory(state, table, String(f), true);
  return { policy, rules };
}

/**
 * Marks a field mandatory (or not) in the dictionary: on its own entry when the field is defined
 * on `table`, else (a task field on change_request/incident) with a sys_dictionary_override.
 * Advisory only, as on an instance: dictionary mandatory is not enforced for web services.
 */
export function setDictionaryMandatory(state: StandInState, table: string, element: string, mandatory: boolean): Row {
  const own = [...state.store.sys_dictionary.values()].find((r) => r.name === table && r.element === element);
  if (own) {
    own.mandatory = String(mandatory);
    return own;
  }
  const base = [...state.store.sys_dictionary.values()].find((r) => r.name === 'task' && r.element === element);
  if (!base || (table !== 'change_request' && table !== 'incident')) throw new Error(`no dictionary entry ${table}.${element}`);
  const existing = [...state.store.sys_dictionary_override.values()].find((r) => r.name === table && r.element === element);
  if (existing) {
    existing.mandatory = String(mandatory);
    existing.mandatory_override = 'true';
    return existing;
  }
  return insertStoredRow(state, 'sys_dictionary_override', { name: table, element, base_table: 'task', mandatory_override: 'true', mandatory: String(mandatory) });
}

export interface BusinessRuleInput {
  table: string;
  name: string;
  /** Which operations it aborts (default ['insert']). */
  operations?: WriteOperation[];
  /** Encoded query: aborts only records matching it (default: all). */
  condition?: string;
  /** gs.addErrorMessage text: becomes error.message (default "Operation Failed"). */
  message?: string;
  active?: boolean;
  order?: number;
}

/** Creates a before business rule that aborts the operation (current.setAbortAction(true)). */
export function createBusinessRule(state: StandInState, input: BusinessRuleInput): Row {
  const table = String(input.table ?? '');
  if (!['change_request', 'incident', 'task'].includes(table)) throw new Error('business rule table must be change_request, incident or task');
  if (!input.name || typeof input.name !== 'string') throw new Error('business rule name is required');
  const ops = input.operations ?? ['insert'];
  if (!Array.isArray(ops) || ops.some((o) => !['insert', 'update', 'delete'].includes(o))) throw new Error('operations: insert, update, delete');
  if (input.condition) condition(state, table, input.condition);
  return insertStoredRow(state, 'sys_script', {
    name: input.name,
    collection: table,
    when: 'before',
    order: input.order ?? 100,
    active: String(input.active ?? true),
    action_insert: String(ops.includes('insert')),
    action_update: String(ops.includes('update')),
    action_delete: String(ops.includes('delete')),
    filter_condition: input.condition ?? '',
    abort_action: 'true',
    add_message: String(input.message !== undefined),
    message: input.message ?? '',
  });
}
