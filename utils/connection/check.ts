import { bindingOf, secretStore } from '../auth/secret-store';
import type { ConnectionStatus } from '../domain/connection-status';
import { AppError } from '../errors';
import { t } from '../i18n';
import { fetchCurrentUser } from '../servicenow/current-user';
import { authMemo, connectionConfig, type ConnectionConfig } from '../storage';
import { runChecklist } from './checklist';
import { knownRequirements, requirementNames } from './instance-requirements';
import { probeInstance } from './probe';
import type { ConnectionProgress } from './progress';
import type { Session } from './session';
import type { StatusPublisher } from './status';

export interface CheckDeps {
  session: Session;
  progress: ConnectionProgress;
  status: StatusPublisher;
}

/** Runs the provisioning checklist against the instance and publishes the status with it. */
export async function checkConnection({ session, progress, status }: CheckDeps): Promise<ConnectionStatus> {
  const [config, memo, stored] = await Promise.all([connectionConfig.get(), authMemo.get(), secretStore.getTokens()]);
  // A secret entered for other settings: the client step says to enter it again, before any sign-in.
  const secretElsewhere = config && (await secretStore.clientSecretFor(bindingOf(config))).state === 'other';
  const lastAuthError = secretElsewhere
    ? new AppError('invalid_client', t('errSecretNotForClient', config.instanceHost))
    : memo.lastAuthError && AppError.from(memo.lastAuthError);
  // Without settings the checklist stops at its first step and asks nothing.
  const configured = <T>(ask: (config: ConnectionConfig) => Promise<T>): Promise<T> =>
    config ? ask(config) : Promise.reject(new AppError('not_configured', t('errNotSetUpClient')));
  const result = await runChecklist({
    configured: Boolean(config),
    probeInstance: () => configured(({ instanceOrigin }) => probeInstance(instanceOrigin)),
    hasTokens: Boolean(stored),
    reconnectNeeded: memo.reconnectNeeded,
    lastAuthError: lastAuthError || undefined,
    currentUser: () => configured((c) => fetchCurrentUser(session.clientFor(c))),
    canRead: (table) =>
      configured(async (c) => {
        await session.clientFor(c).list(table, { fields: ['sys_id'], limit: 1 });
      }),
    requiredFields: () => configured(async (c) => requirementNames(await knownRequirements(session.clientFor(c)))),
  });
  progress.checklist = result.steps;
  if (result.user) await authMemo.set({ ...(await authMemo.get()), user: result.user });
  return status.publish();
}
