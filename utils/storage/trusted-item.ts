import { del, get, set } from 'idb-keyval';
import browser from 'webextension-polyfill';
import { lazyStore } from './idb-store';

// Settings the worker trusts for where it sends the client secret and tickets (the instance,
// the client, the host permission it asked for) live in IndexedDB of the extension origin:
// any code in the content-script world can write storage.local, never this database.

/** Keys that older versions kept in storage.local; moved here once, then deleted there. */
const LEGACY_KEYS = ['connection:v1', 'auth:v1'];
const MIGRATED = 'migratedFromStorageLocal';

const store = lazyStore('snt-settings', 'settings');

export interface TrustedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

async function migrate(): Promise<void> {
  if (await get<boolean>(MIGRATED, store())) return;
  const legacy = await browser.storage.local.get(LEGACY_KEYS);
  for (const key of LEGACY_KEYS) {
    if (legacy[key] !== undefined && (await get(key, store())) === undefined) await set(key, legacy[key], store());
  }
  // From now on storage.local is never read for these keys, whatever a content script writes there.
  await set(MIGRATED, true, store());
  await browser.storage.local.remove(LEGACY_KEYS);
}

let migration: Promise<void> | undefined;
function migrated(): Promise<void> {
  migration ??= migrate().catch((error: unknown) => {
    migration = undefined;
    throw error;
  });
  return migration;
}

/** A typed value in the extension-origin settings database (worker and extension pages only). */
export function defineTrustedItem<T>(key: string, fallback: T): TrustedItem<T> {
  return {
    async get() {
      await migrated();
      const stored = await get<T>(key, store());
      return stored === undefined ? fallback : stored;
    },
    async set(value) {
      await migrated();
      await set(key, value, store());
    },
    async remove() {
      await migrated();
      await del(key, store());
    },
  };
}
