import { AppError } from '../errors';
import { t } from '../i18n';
import { secretStore, type StoredTokens } from './secret-store';
import { requestTokens, TokenGrantRefused, type ClientCredentials } from './token-endpoint';

// Hands out a valid access token: refreshes shortly before expiry and after a 401, with every
// concurrent caller sharing one refresh. A refused refresh means the user must reconnect.

/** ServiceNow's default refresh token lifespan (8,640,000 s); it is not extended on refresh. */
export const REFRESH_TOKEN_LIFETIME_MS = 100 * 24 * 3600 * 1000;
export const REFRESH_WARNING_MS = 7 * 24 * 3600 * 1000;
const EXPIRY_MARGIN_MS = 60 * 1000;

export interface TokenManagerDeps {
  loadClient(): Promise<ClientCredentials | null>;
  /** Called once when ServiceNow refuses the refresh token. */
  onRefreshRefused(): Promise<void>;
  now?: () => number;
}

export function refreshExpiresAt(tokens: StoredTokens): number {
  return tokens.refreshIssuedAt + REFRESH_TOKEN_LIFETIME_MS;
}

export function createTokenManager(deps: TokenManagerDeps) {
  const now = deps.now ?? Date.now;
  let refreshing: Promise<StoredTokens> | null = null;

  async function stored(): Promise<StoredTokens> {
    const tokens = await secretStore.getTokens();
    if (!tokens) throw new AppError('not_connected', t('errNotConnected'));
    // Tokens issued for other settings are never sent anywhere: drop them.
    const client = await deps.loadClient();
    if (tokens.origin && (tokens.origin !== client?.origin || tokens.clientId !== client.clientId)) {
      await secretStore.deleteTokens();
      throw new AppError('not_connected', t('errNotConnected'));
    }
    return tokens;
  }

  function refresh(current: StoredTokens): Promise<StoredTokens> {
    refreshing ??= (async () => {
      const client = await deps.loadClient();
      if (!client) throw new AppError('not_configured', t('errNotSetUp'));
      try {
        const tokens = await requestTokens(
          client,
          { grant_type: 'refresh_token', refresh_token: current.refreshToken },
          current,
        );
        // A disconnect while the refresh was under way wins: nothing is written back.
        const still = await secretStore.getTokens();
        if (still?.refreshToken !== current.refreshToken) throw new AppError('not_connected', t('errNotConnected'));
        await secretStore.setTokens(tokens);
        return tokens;
      } catch (error) {
        if (error instanceof TokenGrantRefused) {
          await secretStore.deleteTokens();
          await deps.onRefreshRefused();
        }
        throw error;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    /** ServiceNow refused a token that was just refreshed: the session is over. */
    async rejectSession(): Promise<void> {
      await secretStore.deleteTokens();
      await deps.onRefreshRefused();
    },
    /** A token valid for at least a minute. */
    async accessToken(): Promise<string> {
      if (refreshing) return (await refreshing).accessToken;
      const tokens = await stored();
      if (tokens.accessExpiresAt - now() > EXPIRY_MARGIN_MS) return tokens.accessToken;
      return (await refresh(tokens)).accessToken;
    },
    /** After a 401 with `rejected`: refresh, unless another caller already did. */
    async renewAfterRejection(rejected: string): Promise<string> {
      if (refreshing) return (await refreshing).accessToken;
      const tokens = await stored();
      if (tokens.accessToken !== rejected) return tokens.accessToken;
      return (await refresh(tokens)).accessToken;
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
