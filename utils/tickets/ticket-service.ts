import type { ConnectionService } from '../connection/connection-service';
import { canQueueTickets, type ConnectionState } from '../domain/connection-status';
import { correlationIdFor, manualCorrelationId } from '../domain/correlation';
import { validateDraft, type TicketDraft } from '../domain/ticket-draft';
import { TICKET_TYPES, type TicketType } from '../domain/ticket-type';
import { AppError } from '../errors';
import { sentences, t } from '../i18n';
import type { Outbox, SendOutcome } from '../outbox/outbox';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { recordUrl } from '../servicenow/ticket-fields';
import { ticketPreferences, type TicketPreferences } from '../storage';
import { knownRequirements } from '../connection/instance-requirements';
import type { RequiredFields } from '../domain/instance-fields';

// Ticket creation in the worker (F2.3-F2.6): the duplicate guard, validation, and handing the
// draft to the outbox, which persists it before any network call.

export interface ExistingTicket {
  table: TicketType;
  number: string;
  state: string;
  url: string | null;
  /** Still in the outbox, not yet in ServiceNow. */
  waiting: boolean;
}

export interface TicketFormContext {
  state: ConnectionState;
  instanceHost?: string;
  existing: ExistingTicket[];
  /** Why existing tickets could not be looked up (the form still works). */
  lookupError?: string;
  preferences: TicketPreferences;
  /** What the connected instance requires per ticket type (F7); unknown when not connected. */
  required?: RequiredFields;
}

export function createTicketService(connection: Pick<ConnectionService, 'client' | 'status'>, outbox: Outbox) {
  /** Tickets of the action still in the outbox: known without ServiceNow. */
  async function waitingFor(correlationId: string): Promise<ExistingTicket[]> {
    return (await outbox.waitingFor(correlationId)).map<ExistingTicket>((w) => ({
      table: w.type,
      number: '',
      state: w.state,
      url: null,
      waiting: true,
    }));
  }

  /** Tickets of the action in ServiceNow. */
  async function inServiceNow(correlationId: string): Promise<ExistingTicket[]> {
    const client = await connection.client();
    const query = encodedQuery(
      condition.equals('correlation_id', correlationId),
      condition.orderByDesc('sys_created_on'),
    );
    const found = await Promise.all(
      TICKET_TYPES.map(async (table) => {
        const { records } = await client.list(table, {
          query,
          fields: ['sys_id', 'number', 'state'],
          limit: 5,
        });
        return records.map<ExistingTicket>((r) => ({
          table,
          number: r.number ?? '',
          state: r.state ?? '',
          url: r.sys_id ? recordUrl(client.origin, table, r.sys_id) : null,
          waiting: false,
        }));
      }),
    );
    return found.flat();
  }

  async function createNow(draft: TicketDraft, correlationId: string): Promise<SendOutcome> {
    const status = await connection.status();
    if (!canQueueTickets(status.state)) {
      throw new AppError('not_connected', t('errNotConnectedTicket'));
    }
    if (draft.actionId && !draft.confirmDuplicate) {
      // When ServiceNow cannot be asked (the form already said so), the ticket still goes into
      // the outbox, whose own attempt then reports the specific problem and keeps it for Retry.
      // The outbox and ServiceNow are asked at the same time: the send waits for one round trip.
      const [waiting, remote] = await Promise.all([
        waitingFor(correlationId),
        status.state === 'connected' ? inServiceNow(correlationId).catch(() => []) : [],
      ]);
      const existing = [...waiting, ...remote];
      if (existing.length > 0) {
        const names = existing.map((e) => e.number || t('duplicateWaiting')).join(', ');
        throw new AppError('duplicate', t('errDuplicate', names));
      }
    }
    return outbox.submit(draft, correlationId, status.instanceOrigin);
  }

  // One create per action at a time: a second form (another tab) waits for the first and then
  // finds its ticket, instead of both passing the duplicate check.
  const creating = new Map<string, Promise<SendOutcome>>();

  return {
    async context(actionId: string | null): Promise<TicketFormContext> {
      const [status, preferences] = await Promise.all([connection.status(), ticketPreferences.get()]);
      const context: TicketFormContext = {
        state: status.state,
        instanceHost: status.instanceHost,
        existing: [],
        preferences,
      };
      if (canQueueTickets(status.state)) {
        // Learned once per connection; a failure leaves the form as on a base instance (a refusal teaches it).
        context.required = await connection
          .client()
          .then(knownRequirements)
          .catch(() => undefined);
      }
      if (actionId) {
        const correlationId = correlationIdFor(actionId);
        context.existing = await waitingFor(correlationId);
        if (status.state === 'connected') {
          try {
            context.existing.push(...(await inServiceNow(correlationId)));
          } catch (error) {
            context.lookupError = error instanceof AppError ? error.message : String(error);
          }
        }
      }
      return context;
    },

    create(draft: TicketDraft): Promise<SendOutcome> {
      const errors = Object.values(validateDraft(draft));
      if (errors.length > 0) return Promise.reject(new AppError('invalid_input', sentences(...errors)));
      const correlationId = draft.actionId ? correlationIdFor(draft.actionId) : manualCorrelationId();
      const previous = creating.get(correlationId) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => createNow(draft, correlationId));
      creating.set(correlationId, run);
      void run
        .catch(() => undefined)
        .finally(() => {
          if (creating.get(correlationId) === run) creating.delete(correlationId);
        });
      return run;
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
