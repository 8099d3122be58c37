import { TICKET_TYPES, type TicketType } from './ticket-type';

// ServiceNow's state values of the two ticket types, with the default English names the user
// can rename in options (F3.4).

export const STATES: Record<TicketType, readonly { value: string; name: string }[]> = {
  change_request: [
    { value: '-5', name: 'New' },
    { value: '-4', name: 'Assess' },
    { value: '-3', name: 'Authorize' },
    { value: '-2', name: 'Scheduled' },
    { value: '-1', name: 'Implement' },
    { value: '0', name: 'Review' },
    { value: '3', name: 'Closed' },
    { value: '4', name: 'Canceled' },
  ],
  incident: [
    { value: '1', name: 'New' },
    { value: '2', name: 'In Progress' },
    { value: '3', name: 'On Hold' },
    { value: '6', name: 'Resolved' },
    { value: '7', name: 'Closed' },
    { value: '8', name: 'Canceled' },
  ],
};

/** States in which a ticket no longer needs work (no overdue mark). */
export const DONE_STATES: Record<TicketType, readonly string[]> = {
  change_request: ['3', '4'],
  incident: ['6', '7', '8'],
};

export type StateNames = Record<TicketType, Record<string, string>>;

export function defaultStateNames(): StateNames {
  return Object.fromEntries(
    TICKET_TYPES.map((type) => [type, Object.fromEntries(STATES[type].map((s) => [s.value, s.name]))]),
  ) as StateNames;
}
