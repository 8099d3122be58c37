import { duplicateNotices, type DuplicateNotice } from '../storage';
import type { RetiredDuplicate } from './request-records';

// Remembers retired duplicates for the popup's notice; each at most once, the newest few.

const MAX_NOTICES = 20;

// The worker reports retirements without waiting, and two can come at once (two outbox items
// verified together, or a sync and a create): each read-modify-write waits for the one before,
// or the later write would drop the earlier one's notice.
let queue: Promise<unknown> = Promise.resolve();

export function rememberRetired(retired: readonly RetiredDuplicate[]): Promise<void> {
  const next = queue.then(() => addNotices(retired));
  queue = next.catch(() => undefined);
  return next;
}

async function addNotices(retired: readonly RetiredDuplicate[]): Promise<void> {
  const notices = await duplicateNotices.get();
  const known = new Set(notices.map((n) => n.sysId));
  const added: DuplicateNotice[] = retired
    .filter((r) => !known.has(r.sysId))
    .map((r) => ({ number: r.number, sysId: r.sysId, keptNumber: r.keptNumber }));
  if (added.length > 0) await duplicateNotices.set([...notices, ...added].slice(-MAX_NOTICES));
}
