import { createConnectionService } from '../connection/connection-service';
import { createConnectionProgress } from '../connection/progress';
import { createSession } from '../connection/session';
import { learnFromRefusal } from '../connection/instance-requirements';
import { createStatusPublisher } from '../connection/status';
import { secretStore } from '../auth/secret-store';
import { createOutbox } from '../outbox/outbox';
import { outboxStore } from '../outbox/outbox-store';
import { rememberRetired } from '../outbox/duplicate-notices';
import type { RetiredDuplicate } from '../outbox/request-records';
import { createOutboxWaker, OUTBOX_ALARM } from '../outbox/outbox-wake';
import { createSentCheck } from '../outbox/sent-check';
import { connectionConfig, requiredFields, syncState } from '../storage';
import { startSyncSchedule, syncAlarmRoutes, cancelRetry, scheduleRetry } from '../sync/alarms';
import { createSyncService } from '../sync/sync-service';
import { createIdbTicketCache } from '../tickets/cache';
import { createTicketService } from '../tickets/ticket-service';
import { createMessageHandlers } from './message-handlers';

// The background worker's services, built once in dependency order: each is handed what it
// needs, and who must hear of its changes, when it is created.

export function createServices() {
  const progress = createConnectionProgress();
  // The status counts the outbox and shows the last sync from storage, so it needs neither service.
  const status = createStatusPublisher({
    progress,
    outboxCount: outboxStore.waitingCount,
    lastSyncAt: async () => (await syncState.get()).lastSyncAt,
  });
  const session = createSession({ onRefreshRefused: status.publish });
  // The popup lists canceled duplicates until the user dismisses them.
  const onDuplicatesRetired = (retired: RetiredDuplicate[]) =>
    void rememberRetired(retired).catch((error: unknown) =>
      console.error('[ServiceNow Tickets] duplicate notice not stored', error),
    );
  const sync = createSyncService({
    client: session.client,
    cache: createIdbTicketCache(),
    canSync: async () => Boolean((await connectionConfig.get()) && (await secretStore.getTokens())),
    instanceOrigin: async () => (await connectionConfig.get())?.instanceOrigin,
    state: syncState,
    scheduleRetry,
    cancelRetry,
    // Every sync looks for duplicates of lately sent tickets (a create the instance finished late).
    beforeRead: createSentCheck({ client: session.client, onDuplicatesRetired }),
    // The popup's "Last sync" comes with the connection status: publish it again.
    onSynced: status.publish,
  });
  const outbox = createOutbox({
    client: session.client,
    // A new ticket shows in the cards and the action's status at once.
    onSent: () => void sync.requestSync('created'),
    // The waker and the outbox wake each other: it calls resume(), the outbox asks it for a time.
    wakeAt: (time) => waker.wakeAt(time),
    // Republish the status: the popup's "waiting to be sent" count (and an open task form) follow the outbox.
    onChange: () => void status.publish(),
    onDuplicatesRetired,
    learnRefusal: async (type, labels) => learnFromRefusal(await session.client(), type, labels),
  });
  const waker = createOutboxWaker(() => void outbox.resume());
  // Everything cached from ServiceNow is wiped on disconnect.
  const connection = createConnectionService({
    session,
    progress,
    status,
    onDisconnect: [() => sync.wipe(), () => requiredFields.remove()],
  });
  const tickets = createTicketService(connection, outbox);

  return {
    /** The services themselves (e2e builds expose them to tests). */
    services: { connection, outbox, sync, tickets },
    handlers: createMessageHandlers({ connection, outbox, sync, tickets }),
    /** What each alarm does, by alarm name. */
    alarms: { ...syncAlarmRoutes(sync), [OUTBOX_ALARM]: () => void outbox.resume() } as Record<string, () => void>,
    /** Worker start: sync schedule, and tickets sent before a worker or browser restart go on. */
    start(): void {
      startSyncSchedule(sync);
      void outbox.resume();
    },
  };
}

export type WorkerServices = ReturnType<typeof createServices>;
