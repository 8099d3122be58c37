import { bindingOf, secretStore } from '../auth/secret-store';
import { createTokenManager } from '../auth/token-manager';
import { AppError } from '../errors';
import { t } from '../i18n';
import { createServiceNowClient, type ServiceNowClient } from '../servicenow/client';
import { authMemo, connectionConfig, type ConnectionConfig } from '../storage';

// The signed-in session: the token manager for the configured instance and client, and the
// ServiceNow client every feature uses.

export interface SessionDeps {
  /** ServiceNow refused the refresh token (after Reconnect needed was stored). */
  onRefreshRefused(): Promise<unknown>;
}

export function createSession(deps: SessionDeps) {
  const tokens = createTokenManager({
    async loadClient() {
      const config = await connectionConfig.get();
      if (!config) return null;
      // A secret entered for other settings is never sent: a private client then fails to refresh.
      const secret = await secretStore.clientSecretFor(bindingOf(config));
      return {
        origin: config.instanceOrigin,
        clientId: config.clientId,
        clientSecret: secret.state === 'bound' ? secret.secret : undefined,
      };
    },
    async onRefreshRefused() {
      await authMemo.set({ ...(await authMemo.get()), reconnectNeeded: true });
      await deps.onRefreshRefused();
    },
  });

  async function requireConfig(): Promise<ConnectionConfig> {
    const config = await connectionConfig.get();
    if (!config) throw new AppError('not_configured', t('errNotSetUpClient'));
    return config;
  }

  /** A client for the instance, tokens or not (the checklist asks only once it has them). */
  const clientFor = (config: ConnectionConfig): ServiceNowClient =>
    createServiceNowClient(config.instanceOrigin, tokens);

  /** The client of the connected instance; says what to do when there is no connection. */
  async function client(): Promise<ServiceNowClient> {
    const config = await requireConfig();
    if (!(await secretStore.getTokens())) {
      throw (await authMemo.get()).reconnectNeeded
        ? new AppError('reconnect_needed', t('errReconnectNeeded'))
        : new AppError('not_connected', t('errNotConnectedRetry'));
    }
    return clientFor(config);
  }

  return { tokens, requireConfig, clientFor, client };
}

export type Session = ReturnType<typeof createSession>;
