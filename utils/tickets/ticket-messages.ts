import { isActionId } from './correlation';
import { MAX_ACTION_IDS, MAX_LIST_LIMIT, TICKET_SORT_KEYS, type TicketListQuery } from './types';

// Payload checks of the tracking messages (utils/messaging.ts): only known keys, bounded values.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasExactKeys = (v: Record<string, unknown>, keys: string[]) =>
  Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));
const isInt = (v: unknown, min: number, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

const STATE_FILTER = /^(|open|done|-?\d{1,4})$/;

export function isActionIdsRequest(p: unknown): p is { actionIds: string[] } {
  return isObject(p) && hasExactKeys(p, ['actionIds']) && Array.isArray(p.actionIds) && p.actionIds.length <= MAX_ACTION_IDS
    && p.actionIds.every((id) => typeof id === 'string' && isActionId(id));
}

export function isTicketListQuery(p: unknown): p is TicketListQuery {
  return isObject(p) && hasExactKeys(p, ['table', 'state', 'search', 'sort', 'dir', 'offset', 'limit'])
    && (p.table === 'all' || p.table === 'change_request' || p.table === 'incident')
    && typeof p.state === 'string' && STATE_FILTER.test(p.state)
    && typeof p.search === 'string' && p.search.length <= 100
    && typeof p.sort === 'string' && (TICKET_SORT_KEYS as readonly string[]).includes(p.sort)
    && (p.dir === 'asc' || p.dir === 'desc')
    && isInt(p.offset, 0, 1_000_000) && isInt(p.limit, 1, MAX_LIST_LIMIT);
}
