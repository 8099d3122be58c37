import { isActionId } from '../domain/correlation';
import { titleIds } from '../storage';

// Title ↔ actionId pairs learned from flyouts the user opened (the flyout's address carries the
// id), so that a list row whose markup carries no id can still be matched by its title. Kept in
// extension storage (shared by the portal tabs, out of the page's reach) and mirrored in memory,
// so lookups stay synchronous; bounded to the most recent pairs.

const LIMIT = 500;

const known = new Map<string, string>();
const listeners = new Set<() => void>();

function isPair(pair: unknown): pair is [string, string] {
  return Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string' && isActionId(pair[1]);
}

function adopt(stored: unknown): void {
  if (!Array.isArray(stored)) return;
  let changed = false;
  for (const pair of stored.filter(isPair)) {
    if (known.get(pair[0]) === pair[1]) continue;
    known.set(pair[0], pair[1]);
    changed = true;
  }
  if (changed) for (const listener of listeners) listener();
}

let loading: Promise<void> | undefined;

/** Loads the stored pairs once and follows other tabs' additions; `changed` runs when new pairs arrive. */
export function loadTitleIds(changed?: () => void): { ready: Promise<void>; stop: () => void } {
  if (changed) listeners.add(changed);
  loading ??= titleIds.get().then(adopt, () => undefined);
  const unwatch = titleIds.watch(adopt);
  return {
    ready: loading,
    stop: () => {
      unwatch();
      if (changed) listeners.delete(changed);
    },
  };
}

export function rememberTitle(title: string, id: string): void {
  if (!title || !isActionId(id) || known.get(title) === id) return;
  known.delete(title);
  known.set(title, id);
  while (known.size > LIMIT) known.delete(known.keys().next().value!);
  // After the stored pairs are in (so they are not overwritten); storage full or the extension
  // reloaded: the in-memory map still serves this page.
  void (loading ?? Promise.resolve()).then(() => titleIds.set([...known])).catch(() => undefined);
}

export function idForTitle(title: string): string | null {
  return (title && known.get(title)) || null;
}

/** Forget every pair (tests, and the user's "clear local data"). */
export function forgetTitles(): Promise<void> {
  known.clear();
  loading = undefined;
  return titleIds.remove().catch(() => undefined);
}
