import type { TicketType } from '../../utils/domain/ticket-type';
import type { SyncMeta, TableCache, TicketCache } from '../../utils/tickets/cache';

/** An in-memory ticket cache, for tests and benchmarks. */
export function createMemoryTicketCache(): TicketCache {
  const entries = new Map<TicketType, TableCache>();
  let meta: SyncMeta | undefined;
  return {
    read: async (table) => structuredClone(entries.get(table)),
    write: async (table, data) => void entries.set(table, structuredClone(data)),
    readMeta: async () => structuredClone(meta),
    writeMeta: async (next) => void (meta = structuredClone(next)),
    clear: async () => {
      entries.clear();
      meta = undefined;
    },
  };
}
