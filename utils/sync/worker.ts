import { secretStore } from '../auth/secret-store';
import { onDisconnectWipe, type ConnectionService } from '../connection/connection-service';
import { connectionConfig, syncState } from '../storage';
import { createIdbTicketCache } from '../tickets/cache';
import { cancelRetry, installSyncAlarms, scheduleRetry } from './alarms';
import { provideSync } from './request-sync';
import { createSyncService } from './sync-service';

/** The worker's ticket sync, wired to the connection, IndexedDB, storage and alarms. */
export function startTicketSync(connection: Pick<ConnectionService, 'client' | 'status'>) {
  const sync = createSyncService({
    client: () => connection.client(),
    cache: createIdbTicketCache(),
    canSync: async () => Boolean((await connectionConfig.get()) && (await secretStore.getTokens())),
    instanceOrigin: async () => (await connectionConfig.get())?.instanceOrigin,
    state: syncState,
    scheduleRetry,
    cancelRetry,
    // The popup's "Last sync" comes with the connection status: publish it again.
    onSynced: () => connection.status(),
  });
  onDisconnectWipe(() => sync.wipe());
  installSyncAlarms(sync);
  provideSync(sync.requestSync);
  return sync;
}
