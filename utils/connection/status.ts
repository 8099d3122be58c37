import { redirectUrl } from '../auth/authorize';
import { bindingOf, secretStore } from '../auth/secret-store';
import { refreshExpiresAt, REFRESH_WARNING_MS } from '../auth/token-manager';
import type { ConnectionState, ConnectionStatus } from '../domain/connection-status';
import { authMemo, cachedStatus, connectionConfig } from '../storage';
import { pendingChecklist } from './checklist';
import type { ConnectionProgress } from './progress';

// The connection status the popup, options page and portal show, and its copy in storage that
// lets every view paint at once and follow changes.

export interface StatusSources {
  progress: ConnectionProgress;
  /** Tickets waiting in the outbox. */
  outboxCount(): Promise<number>;
  lastSyncAt(): Promise<number | undefined>;
}

/** The status as it is now, from storage and the worker's progress. Never holds a secret. */
export async function readConnectionStatus({
  progress,
  outboxCount,
  lastSyncAt,
}: StatusSources): Promise<ConnectionStatus> {
  const [config, memo, stored] = await Promise.all([connectionConfig.get(), authMemo.get(), secretStore.getTokens()]);
  // Only a secret bound to these settings counts: one entered for others must be entered again.
  const secret = config ? await secretStore.clientSecretFor(bindingOf(config)) : { state: 'none' };
  const refreshEnd = stored ? refreshExpiresAt(stored) : undefined;
  const instanceFailed = progress.checklist?.some((s) => s.id === 'instance' && s.state === 'failed');
  const offline = instanceFailed && typeof navigator !== 'undefined' && !navigator.onLine;
  const signedIn: ConnectionState = offline ? 'offline' : 'connected';
  const signedOut: ConnectionState = memo.reconnectNeeded ? 'reconnect_needed' : 'not_connected';
  const state: ConnectionState = !config
    ? 'not_configured'
    : progress.connecting
      ? 'connecting'
      : stored
        ? signedIn
        : signedOut;
  return {
    state,
    instanceOrigin: config?.instanceOrigin,
    instanceHost: config?.instanceHost,
    clientId: config?.clientId,
    hasClientSecret: secret.state === 'bound',
    redirectUrl: redirectUrl(),
    user: stored ? memo.user : undefined,
    refreshExpiresAt: refreshEnd,
    refreshExpiresSoon: refreshEnd !== undefined && refreshEnd - Date.now() < REFRESH_WARNING_MS,
    checklist: progress.checklist ?? pendingChecklist(),
    lastError: memo.lastAuthError,
    lastSyncAt: await lastSyncAt(),
    outboxCount: await outboxCount(),
    updatedAt: Date.now(),
  };
}

/** Writes the current status to storage, where every view watches it. */
export function createStatusPublisher(sources: StatusSources) {
  return {
    read: () => readConnectionStatus(sources),
    async publish(): Promise<ConnectionStatus> {
      const current = await readConnectionStatus(sources);
      await cachedStatus.set(current);
      return current;
    },
  };
}

export type StatusPublisher = ReturnType<typeof createStatusPublisher>;
