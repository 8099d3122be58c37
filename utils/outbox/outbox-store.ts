import type { InstanceField } from '../domain/instance-fields';
import { clear, del, get, set, values } from 'idb-keyval';
import { lazyStore } from '../storage/idb-store';
import type { SerializedError } from '../errors';
import type { TicketDraft } from '../domain/ticket-draft';
import type { TicketType } from '../domain/ticket-type';

// The outbox: every ticket the user sends is written here before any network call, and stays
// until ServiceNow has it (or the user discards it). IndexedDB of the extension origin, so it
// survives service-worker and browser restarts.

export interface CreatedTicket {
  table: TicketType;
  sysId: string;
  number: string;
  url: string;
}

export type OutboxState = 'pending' | 'sending' | 'failed' | 'sent';

export interface OutboxItem {
  id: string;
  /** The instance the user sent it to; never sent anywhere else if the settings change. */
  instanceOrigin?: string;
  createdAt: number;
  draft: TicketDraft;
  correlationId: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** A previous attempt may have reached ServiceNow (no answer, 5xx): look before sending again. */
  uncertain: boolean;
  lastError?: SerializedError;
  result?: CreatedTicket;
  /** When it reached ServiceNow (the sync's duplicate check runs for a while after). */
  sentAt?: number;
  /** When the sync last looked for duplicates of it (utils/outbox/sent-check.ts). */
  checkedAt?: number;
  /** The instance refused it for these missing fields: waits for Complete and send (F7). */
  missingFields?: InstanceField[];
}

const store = lazyStore('snt-outbox', 'items');

export const outboxStore = {
  get: (id: string) => get<OutboxItem>(id, store()),
  put: (item: OutboxItem) => set(item.id, item, store()),
  delete: (id: string) => del(id, store()),
  all: () => values<OutboxItem>(store()),
  /** Remove connection: nothing of the forgotten connection may be sent later. */
  clear: () => clear(store()),
  /** Tickets not yet in ServiceNow (pending, sending or failed). */
  waitingCount: async () => (await values<OutboxItem>(store())).filter((i) => i.state !== 'sent').length,
};
