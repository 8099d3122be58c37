import type { TicketType } from '../domain/ticket-type';
import type { ServiceNowRecord } from '../servicenow/client';

// Which records of one request to keep and which to retire. The browser's own resend of a POST
// and a create the instance finished after the client gave up can make two records of one request;
// the first one (earliest sys_created_on, then lowest number) is the ticket, the others are retired.
// Pure, so it is the same decision after each create and in every sync.

/** ServiceNow's Canceled state per table. */
export const CANCELED_STATE: Record<TicketType, string> = { change_request: '4', incident: '8' };

export interface RetirementPlan {
  kept: ServiceNowRecord;
  /** Extras still live: to be canceled. Already canceled extras are never retired twice. */
  retire: ServiceNowRecord[];
  /** Extras canceled earlier (by us or by someone else). */
  alreadyRetired: ServiceNowRecord[];
}

/** Numbers share a prefix and grow in length only past their padding: compare length first. */
function compareNumbers(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** GlideDateTime as the Table API writes it (`YYYY-MM-DD HH:MM:SS`, UTC) sorts as text. */
export function compareCreation(a: ServiceNowRecord, b: ServiceNowRecord): number {
  const ta = a.sys_created_on ?? '';
  const tb = b.sys_created_on ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return compareNumbers(a.number ?? '', b.number ?? '');
}

export function planRetirement(table: TicketType, records: readonly ServiceNowRecord[]): RetirementPlan | null {
  const usable = records.filter((r) => typeof r.sys_id === 'string' && r.sys_id !== '');
  if (usable.length === 0) return null;
  const [kept, ...extras] = [...usable].sort(compareCreation) as [ServiceNowRecord, ...ServiceNowRecord[]];
  const isCanceled = (r: ServiceNowRecord) => r.state === CANCELED_STATE[table];
  return { kept, retire: extras.filter((r) => !isCanceled(r)), alreadyRetired: extras.filter(isCanceled) };
}

/** The work note on a retired duplicate: names the ticket kept (plain text, no journal markup). */
export function retirementNote(keptNumber: string, reference: string): string {
  return (
    `Duplicate of ${keptNumber}: the same request (reference ${reference}) reached ServiceNow twice ` +
    `because of a network fault. ${keptNumber} is kept; this record was canceled by ServiceNow ` +
    `Tickets for Microsoft 365 Security.`
  );
}
