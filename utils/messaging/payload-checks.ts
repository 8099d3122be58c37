import type { ConnectionSettingsInput } from '../connection/settings';
import { isActionId } from '../domain/correlation';
import { hasExactKeys, hasOnlyKeys, isBoundedString, isIntInRange, isObject } from '../domain/guards';
import { MAX_ACTION_IDS, MAX_LIST_LIMIT, TICKET_SORT_KEYS, type TicketListQuery } from '../domain/ticket';
import { isTicketType } from '../domain/ticket-type';

// Payload checks of the messages (specs.ts): only known keys, bounded values. The task form's
// draft has its own check next to its type (utils/domain/ticket-draft.ts).

const STATE_FILTER = /^(|open|done|-?\d{1,4})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An object with just this one key, whose value passes `check`. */
const only =
  <K extends string, V>(key: K, check: (v: unknown) => v is V) =>
  (p: unknown): p is Record<K, V> =>
    isObject(p) && hasOnlyKeys(p, [key]) && check(p[key]);

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export const isPingRequest = only('note', (v): v is string => isBoundedString(v, 200));
export const isStatusRequest = only('refresh', isBoolean);
export const isDisconnectRequest = only('forget', isBoolean);
export const isOutboxRef = only('outboxId', (v): v is string => typeof v === 'string' && UUID.test(v));
export const isPrepareTicketRequest = only(
  'actionId',
  (v): v is string | null => v === null || (typeof v === 'string' && isActionId(v)),
);

// From the portal only without clientSecret: the secret is typed only into extension pages.
export function isConnectionSettings(p: unknown): p is ConnectionSettingsInput {
  return (
    isObject(p) &&
    hasOnlyKeys(p, ['instance', 'clientId', 'clientSecret']) &&
    isBoundedString(p.instance, 300) &&
    isBoundedString(p.clientId, 300) &&
    (p.clientSecret === undefined || isBoundedString(p.clientSecret, 300))
  );
}

export function isActionIdsRequest(p: unknown): p is { actionIds: string[] } {
  return (
    isObject(p) &&
    hasExactKeys(p, ['actionIds']) &&
    Array.isArray(p.actionIds) &&
    p.actionIds.length <= MAX_ACTION_IDS &&
    p.actionIds.every((id) => typeof id === 'string' && isActionId(id))
  );
}

export function isTicketListQuery(p: unknown): p is TicketListQuery {
  return (
    isObject(p) &&
    hasExactKeys(p, ['table', 'state', 'search', 'sort', 'dir', 'offset', 'limit']) &&
    (p.table === 'all' || isTicketType(p.table)) &&
    typeof p.state === 'string' &&
    STATE_FILTER.test(p.state) &&
    isBoundedString(p.search, 100) &&
    typeof p.sort === 'string' &&
    (TICKET_SORT_KEYS as readonly string[]).includes(p.sort) &&
    (p.dir === 'asc' || p.dir === 'desc') &&
    isIntInRange(p.offset, 0, 1_000_000) &&
    isIntInRange(p.limit, 1, MAX_LIST_LIMIT)
  );
}
