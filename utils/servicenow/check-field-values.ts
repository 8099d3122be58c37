import type { InstanceField, InstanceFieldValues } from '../domain/instance-fields';
import type { TicketType } from '../domain/ticket-type';
import { t } from '../i18n';
import type { ServiceNowClient } from './client';
import { listChoices, recordExists, type LookupTable } from './record-lookup';

// Defaults are checked against the instance when they are saved (F7): a group deleted (or hidden
// from the integration user) since it was picked, or a retired choice, is reported on its field
// instead of refusing every ticket later.

export type FieldProblems = Partial<Record<InstanceField, string>>;

const REFERENCES: Partial<Record<InstanceField, LookupTable>> = {
  assignment_group: 'sys_user_group',
  cmdb_ci: 'cmdb_ci',
};

export async function checkFieldValues(
  client: ServiceNowClient,
  type: TicketType,
  values: InstanceFieldValues,
): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  for (const [field, value] of Object.entries(values) as [InstanceField, string | undefined][]) {
    if (!value || (field === 'type' && type !== 'change_request')) continue;
    const table = REFERENCES[field];
    if (table) {
      if (!(await recordExists(client, table, value))) problems[field] = t('defaultGroupGone', t(`field_${field}`));
    } else {
      const choices = await listChoices(client, type, field);
      if (!choices.some((c) => c.value === value)) problems[field] = t('defaultChoiceGone', t(`field_${field}`));
    }
  }
  return problems;
}
