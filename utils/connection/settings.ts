import { secretStore } from '../auth/secret-store';
import { AppError } from '../errors';
import { t } from '../i18n';
import { parseInstance } from '../servicenow/instance';
import { connectionConfig } from '../storage';
import type { ForgetOptions } from './disconnect';
import type { ConnectionProgress } from './progress';

export interface ConnectionSettingsInput {
  instance: string;
  clientId: string;
  /** undefined keeps the stored secret, '' removes it, text replaces it. */
  clientSecret?: string;
}

export interface SettingsDeps {
  progress: ConnectionProgress;
  forget(options: ForgetOptions): Promise<void>;
}

/** Checks and stores the instance, client ID and secret; changed settings start signed out. */
export async function saveConnectionSettings(
  deps: SettingsDeps,
  input: ConnectionSettingsInput,
  sender: 'portal' | 'extension-page',
): Promise<void> {
  const instance = parseInstance(input.instance);
  const clientId = input.clientId.trim();
  if (!/^[\w.~-]{1,200}$/.test(clientId)) {
    throw new AppError('invalid_client', t('errClientIdInvalid'));
  }
  const previous = await connectionConfig.get();
  const changed = previous?.instanceOrigin !== instance.origin || previous?.clientId !== clientId;
  if (changed && sender === 'portal' && previous) {
    // The portal page may set up a first connection, never replace one (its page scripts
    // can reach our open shadow root); changes belong in the extension options.
    throw new AppError('refused_sender', t('errPortalChangeSettings'));
  }
  // Tokens belong to one instance and client: new settings start without them. Unsent tickets
  // and drafts stay (a fixed client ID must not cost the user what they sent or typed).
  if (changed) {
    await deps.forget({
      keepConfig: false,
      keepUnsent: true,
      keepPermission: previous?.instanceOrigin === instance.origin,
    });
  }
  await connectionConfig.set({
    instanceOrigin: instance.origin,
    instanceHost: instance.host,
    isServiceNowCloud: instance.isServiceNowCloud,
    clientId,
  });
  if (input.clientSecret !== undefined) {
    if (input.clientSecret.trim()) {
      await secretStore.setClientSecret(input.clientSecret.trim(), { origin: instance.origin, clientId });
    } else await secretStore.deleteClientSecret();
  }
  deps.progress.checklist = undefined;
}
