import type { TicketType } from '@/utils/domain/ticket-type';

// Chart colours of the ticket states, from Fluent UI v8's shared colours (SharedColors in
// @fluentui/theme, https://developer.microsoft.com/en-us/fluentui#/styles/web/colors/shared):
// neighbouring workflow steps get different hues, done states end in green and grey, as the
// portal's own charts do. Each has at least 3:1 contrast with the white card (WCAG 1.4.11).

const NEW = '#0078d4'; // cyanBlue10, the theme's primary blue
const CLOSED = '#0b6a0b'; // green20
const CANCELED = '#7a7574'; // gray30

const COLORS: Record<TicketType, Record<string, string>> = {
  change_request: {
    '-5': NEW,
    '-4': '#8764b8', // Assess: blueMagenta20
    '-3': '#ca5010', // Authorize: orange20
    '-2': '#038387', // Scheduled: cyan20
    '-1': '#c239b3', // Implement: magenta10
    '0': '#986f0b', // Review: orangeYellow20
    '3': CLOSED,
    '4': CANCELED,
  },
  incident: {
    '1': NEW,
    '2': '#8764b8', // In Progress: blueMagenta20
    '3': '#ca5010', // On Hold: orange20
    '6': '#038387', // Resolved: cyan20
    '7': CLOSED,
    '8': CANCELED,
  },
};

/** A state this extension does not know (an instance's own state): gray20. */
export const UNKNOWN_STATE_COLOR = '#69797e';

export function stateColor(table: TicketType, value: string): string {
  return Object.hasOwn(COLORS[table], value) ? COLORS[table][value]! : UNKNOWN_STATE_COLOR;
}
