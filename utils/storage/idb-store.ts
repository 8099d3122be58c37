import { createStore, type UseStore } from 'idb-keyval';

/**
 * An idb-keyval store of the extension origin, opened on first use (not at import, so merely
 * loading a module costs no IndexedDB connection) and then kept.
 */
export function lazyStore(database: string, objectStore: string): () => UseStore {
  let opened: UseStore | undefined;
  return () => (opened ??= createStore(database, objectStore));
}
