import type { ConnectionStatus } from '../domain/connection-status';
import { checkConnection } from './check';
import { signIn } from './connect';
import { forgetConnection } from './disconnect';
import type { ConnectionProgress } from './progress';
import type { Session } from './session';
import { saveConnectionSettings, type ConnectionSettingsInput } from './settings';
import type { StatusPublisher } from './status';

// The background worker's connection: settings, connect, disconnect, status and checklist, each
// in its own module. The only service that combines secrets with network calls; it never
// returns a secret.

export interface ConnectionServiceDeps {
  session: Session;
  progress: ConnectionProgress;
  status: StatusPublisher;
  /** Told of every disconnect, e.g. to wipe what was cached from ServiceNow. */
  onDisconnect: readonly (() => Promise<void>)[];
}

export function createConnectionService(deps: ConnectionServiceDeps) {
  const { session, progress, status } = deps;
  const check = () => checkConnection(deps);
  const forget = (options: { keepConfig: boolean; keepPermission?: boolean }) => forgetConnection(deps, options);

  return {
    tokens: session.tokens,
    client: session.client,
    /** The status as it is now. */
    status: status.read,
    /** The status, also written to storage for every view. */
    publishStatus: status.publish,
    check,

    async saveSettings(
      input: ConnectionSettingsInput,
      sender: 'portal' | 'extension-page' = 'extension-page',
    ): Promise<ConnectionStatus> {
      await saveConnectionSettings({ progress, forget }, input, sender);
      // Check at once: a wrong instance name shows on the first step right after Save.
      return check();
    },

    async connect(): Promise<ConnectionStatus> {
      const config = await session.requireConfig();
      if (progress.connecting) return status.publish();
      progress.connecting = true;
      await status.publish();
      try {
        await signIn(progress, config);
      } catch (error) {
        progress.connecting = false;
        // Show which step failed; the error itself goes back to the caller.
        await check().catch(() => undefined);
        throw error;
      } finally {
        progress.connecting = false;
      }
      return check();
    },

    disconnect: (options: { keepConfig: boolean }) => forget(options).then(status.publish),
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
