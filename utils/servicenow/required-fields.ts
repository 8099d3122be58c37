import {
  INSTANCE_FIELDS,
  NOTHING_REQUIRED,
  addRequired,
  isInstanceField,
  type InstanceField,
  type RequiredFields,
} from '../domain/instance-fields';
import { TICKET_TYPES, type TicketType } from '../domain/ticket-type';
import type { ServiceNowClient, ServiceNowRecord } from './client';
import { condition, encodedQuery } from './encoded-query';

// What a customized instance requires on a ticket, learned once per connection (F7) from what the
// integration user may read: data-policy rules of active policies without conditions (a policy
// with conditions applies to some records only: its refusal teaches it, see field-labels.ts), and
// the dictionary's `mandatory` (with overrides per table). All of these are often admin-only; then
// the first refusal's detail teaches the rest.

const OWNERS = (table: string) => [table, 'task'];

/** Rows the user may not read count as "nothing learned here", not as an error. */
async function readable<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}

async function rows(
  client: ServiceNowClient,
  ...args: Parameters<ServiceNowClient['list']>
): Promise<ServiceNowRecord[]> {
  return readable(async () => (await client.list(...args)).records, []);
}

/** Fields the dictionary marks mandatory for the type: its own entries, task's, and overrides on the type. */
async function fromDictionary(client: ServiceNowClient, type: TicketType): Promise<string[]> {
  const [entries, overrides] = await Promise.all([
    rows(client, 'sys_dictionary', {
      query: encodedQuery(condition.in('name', OWNERS(type)), condition.in('element', INSTANCE_FIELDS)),
      fields: ['name', 'element', 'mandatory'],
      limit: 50,
    }),
    rows(client, 'sys_dictionary_override', {
      query: encodedQuery(condition.equals('name', type), condition.equals('mandatory_override', 'true')),
      fields: ['element', 'mandatory'],
      limit: 50,
    }),
  ]);
  const override = new Map(overrides.map((r) => [r.element, r.mandatory === 'true']));
  const mandatory = entries.filter((r) => override.get(r.element) ?? r.mandatory === 'true').map((r) => r.element);
  const added = overrides.filter((r) => r.mandatory === 'true').map((r) => r.element);
  return [...mandatory, ...added].filter((e): e is string => Boolean(e));
}

/** Mandatory rules of the policies that apply to every record of the type. */
async function fromPolicies(client: ServiceNowClient, type: TicketType): Promise<string[]> {
  const rules = await rows(client, 'sys_data_policy_rule', {
    query: encodedQuery(condition.in('table', OWNERS(type)), condition.equals('mandatory', 'true')),
    fields: ['field', 'sys_data_policy'],
    limit: 100,
  });
  const ids = [...new Set(rules.map((r) => r.sys_data_policy).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return [];
  const policies = await readable(
    async () =>
      (
        await client.list('sys_data_policy2', {
          query: condition.in('sys_id', ids),
          fields: ['sys_id', 'model_table', 'active', 'conditions', 'inherit'],
          limit: 100,
        })
      ).records,
    null,
  );
  // Rules readable but not their policies: count them (asking for a field is better than a refusal).
  if (!policies) return rules.map((r) => r.field ?? '');
  const applying = new Set(
    policies
      .filter((p) => p.active === 'true' && !p.conditions?.trim())
      .filter((p) => p.model_table === type || (p.model_table === 'task' && p.inherit === 'true'))
      .map((p) => p.sys_id),
  );
  return rules.filter((r) => applying.has(r.sys_data_policy)).map((r) => r.field ?? '');
}

export async function learnRequiredFields(client: ServiceNowClient): Promise<RequiredFields> {
  let required = NOTHING_REQUIRED;
  for (const type of TICKET_TYPES) {
    const [dictionary, policies] = await Promise.all([fromDictionary(client, type), fromPolicies(client, type)]);
    const fields: InstanceField[] = [...dictionary, ...policies].filter(isInstanceField);
    // The change type exists only on change requests.
    required = addRequired(required, type, type === 'incident' ? fields.filter((f) => f !== 'type') : fields);
  }
  return required;
}

/** Column labels from the dictionary, when readable, to map a refusal's labels back to fields. */
export async function dictionaryLabels(client: ServiceNowClient, type: string): Promise<Record<string, string>> {
  return readable(async () => {
    const { records } = await client.list('sys_dictionary', {
      query: encodedQuery(condition.in('name', OWNERS(type)), condition.in('element', INSTANCE_FIELDS)),
      fields: ['element', 'column_label'],
      limit: 50,
    });
    return Object.fromEntries(records.map((r) => [r.element ?? '', r.column_label ?? '']));
  }, {});
}
