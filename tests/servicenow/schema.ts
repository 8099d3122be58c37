// Field dictionary of the tables the stand-in serves. Types drive input coercion, query
// operators, display values and reference links, the way sys_dictionary does on an instance.

export type FieldType = 'sys_id' | 'string' | 'integer' | 'datetime' | 'reference' | 'journal' | 'boolean';

export interface FieldDef {
  type: FieldType;
  /** column_label in the dictionary (and in data-policy refusals). */
  label?: string;
  /** Strings longer than this are cut silently, as ServiceNow does. */
  maxLength?: number;
  /** value → display label for choice fields. */
  choices?: Readonly<Record<string, string>>;
  /** Set by the system; ignored on insert/update through the Table API. */
  readOnly?: boolean;
  /** Target table of a reference field. */
  refTable?: string;
  /** The target's key when it is not a sys_id (sys_dictionary.reference holds a table name). */
  refKey?: 'name';
  /** String field whose values come from sys_choice (validated against the active choices). */
  choiceList?: boolean;
  /** sys_dictionary.internal_type when it is not the one of `type`. */
  internalType?: string;
}

export type TableSchema = Readonly<Record<string, FieldDef>>;

/**
 * Tables whose rows the stand-in stores as they are (reference data and instance configuration):
 * readable through the Table API (subject to ACLs, see acl.ts), written through /__admin/.
 */
export const STORED_TABLES = ['sys_user_group', 'cmdb_ci', 'sys_choice', 'sys_dictionary', 'sys_dictionary_override', 'sys_data_policy2', 'sys_data_policy_rule', 'sys_script'] as const;
export type StoredTable = (typeof STORED_TABLES)[number];

/** `task` is the parent of change_request and incident: read-only here, see SCHEMAS.task. */
export const TABLE_NAMES = ['change_request', 'incident', 'sys_user', 'task', ...STORED_TABLES] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export function isStoredTable(name: string): name is StoredTable {
  return (STORED_TABLES as readonly string[]).includes(name);
}

/** Labels of the tables (sys_db_object), used in the dictionary and in display values. */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  task: 'Task',
  change_request: 'Change Request',
  incident: 'Incident',
  sys_user: 'User',
  sys_user_group: 'Group',
  cmdb_ci: 'Configuration Item',
  sys_choice: 'Choices',
  sys_dictionary: 'Dictionary Entry',
  sys_dictionary_override: 'Dictionary Entry Override',
  sys_data_policy2: 'Data Policy',
  sys_data_policy_rule: 'Data Policy Rule',
  sys_script: 'Business Rule',
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

const PRIORITY = { '1': '1 - Critical', '2': '2 - High', '3': '3 - Moderate', '4': '4 - Low', '5': '5 - Planning' };
const IMPACT_URGENCY = { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' };

export const CHANGE_STATES: Readonly<Record<string, string>> = {
  '-5': 'New', '-4': 'Assess', '-3': 'Authorize', '-2': 'Scheduled', '-1': 'Implement', '0': 'Review', '3': 'Closed', '4': 'Canceled',
};
export const INCIDENT_STATES: Readonly<Record<string, string>> = {
  '1': 'New', '2': 'In Progress', '3': 'On Hold', '6': 'Resolved', '7': 'Closed', '8': 'Canceled',
};
/** States after which the task is no longer active (business rules on a real instance). */
export const INACTIVE_STATES: Readonly<Record<'change_request' | 'incident', readonly string[]>> = {
  change_request: ['3', '4'],
  incident: ['7', '8'],
};

const sys: TableSchema = {
  sys_id: { type: 'sys_id', readOnly: true, label: 'Sys ID' },
  sys_created_on: { type: 'datetime', readOnly: true, label: 'Created' },
  sys_created_by: { type: 'string', readOnly: true, label: 'Created by', maxLength: 40 },
  sys_updated_on: { type: 'datetime', readOnly: true, label: 'Updated' },
  sys_updated_by: { type: 'string', readOnly: true, label: 'Updated by', maxLength: 40 },
  sys_mod_count: { type: 'integer', readOnly: true, label: 'Updates' },
};

// Fields both tables inherit from task (their dictionary entries live on task). description is
// "long text" in the spec but a 4,000 character String on task; the stand-in cuts it there like an
// instance would. `state` is a task field too, but each child has its own choices (below).
const task: TableSchema = {
  number: { type: 'string', readOnly: true, label: 'Number', maxLength: 40 },
  short_description: { type: 'string', maxLength: 160, label: 'Short description' },
  description: { type: 'string', maxLength: 4000, label: 'Description' },
  priority: { type: 'integer', choices: PRIORITY, label: 'Priority' },
  impact: { type: 'integer', choices: IMPACT_URGENCY, label: 'Impact' },
  urgency: { type: 'integer', choices: IMPACT_URGENCY, label: 'Urgency' },
  active: { type: 'boolean', readOnly: true, label: 'Active' },
  due_date: { type: 'datetime', label: 'Due date' },
  opened_at: { type: 'datetime', readOnly: true, label: 'Opened' },
  opened_by: { type: 'reference', refTable: 'sys_user', readOnly: true, label: 'Opened by' },
  assigned_to: { type: 'reference', refTable: 'sys_user', label: 'Assigned to' },
  assignment_group: { type: 'reference', refTable: 'sys_user_group', label: 'Assignment group' },
  cmdb_ci: { type: 'reference', refTable: 'cmdb_ci', label: 'Configuration item' },
  correlation_id: { type: 'string', maxLength: 100, label: 'Correlation ID' },
  correlation_display: { type: 'string', maxLength: 100, label: 'Correlation display' },
  work_notes: { type: 'journal', label: 'Work notes', internalType: 'journal_input' },
  comments: { type: 'journal', label: 'Additional comments', internalType: 'journal_input' },
  sys_class_name: { type: 'string', readOnly: true, label: 'Task type', internalType: 'sys_class_name', maxLength: 80 },
};

/** Fields the change_request and incident dictionaries inherit from task (their entries have name=task). */
export const TASK_FIELDS: ReadonlySet<string> = new Set([...Object.keys(sys), ...Object.keys(task), 'state']);

const STATE_LABEL = 'State';

export const SCHEMAS: Readonly<Record<TableName, TableSchema>> = {
  change_request: {
    ...sys,
    ...task,
    state: { type: 'integer', choices: CHANGE_STATES, label: STATE_LABEL },
    category: { type: 'string', maxLength: 40, choiceList: true, label: 'Category' },
    type: { type: 'string', maxLength: 40, choiceList: true, choices: { normal: 'Normal', standard: 'Standard', emergency: 'Emergency' }, label: 'Type' },
    start_date: { type: 'datetime', label: 'Planned start date' },
    end_date: { type: 'datetime', label: 'Planned end date' },
  },
  incident: {
    ...sys,
    ...task,
    state: { type: 'integer', choices: INCIDENT_STATES, label: STATE_LABEL },
    category: { type: 'string', maxLength: 40, choiceList: true, label: 'Category' },
  },
  // The parent table: every change request and incident is also a task record (same sys_id),
  // with only the task-level fields; sys_class_name tells the child table. On an instance,
  // state on task holds the child's value (e.g. -4 for an assessed change, 2 for an incident in
  // progress); the stand-in has no choice list for it, so its display value is the value.
  task: {
    ...sys,
    ...task,
    state: { type: 'integer', label: STATE_LABEL },
  },
  // password is internal: not in the dictionary, so never returned or queryable. `roles` is the
  // real sys_user field (type user_roles): the user's role names, comma-separated, read only.
  sys_user: {
    roles: { type: 'string', readOnly: true, label: 'Roles', internalType: 'user_roles' },
    ...sys,
    user_name: { type: 'string', maxLength: 100, label: 'User ID' },
    name: { type: 'string', maxLength: 151, label: 'Name' },
    email: { type: 'string', maxLength: 100, label: 'Email' },
    active: { type: 'boolean', label: 'Active' },
    web_service_access_only: { type: 'boolean', label: 'Web service access only' },
    internal_integration_user: { type: 'boolean', label: 'Internal Integration User' },
  },
  // Assignment groups.
  sys_user_group: {
    ...sys,
    name: { type: 'string', maxLength: 80, label: 'Name' },
    description: { type: 'string', maxLength: 1000, label: 'Description' },
    active: { type: 'boolean', label: 'Active' },
    email: { type: 'string', maxLength: 100, label: 'Group email' },
    manager: { type: 'reference', refTable: 'sys_user', label: 'Manager' },
    type: { type: 'string', maxLength: 1024, label: 'Type', internalType: 'glide_list' },
  },
  // Configuration items (the base class of servers, applications, services, …).
  cmdb_ci: {
    ...sys,
    name: { type: 'string', maxLength: 255, label: 'Name' },
    sys_class_name: { type: 'string', maxLength: 80, label: 'Class', internalType: 'sys_class_name' },
    short_description: { type: 'string', maxLength: 1000, label: 'Description' },
    operational_status: { type: 'integer', label: 'Operational status', choices: { '1': 'Operational', '2': 'Non-Operational', '3': 'Repair in Progress', '6': 'Retired' } },
  },
  sys_choice: {
    ...sys,
    name: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    element: { type: 'string', maxLength: 80, label: 'Element', internalType: 'field_name' },
    value: { type: 'string', maxLength: 40, label: 'Value' },
    label: { type: 'string', maxLength: 100, label: 'Label', internalType: 'translated_text' },
    sequence: { type: 'integer', label: 'Sequence' },
    inactive: { type: 'boolean', label: 'Inactive' },
    language: { type: 'string', maxLength: 40, label: 'Language' },
    dependent_value: { type: 'string', maxLength: 100, label: 'Dependent value' },
  },
  // Fields of the tables: one entry per (table, element) where the field is DEFINED — the fields
  // change_request and incident inherit live under name=task, as on an instance.
  sys_dictionary: {
    ...sys,
    name: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    element: { type: 'string', maxLength: 80, label: 'Column name' },
    column_label: { type: 'string', maxLength: 80, label: 'Column label', internalType: 'documentation_field' },
    internal_type: { type: 'reference', refTable: 'sys_glide_object', refKey: 'name', label: 'Type' },
    reference: { type: 'reference', refTable: 'sys_db_object', refKey: 'name', label: 'Reference' },
    max_length: { type: 'integer', label: 'Max length' },
    mandatory: { type: 'boolean', label: 'Mandatory' },
    read_only: { type: 'boolean', label: 'Read only' },
    active: { type: 'boolean', label: 'Active' },
    default_value: { type: 'string', maxLength: 512, label: 'Default value' },
  },
  // Per-child changes of an inherited field (e.g. assignment_group mandatory on change_request only).
  sys_dictionary_override: {
    ...sys,
    name: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    element: { type: 'string', maxLength: 80, label: 'Column name' },
    base_table: { type: 'string', maxLength: 80, label: 'Base table', internalType: 'table_name' },
    mandatory_override: { type: 'boolean', label: 'Override mandatory' },
    mandatory: { type: 'boolean', label: 'Mandatory' },
  },
  sys_data_policy2: {
    ...sys,
    model_table: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    short_description: { type: 'string', maxLength: 160, label: 'Short description' },
    description: { type: 'string', maxLength: 4000, label: 'Description' },
    active: { type: 'boolean', label: 'Active' },
    inherit: { type: 'boolean', label: 'Inherit' },
    reverse_if_false: { type: 'boolean', label: 'Reverse if false' },
    conditions: { type: 'string', maxLength: 4000, label: 'Conditions', internalType: 'conditions' },
    apply_import_set: { type: 'boolean', label: 'Apply to import sets' },
    apply_soap: { type: 'boolean', label: 'Apply to SOAP' },
    ui_policy: { type: 'boolean', label: 'Use as UI Policy on client' },
  },
  sys_data_policy_rule: {
    ...sys,
    sys_data_policy: { type: 'reference', refTable: 'sys_data_policy2', label: 'Data policy' },
    table: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    field: { type: 'string', maxLength: 80, label: 'Field name', internalType: 'field_name' },
    mandatory: { type: 'string', maxLength: 40, label: 'Mandatory', choices: { ignore: 'Leave alone', true: 'True', false: 'False' } },
    disabled: { type: 'string', maxLength: 40, label: 'Read only', choices: { ignore: 'Leave alone', true: 'True', false: 'False' } },
  },
  // Business rules (only the "abort" kind: a before rule that refuses the operation).
  sys_script: {
    ...sys,
    name: { type: 'string', maxLength: 100, label: 'Name' },
    collection: { type: 'string', maxLength: 80, label: 'Table', internalType: 'table_name' },
    when: { type: 'string', maxLength: 40, label: 'When', choices: { before: 'before', after: 'after', async: 'async', display: 'display' } },
    order: { type: 'integer', label: 'Order' },
    active: { type: 'boolean', label: 'Active' },
    action_insert: { type: 'boolean', label: 'Insert' },
    action_update: { type: 'boolean', label: 'Update' },
    action_delete: { type: 'boolean', label: 'Delete' },
    filter_condition: { type: 'string', maxLength: 4000, label: 'Filter Conditions', internalType: 'conditions' },
    abort_action: { type: 'boolean', label: 'Abort action' },
    add_message: { type: 'boolean', label: 'Add message' },
    message: { type: 'string', maxLength: 4000, label: 'Message', internalType: 'translated_html' },
  },
};

/** sys_dictionary.internal_type of a field. */
export function internalType(def: FieldDef): string {
  if (def.internalType) return def.internalType;
  switch (def.type) {
    case 'sys_id': return 'GUID';
    case 'datetime': return 'glide_date_time';
    case 'journal': return 'journal_input';
    default: return def.type;
  }
}

/** Defaults applied on insert (the dictionary defaults of a base instance). */
export const DEFAULTS: Readonly<Record<'change_request' | 'incident', Readonly<Record<string, string>>>> = {
  change_request: { state: '-5', type: 'normal', impact: '3', urgency: '3', priority: '4' },
  incident: { state: '1', impact: '3', urgency: '3', category: 'inquiry' },
};

/** Incident priority lookup (impact, urgency) → priority, per the spec's table. */
export function incidentPriority(impact: string, urgency: string): string {
  const i = Number(impact), u = Number(urgency);
  if (![1, 2, 3].includes(i) || ![1, 2, 3].includes(u)) return '5';
  return String(Math.min(5, i + u - 1));
}
