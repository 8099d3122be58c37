import type { SyncReason } from './sync-service';

// For worker code that is not handed the sync service (the outbox after it created a ticket):
// `requestSync()` fetches the new ticket, and whatever else changed, into the cache. It does
// nothing until the worker has provided its sync service, and nothing outside the worker.

type Requester = (reason: SyncReason) => Promise<unknown>;
let requester: Requester | undefined;

export function provideSync(request: Requester): void {
  requester = request;
}

/** Ask for a sync soon (coalesced with a running one); resolves when it has finished. */
export async function requestSync(reason: SyncReason = 'created'): Promise<void> {
  if (requester) await requester(reason).catch(() => undefined);
}
