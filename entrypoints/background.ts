import browser from 'webextension-polyfill';
import { createConnectionService } from '@/utils/connection/connection-service';
import { AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { listen } from '@/utils/messaging';
import { createOutbox, type Outbox } from '@/utils/outbox/outbox';
import { createOutboxWaker, OUTBOX_ALARM } from '@/utils/outbox/outbox-wake';
import { createTicketService } from '@/utils/tickets/ticket-service';
import { syncState } from '@/utils/storage';
import { startTicketSync } from '@/utils/sync/worker';

export default defineBackground(() => {
  let outbox: Outbox | undefined;
  const connection = createConnectionService({
    outboxCount: async () => (outbox ? outbox.waitingCount() : 0),
    lastSyncAt: async () => (await syncState.get()).lastSyncAt,
  });
  const waker = createOutboxWaker(() => void outbox?.resume());
  outbox = createOutbox({
    client: () => connection.client(),
    // A new ticket shows in the cards and the action's status at once.
    onSent: () => void sync.requestSync('created'),
    wakeAt: (time) => waker.wakeAt(time),
    // Republish the status: the popup's "waiting to be sent" count follows the outbox.
    onChange: () => void connection.status(),
  });
  const tickets = createTicketService(connection, outbox);
  // Ticket sync: alarms, retry after failures, cache wiped on disconnect (utils/sync/worker.ts).
  const sync = startTicketSync(connection);

  // e2e builds only: lets tests drive the worker's own services (parallel calls, refresh, outbox).
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __snt: { connection, outbox, sync } });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outbox?.resume();
  });
  // Tickets sent before a worker or browser restart go on from where they were.
  void outbox.resume();

  listen({
    ping: async ({ note }) => ({ pong: true, note, version: browser.runtime.getManifest().version }),
    getStatus: ({ refresh }) => (refresh ? connection.check() : connection.status()),
    saveConnection: async (input, sender) => {
      if (sender === 'portal' && input.clientSecret !== undefined) {
        throw new AppError('refused_sender', t('errSecretInPortal'));
      }
      return connection.saveSettings(input, sender);
    },
    connect: async () => {
      const status = await connection.connect();
      void outbox?.resume({ afterConnect: true });
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
    retryTicket: ({ outboxId }) => outbox!.retry(outboxId),
    discardTicket: async ({ outboxId }) => {
      await outbox!.discard(outboxId);
      await connection.status();
      return true;
    },
    listOutbox: () => outbox!.list(),
    getTicketOverview: () => sync.overview(),
    getActionTickets: ({ actionIds }) => sync.actionTickets(actionIds),
    listTickets: (query) => sync.listTickets(query),
    syncNow: () => sync.requestSync('manual'),
  });
});
