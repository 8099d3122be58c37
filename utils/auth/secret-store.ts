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

/** The instance and OAuth client a client secret was entered for: it is only ever sent there. */
export interface SecretBinding {
  origin: string;
  clientId: string;
}

interface BoundSecret extends SecretBinding {
  secret: string;
}

/** The stored secret for one instance and client: none, this one, or one entered for other settings. */
export type ClientSecretLookup = { state: 'none' } | { state: 'bound'; secret: string } | { state: 'other' };

const store = lazyStore('snt-secrets', 'secrets');

const sameBinding = (a: SecretBinding, b: SecretBinding) => a.origin === b.origin && a.clientId === b.clientId;

export const secretStore = {
  getTokens: () => get<StoredTokens>('tokens', store()),
  setTokens: (tokens: StoredTokens) => set('tokens', tokens, store()),
  deleteTokens: () => del('tokens', store()),
  /** The secret for these settings; a secret bound to other settings is never handed out. */
  async clientSecretFor(binding: SecretBinding): Promise<ClientSecretLookup> {
    const stored = await get<BoundSecret | string>('clientSecret', store());
    if (stored === undefined) return { state: 'none' };
    if (typeof stored === 'string') {
      // Stored unbound by an older version: bind it to the settings it is first used with
      // (those now come from the extension-origin settings store, which pages cannot write).
      await set('clientSecret', { ...binding, secret: stored } satisfies BoundSecret, store());
      return { state: 'bound', secret: stored };
    }
    return sameBinding(stored, binding) ? { state: 'bound', secret: stored.secret } : { state: 'other' };
  },
  setClientSecret: (secret: string, binding: SecretBinding) =>
    set('clientSecret', { origin: binding.origin, clientId: binding.clientId, secret } satisfies BoundSecret, store()),
  deleteClientSecret: () => del('clientSecret', store()),
  clearAll: () => clear(store()),
};

/** The binding of a connection's settings. */
export const bindingOf = (config: { instanceOrigin: string; clientId: string }): SecretBinding => ({
  origin: config.instanceOrigin,
  clientId: config.clientId,
});
