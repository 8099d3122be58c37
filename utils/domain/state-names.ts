import { defaultStateNames, STATES, type StateNames } from './states';
import { TICKET_TYPES, type TicketType } from './ticket-type';

// The user's names for ServiceNow's state values (F3.4): validated here, stored in
// storage.sync (utils/storage, `stateNames`), applied by every view when it renders.

export const MAX_STATE_NAME = 40;

export type StateNameError = 'empty' | 'tooLong' | 'duplicate' | 'invalid';
export type StateNameErrors = Record<TicketType, Record<string, StateNameError>>;

/** Stored names merged over the defaults: unknown tables/values and non-text are ignored. */
export function resolveStateNames(stored: unknown): StateNames {
  const names = defaultStateNames();
  if (typeof stored !== 'object' || stored === null) return names;
  for (const table of TICKET_TYPES) {
    const given = (stored as Record<string, unknown>)[table];
    if (typeof given !== 'object' || given === null) continue;
    for (const { value } of STATES[table]) {
      const name = (given as Record<string, unknown>)[value];
      if (typeof name === 'string' && validName(name)) names[table][value] = name.trim();
    }
  }
  return names;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function validName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_STATE_NAME && !CONTROL.test(trimmed);
}

/** Errors by table and state value; an empty result means the names can be saved. */
export function validateStateNames(names: StateNames): Partial<StateNameErrors> {
  const errors: Partial<StateNameErrors> = {};
  for (const table of TICKET_TYPES) {
    const seen = new Map<string, string>();
    for (const { value } of STATES[table]) {
      const name = (names[table]?.[value] ?? '').trim();
      let error: StateNameError | undefined;
      if (!name) error = 'empty';
      else if (name.length > MAX_STATE_NAME) error = 'tooLong';
      else if (CONTROL.test(name)) error = 'invalid';
      else {
        const key = name.toLocaleLowerCase();
        if (seen.has(key)) error = 'duplicate';
        else seen.set(key, value);
      }
      if (error) (errors[table] ??= {})[value] = error;
    }
  }
  return errors;
}

export function hasErrors(errors: Partial<StateNameErrors>): boolean {
  return Object.values(errors).some((byValue) => byValue && Object.keys(byValue).length > 0);
}

/** Trimmed copy, ready to store. */
export function cleanStateNames(names: StateNames): StateNames {
  const clean = defaultStateNames();
  for (const table of TICKET_TYPES) {
    for (const { value } of STATES[table]) clean[table][value] = (names[table]?.[value] ?? '').trim();
  }
  return clean;
}

/** The name of a state value, or null for a value this extension does not know (custom states). */
export function stateName(names: StateNames, table: TicketType, value: string): string | null {
  return names[table]?.[value] ?? null;
}
