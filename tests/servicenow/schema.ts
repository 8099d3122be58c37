// Field dictionary of the tables the stand-in serves. Types drive input coercion, query
// operators, display values and reference links, the way sys_dictionary does on an instance.

export type FieldType = 'sys_id' | 'string' | 'integer' | 'datetime' | 'reference' | 'journal' | 'boolean';

export interface FieldDef {
  type: FieldType;
  /** Strings longer than this are cut silently, as ServiceNow does. */
  maxLength?: number;
  /** value → display label for choice fields. */
  choices?: Readonly<Record<string, string>>;
  /** Set by the system; ignored on insert/update through the Table API. */
  readOnly?: boolean;
  /** Target table of a reference field. */
  refTable?: string;
}

export type TableSchema = Readonly<Record<string, FieldDef>>;

/** `task` is the parent of change_request and incident: read-only here, see SCHEMAS.task. */
export const TABLE_NAMES = ['change_request', 'incident', 'sys_user', 'task'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

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
  sys_id: { type: 'sys_id', readOnly: true },
  sys_created_on: { type: 'datetime', readOnly: true },
  sys_created_by: { type: 'string', readOnly: true },
  sys_updated_on: { type: 'datetime', readOnly: true },
  sys_updated_by: { type: 'string', readOnly: true },
  sys_mod_count: { type: 'integer', readOnly: true },
};

// Fields both tables inherit from task (their dictionary entries live on task). description is
// "long text" in the spec but a 4,000 character String on task; the stand-in cuts it there like an
// instance would. `state` is a task field too, but each child has its own choices (below).
const task: TableSchema = {
  number: { type: 'string', readOnly: true },
  short_description: { type: 'string', maxLength: 160 },
  description: { type: 'string', maxLength: 4000 },
  priority: { type: 'integer', choices: PRIORITY },
  impact: { type: 'integer', choices: IMPACT_URGENCY },
  urgency: { type: 'integer', choices: IMPACT_URGENCY },
  active: { type: 'boolean', readOnly: true },
  due_date: { type: 'datetime' },
  opened_at: { type: 'datetime', readOnly: true },
  opened_by: { type: 'reference', refTable: 'sys_user', readOnly: true },
  assigned_to: { type: 'reference', refTable: 'sys_user' },
  assignment_group: { type: 'reference', refTable: 'sys_user_group' },
  correlation_id: { type: 'string', maxLength: 100 },
  correlation_display: { type: 'string', maxLength: 100 },
  work_notes: { type: 'journal' },
  comments: { type: 'journal' },
  sys_class_name: { type: 'string', readOnly: true },
};

export const SCHEMAS: Readonly<Record<TableName, TableSchema>> = {
  change_request: {
    ...sys,
    ...task,
    state: { type: 'integer', choices: CHANGE_STATES },
    category: { type: 'string', maxLength: 40 },
    type: { type: 'string', maxLength: 40, choices: { normal: 'Normal', standard: 'Standard', emergency: 'Emergency' } },
    start_date: { type: 'datetime' },
    end_date: { type: 'datetime' },
  },
  incident: {
    ...sys,
    ...task,
    state: { type: 'integer', choices: INCIDENT_STATES },
    category: { type: 'string', maxLength: 40 },
  },
  // The parent table: every change request and incident is also a task record (same sys_id),
  // with only the task-level fields; sys_class_name tells the child table. On an instance,
  // state on task holds the child's value (e.g. -4 for an assessed change, 2 for an incident in
  // progress); the stand-in has no choice list for it, so its display value is the value.
  task: {
    ...sys,
    ...task,
    state: { type: 'integer' },
  },
  // password is internal: not in the dictionary, so never returned or queryable. `roles` is the
  // real sys_user field (type user_roles): the user's role names, comma-separated, read only.
  sys_user: {
    roles: { type: 'string', readOnly: true },
    ...sys,
    user_name: { type: 'string', maxLength: 100 },
    name: { type: 'string', maxLength: 151 },
    email: { type: 'string', maxLength: 100 },
    active: { type: 'boolean' },
    web_service_access_only: { type: 'boolean' },
    internal_integration_user: { type: 'boolean' },
  },
};

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
