import browser from 'webextension-polyfill';
import { AppError, toAppError } from '../errors';
import { t } from '../i18n';
import { authorizeInteractively, redirectUrl } from '../auth/authorize';
import { secretStore } from '../auth/secret-store';
import { requestTokens } from '../auth/token-endpoint';
import { createTokenManager, refreshExpiresAt, REFRESH_WARNING_MS } from '../auth/token-manager';
import { createServiceNowClient, type ServiceNowClient } from '../servicenow/client';
import { fetchCurrentUser } from '../servicenow/current-user';
import { serviceNowFetch } from '../servicenow/http';
import { originPattern, parseInstance } from '../servicenow/instance';
import type { ConnectionSettingsInput } from '../messaging';
import { authMemo, cachedStatus, connectionConfig, type ConnectionConfig } from '../storage';
import { pendingChecklist, runChecklist } from './checklist';
import type { ChecklistStep, ConnectionStatus } from './status';

// The background worker's connection: settings, connect, disconnect, status and checklist.
// The only module that combines secrets with network calls; it never returns a secret.

const AUTH_ERROR_CODES = ['invalid_client', 'redirect_not_registered', 'access_denied', 'auth_failed', 'permission_refused'];

/** Without a token the Table API must answer 401 in JSON: that proves a live ServiceNow instance. */
async function probeInstance(origin: string): Promise<void> {
  try {
    await serviceNowFetch(origin, '/api/now/table/sys_user', { query: { sysparm_limit: 1 }, timeoutMs: 15_000 });
  } catch (error) {
    if (error instanceof AppError && error.extra.status === 401) return;
    throw error;
  }
}

/** Everything cached from ServiceNow is wiped on disconnect; features register their wipers. */
const wipers: (() => Promise<void>)[] = [];
export function onDisconnectWipe(wipe: () => Promise<void>): void {
  wipers.push(wipe);
}

export function createConnectionService(hooks: { outboxCount(): Promise<number>; lastSyncAt(): Promise<number | undefined> } = {
  outboxCount: async () => 0,
  lastSyncAt: async () => undefined,
}) {
  let connecting = false;
  /** Bumped by every disconnect: a sign-in or refresh that started before must not store tokens. */
  let forgetCount = 0;
  let lastChecklist: ChecklistStep[] | undefined;

  const tokens = createTokenManager({
    async loadClient() {
      const config = await connectionConfig.get();
      if (!config) return null;
      return { origin: config.instanceOrigin, clientId: config.clientId, clientSecret: await secretStore.getClientSecret() };
    },
    async onRefreshRefused() {
      await authMemo.set({ ...(await authMemo.get()), reconnectNeeded: true });
      await publish();
    },
  });

  async function requireConfig(): Promise<ConnectionConfig> {
    const config = await connectionConfig.get();
    if (!config) throw new AppError('not_configured', t('errNotSetUpClient'));
    return config;
  }

  async function client(): Promise<ServiceNowClient> {
    const config = await requireConfig();
    if (!(await secretStore.getTokens())) {
      throw (await authMemo.get()).reconnectNeeded
        ? new AppError('reconnect_needed', t('errReconnectNeeded'))
        : new AppError('not_connected', t('errNotConnectedRetry'));
    }
    return createServiceNowClient(config.instanceOrigin, tokens);
  }

  async function status(): Promise<ConnectionStatus> {
    const [config, memo, stored, secret] = await Promise.all([
      connectionConfig.get(),
      authMemo.get(),
      secretStore.getTokens(),
      secretStore.getClientSecret(),
    ]);
    const refreshEnd = stored ? refreshExpiresAt(stored) : undefined;
    const offline = lastChecklist?.some((s) => s.id === 'instance' && s.state === 'failed') && typeof navigator !== 'undefined' && !navigator.onLine;
    const state: ConnectionStatus['state'] = !config
      ? 'not_configured'
      : connecting
        ? 'connecting'
        : stored
          ? offline ? 'offline' : 'connected'
          : memo.reconnectNeeded ? 'reconnect_needed' : 'not_connected';
    return {
      state,
      instanceOrigin: config?.instanceOrigin,
      instanceHost: config?.instanceHost,
      clientId: config?.clientId,
      hasClientSecret: Boolean(secret),
      redirectUrl: redirectUrl(),
      user: stored ? memo.user : undefined,
      refreshExpiresAt: refreshEnd,
      refreshExpiresSoon: refreshEnd !== undefined && refreshEnd - Date.now() < REFRESH_WARNING_MS,
      checklist: lastChecklist ?? pendingChecklist(),
      lastError: memo.lastAuthError,
      lastSyncAt: await hooks.lastSyncAt(),
      outboxCount: await hooks.outboxCount(),
      updatedAt: Date.now(),
    };
  }

  /** Computes the status and caches it for instant popup paint. */
  async function publish(): Promise<ConnectionStatus> {
    const current = await status();
    await cachedStatus.set(current);
    return current;
  }

  async function check(): Promise<ConnectionStatus> {
    const [config, memo, stored] = await Promise.all([connectionConfig.get(), authMemo.get(), secretStore.getTokens()]);
    const api = config ? createServiceNowClient(config.instanceOrigin, tokens) : null;
    const result = await runChecklist({
      configured: Boolean(config),
      probeInstance: () => probeInstance(config!.instanceOrigin),
      hasTokens: Boolean(stored),
      reconnectNeeded: memo.reconnectNeeded,
      lastAuthError: memo.lastAuthError ? AppError.from(memo.lastAuthError) : undefined,
      currentUser: () => fetchCurrentUser(api!),
      canRead: async (table) => {
        await api!.list(table, { fields: ['sys_id'], limit: 1 });
      },
    });
    lastChecklist = result.steps;
    if (result.user) await authMemo.set({ ...(await authMemo.get()), user: result.user });
    return publish();
  }

  return {
    tokens,
    client,
    status: publish,
    check,

    async saveSettings(input: ConnectionSettingsInput, sender: 'portal' | 'extension-page' = 'extension-page'): Promise<ConnectionStatus> {
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
      // Tokens belong to one instance and client: new settings start from a clean slate.
      if (changed) await forget({ keepConfig: false, keepPermission: previous?.instanceOrigin === instance.origin });
      await connectionConfig.set({ instanceOrigin: instance.origin, instanceHost: instance.host, isServiceNowCloud: instance.isServiceNowCloud, clientId });
      if (input.clientSecret !== undefined) {
        if (input.clientSecret.trim()) await secretStore.setClientSecret(input.clientSecret.trim());
        else await secretStore.deleteClientSecret();
      }
      lastChecklist = undefined;
      // Check at once: a wrong instance name shows on the first step right after Save.
      return check();
    },

    async connect(): Promise<ConnectionStatus> {
      const config = await requireConfig();
      if (connecting) return publish();
      connecting = true;
      await publish();
      const generation = forgetCount;
      try {
        // Permission first: without it the instance cannot even be probed.
        if (!config.isServiceNowCloud) {
          const granted = await browser.permissions.contains({ origins: [originPattern(parseInstance(config.instanceHost))] });
          if (!granted) {
            throw new AppError('permission_refused', t('errPermissionNeeded', config.instanceHost));
          }
          await authMemo.set({ ...(await authMemo.get()), grantedOrigin: config.instanceOrigin });
        }
        await probeInstance(config.instanceOrigin);
        const { code, codeVerifier, redirectUri } = await authorizeInteractively(config.instanceOrigin, config.clientId);
        const issued = await requestTokens(
          { origin: config.instanceOrigin, clientId: config.clientId, clientSecret: await secretStore.getClientSecret() },
          { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
        );
        // The settings may have changed or been removed while the sign-in window was open.
        const now = await connectionConfig.get();
        if (generation !== forgetCount || now?.instanceOrigin !== config.instanceOrigin || now?.clientId !== config.clientId) {
          await revoke(config.instanceOrigin, issued);
          throw new AppError('auth_failed', t('errSettingsChangedDuringSignIn'));
        }
        await secretStore.setTokens(issued);
        await authMemo.set({ ...(await authMemo.get()), reconnectNeeded: false, lastAuthError: undefined });
      } catch (error) {
        const appError = toAppError(error);
        if (AUTH_ERROR_CODES.includes(appError.code)) {
          await authMemo.set({ ...(await authMemo.get()), lastAuthError: appError.toJSON() });
        }
        connecting = false;
        // Show which step failed; the error itself goes back to the caller.
        await check().catch(() => undefined);
        throw appError;
      } finally {
        connecting = false;
      }
      return check();
    },

    disconnect: (opts: { keepConfig: boolean }) => forget(opts).then(publish),
  };

  /** Revokes both tokens at ServiceNow, best effort (it answers 200 whatever the token). */
  async function revoke(origin: string, tokens: { refreshToken: string; accessToken: string }): Promise<void> {
    await Promise.allSettled(
      [tokens.refreshToken, tokens.accessToken].map((token) =>
        serviceNowFetch(origin, '/oauth_revoke_token.do', { method: 'POST', query: { token }, timeoutMs: 5000 }),
      ),
    );
  }

  /** Revokes (best effort) and deletes tokens and cached data; optionally the settings too. */
  async function forget({ keepConfig, keepPermission = false }: { keepConfig: boolean; keepPermission?: boolean }): Promise<void> {
    forgetCount += 1;
    const [config, stored, memo] = await Promise.all([connectionConfig.get(), secretStore.getTokens(), authMemo.get()]);
    if (config && stored) await revoke(config.instanceOrigin, stored);
    await secretStore.deleteTokens();
    await Promise.allSettled(wipers.map((wipe) => wipe()));
    if (memo.grantedOrigin && !keepPermission) {
      await browser.permissions.remove({ origins: [`${memo.grantedOrigin}/*`] }).catch(() => false);
    }
    await authMemo.set({ reconnectNeeded: false, ...(keepPermission && memo.grantedOrigin ? { grantedOrigin: memo.grantedOrigin } : {}) });
    lastChecklist = undefined;
    if (!keepConfig) {
      await secretStore.deleteClientSecret();
      await connectionConfig.remove();
    }
  }
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
