import type { SerializedError } from '../errors';

// What the worker tells every view about the ticket sync, through storage.local (which content
// scripts and extension pages can watch): no ticket data and nothing secret.

export interface SyncState {
  running: boolean;
  /** When the running sync started (ms); a stale `running` after a worker restart is ignored. */
  startedAt?: number;
  /** End of the last sync that completed without error (ms). */
  lastSyncAt?: number;
  lastAttemptAt?: number;
  /** Why the last sync failed; cleared by the next successful one. */
  error?: SerializedError;
  /** Consecutive failures, for the backoff. */
  failures: number;
  /** When the worker retries after a failure (ms). */
  nextRetryAt?: number;
  /** Bumped whenever cached tickets or counts change: views fetch again when it moves. */
  revision: number;
}

export const INITIAL_SYNC_STATE: SyncState = { running: false, failures: 0, revision: 0 };

/** A `running` flag older than this belongs to a worker that was stopped mid-sync. */
export const RUNNING_STALE_MS = 5 * 60_000;

export function isSyncRunning(state: SyncState, now = Date.now()): boolean {
  return state.running && (state.startedAt === undefined || now - state.startedAt < RUNNING_STALE_MS);
}

export interface SyncSettings {
  intervalMinutes: number;
}

/** Choices offered in options; browser.alarms fires at most every 30 s (Chrome 120+). */
export const SYNC_INTERVALS = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { intervalMinutes: 5 };

export function syncInterval(settings: SyncSettings | undefined): number {
  const minutes = settings?.intervalMinutes;
  return (SYNC_INTERVALS as readonly number[]).includes(minutes ?? -1)
    ? minutes!
    : DEFAULT_SYNC_SETTINGS.intervalMinutes;
}
