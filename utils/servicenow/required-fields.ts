import {
  INSTANCE_FIELDS,
  NOTHING_REQUIRED,
  addRequired,
  isInstanceField,
  type RequiredFields,
} from '../domain/instance-fields';
import { TICKET_TYPES } from '../domain/ticket-type';
import type { ServiceNowClient } from './client';
import { condition, encodedQuery } from './encoded-query';

// What a customized instance requires on a ticket, learned once per connection (F7) from what the
// integration user may read: dictionary `mandatory` and active data-policy rules. Both are often
// admin-only; then the first refusal's detail teaches the rest (see field-labels.ts).

const OWNERS = (table: string) => [table, 'task'];

/** Rows the user may not read count as "nothing learned here", not as an error. */
async function readable<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}

export async function learnRequiredFields(client: ServiceNowClient): Promise<RequiredFields> {
  let required = NOTHING_REQUIRED;
  for (const type of TICKET_TYPES) {
    const fromDictionary = await readable(
      async () =>
        (
          await client.list('sys_dictionary', {
            query: encodedQuery(
              condition.in('name', OWNERS(type)),
              condition.equals('mandatory', 'true'),
              condition.in('element', INSTANCE_FIELDS),
            ),
            fields: ['element'],
            limit: 50,
          })
        ).records.map((r) => r.element),
      [] as (string | undefined)[],
    );
    const fromPolicies = await readable(
      async () =>
        (
          await client.list('sys_data_policy_rule', {
            query: encodedQuery(
              condition.in('table', OWNERS(type)),
              condition.equals('mandatory', 'true'),
              condition.equals('disabled', 'false'),
            ),
            fields: ['field'],
            limit: 50,
          })
        ).records.map((r) => r.field),
      [] as (string | undefined)[],
    );
    const fields = [...fromDictionary, ...fromPolicies].filter(isInstanceField);
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
