import { duplicateNotices, type DuplicateNotice } from '../storage';
import type { RetiredDuplicate } from './request-records';

// Remembers retired duplicates for the popup's notice; each at most once, the newest few.

const MAX_NOTICES = 20;

export async function rememberRetired(retired: readonly RetiredDuplicate[]): Promise<void> {
  const notices = await duplicateNotices.get();
  const known = new Set(notices.map((n) => n.sysId));
  const added: DuplicateNotice[] = retired
    .filter((r) => !known.has(r.sysId))
    .map((r) => ({ number: r.number, sysId: r.sysId, keptNumber: r.keptNumber }));
  if (added.length > 0) await duplicateNotices.set([...notices, ...added].slice(-MAX_NOTICES));
}
