import { actionIdOf, hasOurPrefix } from '../domain/correlation';
import { GLIDE_DATE_TIME } from '../domain/glide-date-time';
import { isSysId } from '../domain/guards';
import type { Ticket } from '../domain/ticket';
import { isTicketType, type TicketType } from '../domain/ticket-type';
import type { ServiceNowRecord } from './client';

// ServiceNow's answer is untrusted input (F4.2): a record becomes a Ticket only when its key
// fields have the expected shape; text is bounded. Everything is later rendered as text nodes.

/** The fields the sync asks for (`sysparm_fields`): what the views show, plus what sync needs. */
export const TICKET_FIELDS = [
  'sys_id',
  'number',
  'short_description',
  'state',
  'due_date',
  'correlation_id',
  'sys_updated_on',
  'sys_mod_count',
] as const;
/** The same read from the parent table `task`, plus the class that says which ticket type a record is. */
export const TASK_TICKET_FIELDS = [...TICKET_FIELDS, 'sys_class_name'] as const;

/** The ticket type of a record read from `task` (its sys_class_name), or null for any other class. */
export function ticketTypeOf(record: ServiceNowRecord): TicketType | null {
  const value = record.sys_class_name;
  return isTicketType(value) ? value : null;
}

const STATE = /^-?\d{1,4}$/;

const text = (value: unknown, max: number): string =>
  typeof value === 'string'
    ? value
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, max)
    : '';

/** A Ticket from a Table API record, or null when the record is not usable. */
export function toTicket(table: TicketType, record: ServiceNowRecord): Ticket | null {
  const sysId = record.sys_id;
  const correlationId = record.correlation_id;
  if (!isSysId(sysId)) return null;
  if (typeof correlationId !== 'string' || !hasOurPrefix(correlationId)) return null;
  const updatedOn =
    typeof record.sys_updated_on === 'string' && GLIDE_DATE_TIME.test(record.sys_updated_on)
      ? record.sys_updated_on
      : '';
  const dueDate = typeof record.due_date === 'string' && GLIDE_DATE_TIME.test(record.due_date) ? record.due_date : '';
  const state = typeof record.state === 'string' && STATE.test(record.state) ? record.state : '';
  const modCount = Number(record.sys_mod_count);
  return {
    table,
    sysId,
    number: text(record.number, 40),
    name: text(record.short_description, 160),
    state,
    dueDate,
    updatedOn,
    modCount: Number.isSafeInteger(modCount) && modCount >= 0 ? modCount : 0,
    actionId: actionIdOf(correlationId),
  };
}

/** Of two copies of a ticket, the newer one (sys_mod_count, then sys_updated_on). */
export function newer(a: Ticket, b: Ticket): Ticket {
  if (a.modCount !== b.modCount) return a.modCount > b.modCount ? a : b;
  return b.updatedOn >= a.updatedOn ? b : a;
}

export function sameTicket(a: Ticket, b: Ticket): boolean {
  return (
    a.modCount === b.modCount &&
    a.updatedOn === b.updatedOn &&
    a.state === b.state &&
    a.name === b.name &&
    a.number === b.number &&
    a.dueDate === b.dueDate &&
    a.actionId === b.actionId
  );
}
