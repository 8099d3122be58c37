import { clear, get, set } from 'idb-keyval';
import { lazyStore } from '../storage/idb-store';
import type { Ticket } from '../domain/ticket';
import type { TicketType } from '../domain/ticket-type';

// The worker's ticket cache in IndexedDB (its own database, next to the secrets' one): one entry
// per ticket type holding all its tickets, the counts by state and the sync bookkeeping, written
// in one put after a sync has finished, so a failed sync never leaves a half-written cache; and
// one small entry of what the sync learned about the instance (SyncMeta).
// Content scripts cannot open it (they run in the portal's origin): views ask the worker.

export interface TableCache {
  tickets: Ticket[];
  /** Counts by state value, from the Aggregate API. */
  counts: Record<string, number>;
  /** X-Total-Count of the extension's tickets at the last sync. */
  total: number;
  /** The next incremental sync fetches tickets with sys_updated_on at or after this (UTC Glide date-time). */
  watermark?: string;
  /** A full load has finished; until then every sync is a full load. */
  complete: boolean;
  /** Last full id reconciliation (ms), see utils/sync/sync-engine.ts. */
  reconciledAt?: number;
}

/** What the sync remembers about the instance (not about tickets), see utils/sync/sync-engine.ts. */
export interface SyncMeta {
  /**
   * When the instance last refused reads of the parent table `task` (403/400/404) while the
   * ticket tables answered, or showed fewer of our tickets through task than through them (ms).
   * The sync then reads each ticket table on its own until it tries task again a day later.
   */
  taskRefusedAt?: number;
}

export interface TicketCache {
  read(table: TicketType): Promise<TableCache | undefined>;
  write(table: TicketType, data: TableCache): Promise<void>;
  readMeta(): Promise<SyncMeta | undefined>;
  writeMeta(meta: SyncMeta): Promise<void>;
  clear(): Promise<void>;
}

export function emptyTableCache(): TableCache {
  return { tickets: [], counts: {}, total: 0, complete: false };
}

const key = (table: TicketType) => `v1:${table}`;
const META_KEY = 'v1:meta';

export function createIdbTicketCache(): TicketCache {
  const store = lazyStore('snt-cache', 'tickets');
  return {
    read: (table) => get<TableCache>(key(table), store()),
    write: (table, data) => set(key(table), data, store()),
    readMeta: () => get<SyncMeta>(META_KEY, store()),
    writeMeta: (meta) => set(META_KEY, meta, store()),
    clear: () => clear(store()),
  };
}
