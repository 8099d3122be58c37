import browser from 'webextension-polyfill';
import { secretStore } from '../auth/secret-store';
import { outboxStore } from '../outbox/outbox-store';
import { authMemo, connectionConfig, formDrafts } from '../storage';
import { revokeTokens } from './probe';
import type { ConnectionProgress } from './progress';

export interface DisconnectDeps {
  progress: ConnectionProgress;
  /** Told of every disconnect, e.g. to wipe what was cached from ServiceNow. */
  onDisconnect: readonly (() => Promise<void>)[];
}

export interface ForgetOptions {
  /** Keep the instance, client ID and secret (Disconnect), or forget them too (Remove connection). */
  keepConfig: boolean;
  /** Keep the host permission of a custom domain (new settings for the same instance). */
  keepPermission?: boolean;
  /**
   * With keepConfig false: keep the outbox and the drafts (new settings replace the old ones).
   * Each unsent ticket is bound to the instance it was sent to, and the outbox never sends it
   * to another one, so nothing the user sent or typed is lost by a settings change.
   */
  keepUnsent?: boolean;
}

/** Revokes (best effort) and deletes the tokens, tells the subscribers, and optionally forgets the settings. */
export async function forgetConnection(
  deps: DisconnectDeps,
  { keepConfig, keepPermission = false, keepUnsent = false }: ForgetOptions,
): Promise<void> {
  deps.progress.disconnects += 1;
  const [config, stored, memo] = await Promise.all([connectionConfig.get(), secretStore.getTokens(), authMemo.get()]);
  if (config && stored) await revokeTokens(config.instanceOrigin, stored);
  await secretStore.deleteTokens();
  await Promise.allSettled(deps.onDisconnect.map((wipe) => wipe()));
  if (memo.grantedOrigin && !keepPermission) {
    await browser.permissions.remove({ origins: [`${memo.grantedOrigin}/*`] }).catch(() => false);
  }
  const keptOrigin = keepPermission && memo.grantedOrigin ? { grantedOrigin: memo.grantedOrigin } : {};
  await authMemo.set({ reconnectNeeded: false, ...keptOrigin });
  deps.progress.checklist = undefined;
  if (!keepConfig) {
    await secretStore.deleteClientSecret();
    await connectionConfig.remove();
    // Remove connection: unsent tickets and drafts belong to the forgotten connection; a later
    // connection (maybe to another instance) must not send them, and nothing of it should stay.
    if (!keepUnsent) await Promise.all([outboxStore.clear(), formDrafts.remove()]);
  }
}
