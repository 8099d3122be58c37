import type { InstanceField } from '@/utils/domain/instance-fields';
import type { TicketType } from '@/utils/domain/ticket-type';
import { t, type MessageKey } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { LookupTable } from '@/utils/servicenow/record-lookup';
import type { TypeAheadOption } from '../TypeAhead';

// How the pages fill the instance's fields (F7): references by type-ahead through the worker,
// choices from the instance's choice list. The worker holds the token; pages only ask.

export const REFERENCE_TABLES: Partial<Record<InstanceField, LookupTable>> = {
  assignment_group: 'sys_user_group',
  cmdb_ci: 'cmdb_ci',
};

/** The field's label in forms ("Assignment group"); the checklist uses the lower-case names. */
export const FIELD_LABELS: Record<InstanceField, MessageKey> = {
  assignment_group: 'labelAssignmentGroup',
  category: 'labelInstanceCategory',
  cmdb_ci: 'labelConfigurationItem',
  type: 'labelChangeType',
};

export const fieldLabel = (field: InstanceField) => t(FIELD_LABELS[field]);

export async function searchReference(table: LookupTable, text: string): Promise<TypeAheadOption[]> {
  const records = await send('searchRecords', { table, text: text.replaceAll('^', '') });
  return records.map((r) => ({ value: r.sysId, label: r.name || r.sysId, description: r.description }));
}

export async function choicesOf(type: TicketType, field: 'category' | 'type'): Promise<TypeAheadOption[]> {
  const choices = await send('listChoices', { type, field });
  return choices.map((c) => ({ value: c.value, label: c.label }));
}
