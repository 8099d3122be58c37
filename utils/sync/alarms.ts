import browser from 'webextension-polyfill';
import { syncInterval } from '../domain/sync-state';
import { syncSettings } from '../storage';
import type { SyncService } from './sync-service';

// browser.alarms drive the periodic sync (options → Ticket sync) and the retry after a failure.
// The worker starts often: an alarm is only (re)created when missing or when its period changed,
// otherwise every worker start would push the next sync further out.

export const SYNC_ALARM = 'snt-sync';
export const SYNC_RETRY_ALARM = 'snt-sync-retry';

export async function scheduleSync(intervalMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: intervalMinutes, delayInMinutes: intervalMinutes });
}

export async function scheduleRetry(at: number): Promise<void> {
  await browser.alarms.create(SYNC_RETRY_ALARM, { when: at });
}

export async function cancelRetry(): Promise<void> {
  await browser.alarms.clear(SYNC_RETRY_ALARM);
}

/** What each sync alarm does (the worker registers one alarm listener for all its alarms). */
export function syncAlarmRoutes(sync: Pick<SyncService, 'requestSync'>): Record<string, () => void> {
  return {
    [SYNC_ALARM]: () => void sync.requestSync('alarm'),
    [SYNC_RETRY_ALARM]: () => void sync.requestSync('retry'),
  };
}

/** Worker start: clears a stale running flag and keeps the periodic alarm at the chosen interval. */
export function startSyncSchedule(sync: Pick<SyncService, 'recover'>): void {
  void sync.recover();
  void syncSettings.get().then((settings) => scheduleSync(syncInterval(settings)));
  syncSettings.watch((settings) => void scheduleSync(syncInterval(settings)));
}
