import { hasExactKeys, isBoundedString, isEmptyObject, isObject } from '../domain/guards';
import { isInstanceFieldValues, type InstanceFieldValues } from '../domain/instance-fields';
import { isTicketType, type TicketType } from '../domain/ticket-type';
import { LOOKUP_TABLES, type LookupTable } from '../servicenow/record-lookup';

// Payload checks of the instance-field messages (F7): type-ahead text without "^", known tables
// and choice fields only, field values that cannot change an encoded query.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const CHOICE_FIELDS = ['category', 'type'] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

export function isSearchRecordsRequest(p: unknown): p is { table: LookupTable; text: string } {
  return (
    isObject(p) &&
    hasExactKeys(p, ['table', 'text']) &&
    (LOOKUP_TABLES as readonly unknown[]).includes(p.table) &&
    isBoundedString(p.text, 80) &&
    !p.text.includes('^')
  );
}

export function isListChoicesRequest(p: unknown): p is { type: TicketType; field: ChoiceField } {
  return (
    isObject(p) &&
    hasExactKeys(p, ['type', 'field']) &&
    isTicketType(p.type) &&
    (CHOICE_FIELDS as readonly unknown[]).includes(p.field)
  );
}

export function isCompleteTicketRequest(p: unknown): p is { outboxId: string; fields: InstanceFieldValues } {
  return (
    isObject(p) &&
    hasExactKeys(p, ['outboxId', 'fields']) &&
    typeof p.outboxId === 'string' &&
    UUID.test(p.outboxId) &&
    isInstanceFieldValues(p.fields)
  );
}

export const isRequiredFieldsRequest = isEmptyObject;

export function isCheckFieldDefaultsRequest(p: unknown): p is { type: TicketType; fields: InstanceFieldValues } {
  return isObject(p) && hasExactKeys(p, ['type', 'fields']) && isTicketType(p.type) && isInstanceFieldValues(p.fields);
}
