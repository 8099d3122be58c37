import browser from 'webextension-polyfill';
import type { ConnectionStatus, ServiceNowUser } from './connection/status';
import type { SerializedError } from './errors';

// Typed items over browser.storage. Nothing secret lives here: content scripts can read
// storage.local and storage.sync. Secrets are in utils/auth/secret-store.ts.

interface Item<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

function defineItem<T>(area: 'local' | 'sync', key: string, fallback: T): Item<T> {
  const storageArea = () => browser.storage[area];
  return {
    async get() {
      const stored = await storageArea().get(key);
      return key in stored ? (stored[key] as T) : fallback;
    },
    set: (value) => storageArea().set({ [key]: value }),
    remove: () => storageArea().remove(key),
    watch(callback) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, changedArea: string) => {
        if (changedArea === area && key in changes) {
          callback((changes[key]!.newValue as T | undefined) ?? fallback);
        }
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** The ServiceNow instance and OAuth client, per browser (the redirect URL is per browser too). */
export interface ConnectionConfig {
  instanceOrigin: string;
  instanceHost: string;
  isServiceNowCloud: boolean;
  clientId: string;
}

export const connectionConfig = defineItem<ConnectionConfig | null>('local', 'connection:v1', null);

/** Last known status, so the popup and pages can paint at once before the worker answers. */
export const cachedStatus = defineItem<ConnectionStatus | null>('local', 'status:v1', null);

/** What the worker remembers about the authorization (no secrets). */
export interface AuthMemo {
  reconnectNeeded: boolean;
  lastAuthError?: SerializedError;
  user?: ServiceNowUser;
  /** Host permission we asked for (custom domains), to drop it on disconnect. */
  grantedOrigin?: string;
}

export const authMemo = defineItem<AuthMemo>('local', 'auth:v1', { reconnectNeeded: false });
