import { isActionId } from '../domain/correlation';

// Title ↔ actionId pairs learned from flyouts the user opened (the flyout's address carries the
// id), so that a list row whose markup carries no id can still be matched by its title. Kept in
// this page's memory and in sessionStorage of the portal origin, bounded to the most recent pairs.

const KEY = 'snt-title-ids';
const LIMIT = 500;

function load(): Map<string, string> {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    const pairs = raw ? (JSON.parse(raw) as unknown) : [];
    if (!Array.isArray(pairs)) return new Map();
    return new Map(
      pairs.filter(
        (p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && isActionId(String(p[1])),
      ),
    );
  } catch {
    return new Map();
  }
}

const known = load();

export function rememberTitle(title: string, id: string): void {
  if (!title || !isActionId(id)) return;
  known.delete(title);
  known.set(title, id);
  while (known.size > LIMIT) known.delete(known.keys().next().value!);
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify([...known]));
  } catch {
    // Storage full or blocked: the in-memory map still serves this page.
  }
}

export function idForTitle(title: string): string | null {
  return known.get(title) ?? null;
}

/** Forget every pair (tests, and the user's "clear local data"). */
export function forgetTitles(): void {
  known.clear();
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
