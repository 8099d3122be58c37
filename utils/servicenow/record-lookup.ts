import { AppError } from '../errors';
import { t } from '../i18n';
import type { ServiceNowClient } from './client';
import { condition, encodedQuery } from './encoded-query';

// Type-ahead over the records a ticket refers to (assignment groups, configuration items) and the
// choice lists (category, change type), read by the worker for the options page and the form (F7).

export type LookupTable = 'sys_user_group' | 'cmdb_ci';
export const LOOKUP_TABLES: readonly LookupTable[] = ['sys_user_group', 'cmdb_ci'];

export interface LookupRecord {
  sysId: string;
  name: string;
  description: string;
}

export interface Choice {
  value: string;
  label: string;
}

/** User-typed search text: short, and never an encoded-query separator. */
export function checkSearchText(text: string): string {
  if (text.includes('^')) throw new AppError('invalid_input', t('fieldSearchCaret'));
  return text.trim().slice(0, 80);
}

export async function searchRecords(
  client: ServiceNowClient,
  table: LookupTable,
  text: string,
): Promise<LookupRecord[]> {
  const search = checkSearchText(text);
  const { records } = await client.list(table, {
    query: encodedQuery(
      search ? condition.contains('name', search) : undefined,
      table === 'sys_user_group' ? condition.equals('active', 'true') : undefined,
      condition.orderBy('name'),
    ),
    fields: ['sys_id', 'name', table === 'sys_user_group' ? 'description' : 'short_description'],
    limit: 20,
  });
  return records
    .filter((r) => r.sys_id)
    .map((r) => ({ sysId: r.sys_id!, name: r.name ?? '', description: r.description ?? r.short_description ?? '' }));
}

/** Whether a stored default still exists (a deleted group is reported when defaults are saved). */
export async function recordExists(client: ServiceNowClient, table: LookupTable, sysId: string): Promise<boolean> {
  const { records } = await client.list(table, {
    query: condition.equals('sys_id', sysId),
    fields: ['sys_id'],
    limit: 1,
  });
  return records.length > 0;
}

/** ServiceNow's language code for the UI language ("zh-CN" is "zh" there). */
function choiceLanguage(): string {
  return t('langTag').toLowerCase().split('-')[0]!;
}

/**
 * The instance's choices of a ticket field (sys_choice), e.g. category or change type. A choice
 * list holds one row per value and language: the label in the UI language, else English.
 */
export async function listChoices(client: ServiceNowClient, table: string, element: string): Promise<Choice[]> {
  const wanted = choiceLanguage();
  const { records } = await client.list('sys_choice', {
    query: encodedQuery(
      condition.in('name', [table, 'task']),
      condition.equals('element', element),
      condition.equals('inactive', 'false'),
      condition.in('language', [...new Set([wanted, 'en'])]),
      condition.orderBy('sequence'),
    ),
    fields: ['value', 'label', 'language'],
    limit: 200,
  });
  const byValue = new Map<string, Choice>();
  for (const r of records) {
    if (!r.value || (byValue.has(r.value) && r.language !== wanted)) continue;
    byValue.set(r.value, { value: r.value, label: r.label || r.value });
  }
  return [...byValue.values()];
}
