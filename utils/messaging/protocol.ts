import type { TicketType } from '../domain/ticket-type';
import type { ConnectionSettingsInput } from '../connection/settings';
import type { ConnectionStatus } from '../domain/connection-status';
import type { SyncState } from '../domain/sync-state';
import type { ActionTicketsAnswer, TicketListPage, TicketListQuery, TicketOverview } from '../domain/ticket';
import type { TicketDraft } from '../domain/ticket-draft';
import type { SendOutcome } from '../outbox/outbox';
import type { OutboxSummary } from '../outbox/outbox-summary';
import type { InstanceFieldValues, RequiredFields } from '../domain/instance-fields';
import type { Choice, LookupRecord, LookupTable } from '../servicenow/record-lookup';
import type { FieldProblems } from '../servicenow/check-field-values';
import type { ChoiceField } from './field-payload-checks';
import type { TicketFormContext } from '../tickets/ticket-service';

// The one protocol between the background worker and everything else: every message with its
// request and response. Who may send each and how its payload is checked: specs.ts.

/** Where a message comes from: a content script on the portal, or one of our extension pages. */
export type SenderKind = 'portal' | 'extension-page';

export interface Protocol {
  ping: { request: { note: string }; response: { pong: true; note: string; version: string } };
  getStatus: { request: { refresh: boolean }; response: ConnectionStatus };
  saveConnection: { request: ConnectionSettingsInput; response: ConnectionStatus };
  connect: { request: Record<string, never>; response: ConnectionStatus };
  /** forget: also delete the instance, client ID and secret (options → Remove connection). */
  disconnect: { request: { forget: boolean }; response: ConnectionStatus };
  openOptions: { request: Record<string, never>; response: true };
  /** What the task form needs: connection state, defaults, existing tickets of the action. */
  prepareTicket: { request: { actionId: string | null }; response: TicketFormContext };
  createTicket: { request: TicketDraft; response: SendOutcome };
  retryTicket: { request: { outboxId: string }; response: SendOutcome };
  discardTicket: { request: { outboxId: string }; response: true };
  listOutbox: { request: Record<string, never>; response: OutboxSummary[] };
  /** Home page cards: counts by state and recent tickets, from the worker's cache. */
  getTicketOverview: { request: Record<string, never>; response: TicketOverview };
  /** Per-action status: the cached tickets of these improvement actions. */
  getActionTickets: { request: { actionIds: string[] }; response: ActionTicketsAnswer };
  /** Full list view: one filtered, sorted page of cached tickets. */
  listTickets: { request: TicketListQuery; response: TicketListPage };
  /** Sync now (cards, list, popup, options); resolves when that sync has finished. */
  syncNow: { request: Record<string, never>; response: SyncState };
  /** Type-ahead over assignment groups or configuration items (F7). */
  searchRecords: { request: { table: LookupTable; text: string }; response: LookupRecord[] };
  /** The instance's choices of category or change type. */
  listChoices: { request: { type: TicketType; field: ChoiceField }; response: Choice[] };
  /** What the connected instance requires per ticket type (learned once per connection). */
  getRequiredFields: { request: Record<string, never>; response: RequiredFields };
  /** Complete and send: an outbox item refused for missing fields, with those fields (one ticket). */
  completeTicket: { request: { outboxId: string; fields: InstanceFieldValues }; response: SendOutcome };
  /** Options: are these defaults still records and choices of the instance? Problems per field. */
  checkFieldDefaults: { request: { type: TicketType; fields: InstanceFieldValues }; response: FieldProblems };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>, sender: SenderKind) => Promise<ResponseOf<N>>;
};
