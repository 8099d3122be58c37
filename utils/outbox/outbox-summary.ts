import type { InstanceField, InstanceFieldValues } from '../domain/instance-fields';
import type { TicketDraft } from '../domain/ticket-draft';
import type { SerializedError } from '../errors';
import type { CreatedTicket, OutboxItem, OutboxState } from './outbox-store';

// What the views are told about an outbox item: no draft text beyond its name.

export interface OutboxSummary {
  id: string;
  state: OutboxState;
  name: string;
  type: TicketDraft['type'];
  actionId: string | null;
  correlationId: string;
  attempts: number;
  nextAttemptAt: number;
  lastError?: SerializedError;
  result?: CreatedTicket;
  missingFields?: InstanceField[];
  /** The instance fields it carries, to prefill Complete and send. */
  fields?: InstanceFieldValues;
}

export function summarize(i: OutboxItem): OutboxSummary {
  return {
    id: i.id,
    state: i.state,
    name: i.draft.name,
    type: i.draft.type,
    actionId: i.draft.actionId,
    correlationId: i.correlationId,
    attempts: i.attempts,
    nextAttemptAt: i.nextAttemptAt,
    lastError: i.lastError,
    result: i.result,
    ...(i.missingFields?.length ? { missingFields: i.missingFields, fields: i.draft.fields ?? {} } : {}),
  };
}
