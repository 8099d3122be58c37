import browser from 'webextension-polyfill';
import type { ConnectionService } from '../connection/connection-service';
import type { Handlers } from '../messaging/protocol';
import type { Outbox } from '../outbox/outbox';
import { knownRequirements } from '../connection/instance-requirements';
import { listChoices, searchRecords } from '../servicenow/record-lookup';
import { checkFieldValues } from '../servicenow/check-field-values';
import type { SyncService } from '../sync/sync-service';
import type { TicketService } from '../tickets/ticket-service';

export interface HandlerServices {
  connection: ConnectionService;
  outbox: Outbox;
  sync: SyncService;
  tickets: TicketService;
}

/** What the worker answers to each message (sender and payload are checked before: utils/messaging/dispatch.ts). */
export function createMessageHandlers({ connection, outbox, sync, tickets }: HandlerServices): Handlers {
  return {
    ping: async ({ note }) => ({ pong: true, note, version: browser.runtime.getManifest().version }),
    getStatus: ({ refresh }) => (refresh ? connection.check() : connection.publishStatus()),
    saveConnection: (input, sender) => connection.saveSettings(input, sender),
    connect: async () => {
      const status = await connection.connect();
      void outbox.resume({ afterConnect: true });
      if (status.state === 'connected') void sync.requestSync('connected');
      return status;
    },
    disconnect: ({ forget }) => connection.disconnect({ keepConfig: !forget }),
    openOptions: async () => {
      await browser.runtime.openOptionsPage();
      return true;
    },
    prepareTicket: ({ actionId }) => tickets.context(actionId),
    createTicket: (draft) => tickets.create(draft),
    retryTicket: ({ outboxId }) => outbox.retry(outboxId),
    discardTicket: async ({ outboxId }) => {
      await outbox.discard(outboxId);
      await connection.publishStatus();
      return true;
    },
    listOutbox: () => outbox.list(),
    getTicketOverview: () => sync.overview(),
    getActionTickets: ({ actionIds }) => sync.actionTickets(actionIds),
    listTickets: (query) => sync.listTickets(query),
    syncNow: () => sync.requestSync('manual'),
    searchRecords: async ({ table, text }) => searchRecords(await connection.client(), table, text),
    listChoices: async ({ type, field }) => listChoices(await connection.client(), type, field),
    getRequiredFields: async () => knownRequirements(await connection.client()),
    completeTicket: async ({ outboxId, fields }) => {
      const outcome = await outbox.complete(outboxId, fields);
      await connection.publishStatus();
      return outcome;
    },
    checkFieldDefaults: async ({ type, fields }) => checkFieldValues(await connection.client(), type, fields),
  };
}
