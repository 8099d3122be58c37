import { del, get, set, clear } from 'idb-keyval';
import { lazyStore } from '../storage/idb-store';

// Secrets (OAuth tokens, client secret) live in IndexedDB of the extension origin, written and
// read only by the background worker. Content scripts run in the portal's origin and cannot
// open this database; no message ever returns its contents.

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** ms since epoch */
  accessExpiresAt: number;
  /** When the refresh token was issued; ServiceNow neither rotates nor extends it. */
  refreshIssuedAt: number;
  /** Who issued them: tokens are only ever sent back to this instance, for this client. */
  origin?: string;
  clientId?: string;
}

const store = lazyStore('snt-secrets', 'secrets');

export const secretStore = {
  getTokens: () => get<StoredTokens>('tokens', store()),
  setTokens: (tokens: StoredTokens) => set('tokens', tokens, store()),
  deleteTokens: () => del('tokens', store()),
  getClientSecret: () => get<string>('clientSecret', store()),
  setClientSecret: (secret: string) => set('clientSecret', secret, store()),
  deleteClientSecret: () => del('clientSecret', store()),
  clearAll: () => clear(store()),
};
