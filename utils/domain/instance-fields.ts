import { hasOnlyKeys, isBoundedString, isObject } from './guards';
import type { TicketType } from './ticket-type';

// Fields a customized instance may require on a ticket (F7): the reference or choice columns the
// form can fill. `type` is the change type of a change request.

export const INSTANCE_FIELDS = ['assignment_group', 'category', 'cmdb_ci', 'type'] as const;
export type InstanceField = (typeof INSTANCE_FIELDS)[number];

/** Values for the instance's fields: sys_ids for references, choice values otherwise. */
export type InstanceFieldValues = Partial<Record<InstanceField, string>>;

/** What one connected instance requires, per ticket type (learned once per connection). */
export type RequiredFields = Record<TicketType, InstanceField[]>;

export const NOTHING_REQUIRED: RequiredFields = { change_request: [], incident: [] };

export function isInstanceField(value: unknown): value is InstanceField {
  return typeof value === 'string' && (INSTANCE_FIELDS as readonly string[]).includes(value);
}

/** sys_ids are 32 hex digits; choice values are short words. No `^` either way (encoded queries). */
const VALUE = /^[A-Za-z0-9_.\- ]{1,80}$/;

export function isInstanceFieldValues(value: unknown): value is InstanceFieldValues {
  return (
    isObject(value) &&
    hasOnlyKeys(value, INSTANCE_FIELDS) &&
    Object.values(value).every((v) => isBoundedString(v, 80) && (v === '' || VALUE.test(v)))
  );
}

/** The required fields the values leave empty. */
export function missingFields(required: readonly InstanceField[], values: InstanceFieldValues = {}): InstanceField[] {
  return required.filter((field) => !values[field]?.trim());
}

/** Merges learned requirements (a refusal names more fields than the dictionary showed). */
export function addRequired(known: RequiredFields, type: TicketType, fields: readonly InstanceField[]): RequiredFields {
  const merged = [...new Set([...known[type], ...fields])];
  return { ...known, [type]: INSTANCE_FIELDS.filter((f) => merged.includes(f)) };
}
