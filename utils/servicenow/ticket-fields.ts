import { CORRELATION_DISPLAY } from '../domain/correlation';
import { impactUrgencyFor } from '../domain/priority';
import type { TicketDraft } from '../domain/ticket-draft';

// The ServiceNow record for a draft: every item of the data-exchange list (README) goes into a
// field or, where ServiceNow has none, into a labelled block at the end of the description.

const SOURCE_TEXT = { microsoft: 'Microsoft recommendation', user: 'User recommendation' } as const;
const KIND_TEXT = { change_request: 'Change Request', incident: 'Incident' } as const;

/** The user's local end of business day on the due date, as ServiceNow's UTC date-time. */
export function dueDateToServiceNow(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 17, 0, 0).toISOString().slice(0, 19).replace('T', ' ');
}

/** The line that lets the outbox find a record it may already have created (see outbox). */
export function referenceLine(outboxId: string): string {
  return `Reference: ${outboxId}`;
}

export function toServiceNowFields(
  draft: TicketDraft,
  ids: { outboxId: string; correlationId: string },
): Record<string, string> {
  const details = [
    `Microsoft 365 Security and Configuration ${KIND_TEXT[draft.type]}`,
    draft.actionLink ? `Improvement action: ${draft.actionLink}` : null,
    `Recommendation source: ${SOURCE_TEXT[draft.source]}`,
    `Category: ${draft.category}`,
    draft.initiatingUser ? `Initiated by: ${draft.initiatingUser}` : null,
    referenceLine(ids.outboxId),
  ].filter(Boolean);
  const fields: Record<string, string> = {
    short_description: draft.name.trim(),
    description: `${draft.description.trim()}\n\n---\n${details.join('\n')}`,
    due_date: dueDateToServiceNow(draft.dueDate),
    correlation_id: ids.correlationId,
    correlation_display: CORRELATION_DISPLAY,
    // Journal fields can render [code] markup: only our own fixed text goes there (the portal
    // user, read from the page, is in the plain-text description).
    work_notes: 'Created from the Microsoft Defender portal with ServiceNow Tickets for Microsoft 365 Security.',
  };
  if (draft.type === 'incident') Object.assign(fields, impactUrgencyFor(draft.priority));
  else Object.assign(fields, { priority: draft.priority, type: 'normal' });
  // The instance's own fields (assignment group, category, CI, change type) as the user chose them.
  for (const [name, chosen] of Object.entries(draft.fields ?? {})) {
    if (chosen && (name !== 'type' || draft.type === 'change_request')) fields[name] = chosen;
  }
  return fields;
}

export function recordUrl(instanceOrigin: string, table: string, sysId: string): string {
  return `${instanceOrigin}/nav_to.do?uri=${table}.do?sys_id=${encodeURIComponent(sysId)}`;
}
