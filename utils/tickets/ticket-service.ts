import { AppError } from '../errors';
import { sentences, t } from '../i18n';
import type { ConnectionService } from '../connection/connection-service';
import type { ConnectionState } from '../connection/status';
import type { Outbox, SendOutcome } from '../outbox/outbox';
import type { TaskTable } from '../servicenow/client';
import { ticketPreferences, type TicketPreferences } from '../storage';
import { correlationIdFor, manualCorrelationId } from './correlation';
import { recordUrl } from './servicenow-fields';
import { validateDraft, type TicketDraft } from './ticket-draft';

// Ticket creation in the worker (F2.3-F2.6): the duplicate guard, validation, and handing the
// draft to the outbox, which persists it before any network call.

export interface ExistingTicket {
  table: TaskTable;
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
}

const CAN_QUEUE: ConnectionState[] = ['connected', 'offline', 'reconnect_needed'];

export function createTicketService(connection: ConnectionService, outbox: Outbox) {
  async function existingFor(actionId: string): Promise<ExistingTicket[]> {
    const correlationId = correlationIdFor(actionId);
    const waiting = (await outbox.waitingFor(correlationId)).map<ExistingTicket>((w) => ({
      table: w.type, number: '', state: w.state, url: null, waiting: true,
    }));
    const client = await connection.client();
    const found = await Promise.all(
      (['change_request', 'incident'] as const).map(async (table) => {
        const { records } = await client.list(table, {
          query: `correlation_id=${correlationId}^ORDERBYDESCsys_created_on`,
          fields: ['sys_id', 'number', 'state'],
          limit: 5,
        });
        return records.map<ExistingTicket>((r) => ({
          table, number: r.number ?? '', state: r.state ?? '', url: r.sys_id ? recordUrl(client.origin, table, r.sys_id) : null, waiting: false,
        }));
      }),
    );
    return [...waiting, ...found.flat()];
  }

  return {
    async context(actionId: string | null): Promise<TicketFormContext> {
      const [status, preferences] = await Promise.all([connection.status(), ticketPreferences.get()]);
      const context: TicketFormContext = { state: status.state, instanceHost: status.instanceHost, existing: [], preferences };
      if (actionId && status.state === 'connected') {
        try {
          context.existing = await existingFor(actionId);
        } catch (error) {
          context.lookupError = error instanceof AppError ? error.message : String(error);
        }
      }
      return context;
    },

    async create(draft: TicketDraft): Promise<SendOutcome> {
      const errors = Object.values(validateDraft(draft));
      if (errors.length > 0) throw new AppError('invalid_input', sentences(...errors));
      const status = await connection.status();
      if (!CAN_QUEUE.includes(status.state)) {
        throw new AppError('not_connected', t('errNotConnectedTicket'));
      }
      if (draft.actionId && !draft.confirmDuplicate && status.state === 'connected') {
        // When ServiceNow cannot be asked (the form already said so), the ticket still goes into
        // the outbox, whose own attempt then reports the specific problem and keeps it for Retry.
        const existing = await existingFor(draft.actionId).catch(() => []);
        if (existing.length > 0) {
          const names = existing.map((e) => e.number || t('duplicateWaiting')).join(', ');
          throw new AppError('duplicate', t('errDuplicate', names));
        }
      }
      const correlationId = draft.actionId ? correlationIdFor(draft.actionId) : manualCorrelationId();
      return outbox.submit(draft, correlationId);
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
