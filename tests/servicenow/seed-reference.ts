// Reference data and instance configuration a fresh stand-in starts with: assignment groups,
// configuration items, choice lists and the dictionary. Exported so tests can pick records by
// name without copying sys_ids. sys_ids are derived from names (stable across runs).
import { createHash } from 'node:crypto';
import { CHANGE_STATES, INCIDENT_STATES, SCHEMAS, TABLE_LABELS, TASK_FIELDS, internalType, type StoredTable } from './schema.ts';
import { SEED_TIME } from './seed.ts';
import type { Row } from './state.ts';

/** A stable 32-hex sys_id for seeded configuration. */
export function seedSysId(kind: string, key: string): string {
  return createHash('md5').update(`${kind}:${key}`).digest('hex');
}

function sysFields(sysId: string): Row {
  return { sys_id: sysId, sys_created_on: SEED_TIME, sys_created_by: 'admin', sys_updated_on: SEED_TIME, sys_updated_by: 'admin', sys_mod_count: '0' };
}

export interface SeedGroup {
  name: string;
  description: string;
  active: boolean;
}

/** Assignment groups; one is inactive (retired), so `active=true` matters. */
export const SEED_GROUPS: readonly SeedGroup[] = [
  { name: 'Service Desk', description: 'First line support for all IT requests', active: true },
  { name: 'Security Operations', description: 'Microsoft 365 security: Defender, Secure Score, incident response', active: true },
  { name: 'Identity and Access Management', description: 'Entra ID, MFA, conditional access and privileged roles', active: true },
  { name: 'Network', description: 'Routing, firewalls, VPN and DNS', active: true },
  { name: 'Database', description: 'Database administration', active: true },
  { name: 'Hardware', description: 'Workplace devices and servers', active: true },
  { name: 'Software', description: 'Business applications and licences', active: true },
  { name: 'Change Advisory Board', description: 'Reviews and approves normal changes', active: true },
  { name: 'Messaging (retired)', description: 'On-premises Exchange team, merged into Software', active: false },
];

export interface SeedCi {
  name: string;
  sys_class_name: string;
  short_description: string;
  operational_status: string;
}

export const SEED_CIS: readonly SeedCi[] = [
  { name: 'Microsoft 365', sys_class_name: 'cmdb_ci_service', short_description: 'Microsoft 365 tenant', operational_status: '1' },
  { name: 'Microsoft Entra ID', sys_class_name: 'cmdb_ci_service', short_description: 'Identity provider', operational_status: '1' },
  { name: 'Exchange Online', sys_class_name: 'cmdb_ci_service', short_description: 'Mail and calendars', operational_status: '1' },
  { name: 'SharePoint Online', sys_class_name: 'cmdb_ci_service', short_description: 'Sites and files', operational_status: '1' },
  { name: 'Microsoft Defender for Endpoint', sys_class_name: 'cmdb_ci_appl', short_description: 'Endpoint protection', operational_status: '1' },
  { name: 'Microsoft Intune', sys_class_name: 'cmdb_ci_service', short_description: 'Device management', operational_status: '1' },
  { name: 'EXCH-SRV-01', sys_class_name: 'cmdb_ci_win_server', short_description: 'Hybrid Exchange server', operational_status: '1' },
  { name: 'DC-LEGACY-02', sys_class_name: 'cmdb_ci_win_server', short_description: 'Old domain controller', operational_status: '6' },
];

export const groupSysId = (name: string) => seedSysId('sys_user_group', name);
export const ciSysId = (name: string) => seedSysId('cmdb_ci', name);

interface SeedChoice {
  name: string;
  element: string;
  value: string;
  label: string;
  inactive?: boolean;
  language?: string;
}

const fromMap = (name: string, element: string, map: Readonly<Record<string, string>>): SeedChoice[] => Object.entries(map).map(([value, label]) => ({ name, element, value, label }));

/**
 * Choice lists as on a base instance, in English, with German translations of the incident
 * categories (so a query must ask language=en) and one choice this instance's admin retired.
 */
export const SEED_CHOICES: readonly SeedChoice[] = [
  ...fromMap('change_request', 'state', CHANGE_STATES),
  ...fromMap('incident', 'state', INCIDENT_STATES),
  ...fromMap('task', 'priority', { '1': '1 - Critical', '2': '2 - High', '3': '3 - Moderate', '4': '4 - Low', '5': '5 - Planning' }),
  ...fromMap('task', 'impact', { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' }),
  ...fromMap('task', 'urgency', { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' }),
  ...fromMap('change_request', 'type', { standard: 'Standard', normal: 'Normal', emergency: 'Emergency' }),
  ...fromMap('change_request', 'category', { hardware: 'Hardware', software: 'Software', service: 'Service', system_software: 'System Software', applications_software: 'Applications Software', network: 'Network', documentation: 'Documentation', other: 'Other' }),
  { name: 'change_request', element: 'category', value: 'telecom', label: 'Telecom', inactive: true },
  ...fromMap('incident', 'category', { inquiry: 'Inquiry / Help', software: 'Software', hardware: 'Hardware', network: 'Network', database: 'Database' }),
  ...Object.entries({ inquiry: 'Anfrage / Hilfe', software: 'Software', hardware: 'Hardware', network: 'Netzwerk', database: 'Datenbank' }).map(([value, label]) => ({ name: 'incident', element: 'category', value, label, language: 'de' })),
];

/** Tables whose fields the dictionary lists (their own fields; children inherit task's). */
const DICTIONARY_TABLES = ['task', 'change_request', 'incident', 'sys_user', 'sys_user_group', 'cmdb_ci'] as const;

export function dictionaryRow(table: string, element: string, fields: Partial<Row>): Row {
  return {
    ...sysFields(seedSysId('sys_dictionary', `${table}.${element}`)),
    name: table,
    element,
    column_label: '',
    internal_type: 'string',
    reference: '',
    max_length: '',
    mandatory: 'false',
    read_only: 'false',
    active: 'true',
    default_value: '',
    ...fields,
  };
}

function dictionaryRows(): Row[] {
  const rows: Row[] = [];
  for (const table of DICTIONARY_TABLES) {
    rows.push(dictionaryRow(table, '', { column_label: TABLE_LABELS[table] ?? table, internal_type: 'collection' }));
    for (const [element, def] of Object.entries(SCHEMAS[table])) {
      const child = table === 'change_request' || table === 'incident';
      if (child && TASK_FIELDS.has(element)) continue; // defined on task
      rows.push(
        dictionaryRow(table, element, {
          column_label: def.label ?? element,
          internal_type: internalType(def),
          reference: def.refTable ?? '',
          max_length: def.maxLength === undefined ? '' : String(def.maxLength),
          read_only: def.readOnly ? 'true' : 'false',
        }),
      );
    }
  }
  return rows;
}

/** The rows every stored table starts with. */
export function seedStoredTables(): Record<StoredTable, Row[]> {
  const sequence = new Map<string, number>();
  return {
    sys_user_group: SEED_GROUPS.map((g) => ({ ...sysFields(groupSysId(g.name)), name: g.name, description: g.description, active: String(g.active), email: '', manager: '', type: '' })),
    cmdb_ci: SEED_CIS.map((c) => ({ ...sysFields(ciSysId(c.name)), ...c })),
    sys_choice: SEED_CHOICES.map((c) => {
      const key = `${c.name}.${c.element}.${c.language ?? 'en'}`;
      const n = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, n);
      return { ...sysFields(seedSysId('sys_choice', `${key}.${c.value}`)), name: c.name, element: c.element, value: c.value, label: c.label, sequence: String(n * 10), inactive: String(c.inactive ?? false), language: c.language ?? 'en', dependent_value: '' };
    }),
    sys_dictionary: dictionaryRows(),
    sys_dictionary_override: [],
    sys_data_policy2: [],
    sys_data_policy_rule: [],
    sys_script: [],
  };
}
