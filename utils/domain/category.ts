// Secure Score's control categories (Graph: controlCategory), which a ticket carries along.

export const TICKET_CATEGORIES = ['Identity', 'Data', 'Devices', 'Apps', 'Infrastructure'] as const;

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export function isTicketCategory(value: unknown): value is TicketCategory {
  return (TICKET_CATEGORIES as readonly unknown[]).includes(value);
}
