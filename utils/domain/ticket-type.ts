// The two kinds of ticket the extension creates and tracks, named by their ServiceNow table.

export const TICKET_TYPES = ['change_request', 'incident'] as const;

export type TicketType = (typeof TICKET_TYPES)[number];

export function isTicketType(value: unknown): value is TicketType {
  return (TICKET_TYPES as readonly unknown[]).includes(value);
}
