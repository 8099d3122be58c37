import { INSTANCE_FIELDS, type InstanceField, type InstanceFieldValues, type RequiredFields } from './instance-fields';
import type { TicketType } from './ticket-type';

// Values chosen for the instance's fields (F7) — in options as defaults per ticket type, in the
// form for one ticket. A reference keeps its display name next to its sys_id, so a type-ahead
// shows "Network" and not 32 hex digits.

export interface ChosenValue {
  /** sys_id of a reference, value of a choice. */
  value: string;
  /** What the user saw when choosing it: the group's name, the choice's label. */
  label: string;
}

export type ChosenFields = Partial<Record<InstanceField, ChosenValue>>;
export type FieldDefaults = Partial<Record<TicketType, ChosenFields>>;

/** The fields a ticket type can carry: the change type exists only on change requests. */
export function fieldsOfType(type: TicketType): InstanceField[] {
  return INSTANCE_FIELDS.filter((f) => f !== 'type' || type === 'change_request');
}

/** What is sent: the chosen values of the fields this ticket type has. */
export function valuesOf(type: TicketType, chosen: ChosenFields = {}): InstanceFieldValues {
  const values: InstanceFieldValues = {};
  for (const field of fieldsOfType(type)) {
    const value = chosen[field]?.value.trim();
    if (value) values[field] = value;
  }
  return values;
}

/** The form shows what the instance requires for this type and whatever already has a value. */
export function shownFields(
  type: TicketType,
  required: RequiredFields | undefined,
  chosen: ChosenFields = {},
): InstanceField[] {
  const needed = new Set<InstanceField>(required?.[type] ?? []);
  return fieldsOfType(type).filter((f) => needed.has(f) || Boolean(chosen[f]?.value));
}
