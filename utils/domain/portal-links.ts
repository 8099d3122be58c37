import type { TicketType } from './ticket-type';

// Portal addresses: the portal's origin and the tracking views. Ticket links into ServiceNow:
// recordUrl() in utils/servicenow/ticket-fields.ts.

/** The Microsoft Defender portal, the only origin the content script runs on. */
export const PORTAL_ORIGIN = 'https://security.microsoft.com';

/** The improvement action's flyout in the portal. */
export function actionUrl(actionId: string): string {
  return `/securescore?viewid=actions&actionId=${encodeURIComponent(actionId)}`;
}

/** The extension's full ticket list, a portal page the content script takes over. */
export const TICKET_LIST_PATH = '/servicenowTickets';

export function ticketListUrl(filters: { table?: TicketType; state?: string } = {}): string {
  const query = new URLSearchParams();
  if (filters.table) query.set('type', filters.table);
  if (filters.state) query.set('state', filters.state);
  const search = query.toString();
  return search ? `${TICKET_LIST_PATH}?${search}` : TICKET_LIST_PATH;
}
