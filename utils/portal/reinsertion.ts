// How often our UI may be put back after the portal's re-renders removed it. A lifetime cap
// would give up for good on a page that re-renders a lot but harmlessly; instead, as Dark
// Reader's watchForNodePosition does, more than `max` re-insertions within `windowMs` mean we
// are fighting the portal, so we stop for `pauseMs` and then try once more (`retry`).

export interface ReinsertionOptions {
  max: number;
  windowMs: number;
  pauseMs: number;
}

/**
 * The imitation portal re-renders everything every 150 ms in tests (about 33 times in 5 s), as
 * the real one does on data refreshes, only faster; a fight with the portal's own rendering
 * runs at frame rate (about 300 times in 5 s).
 */
export const DEFAULT_REINSERTION: ReinsertionOptions = { max: 50, windowMs: 5_000, pauseMs: 2_000 };

/** Returns `mayReinsert()`: true while re-inserting is allowed (each true counts as one). */
export function reinsertionGuard(
  retry: () => void,
  signal: AbortSignal,
  { max, windowMs, pauseMs }: ReinsertionOptions = DEFAULT_REINSERTION,
  now: () => number = Date.now,
): () => boolean {
  let windowStart = -Infinity;
  let count = 0;
  let paused: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(paused), { once: true });
  return () => {
    if (paused !== undefined || signal.aborted) return false;
    if (now() - windowStart >= windowMs) {
      windowStart = now();
      count = 0;
    }
    if (count < max) {
      count++;
      return true;
    }
    if (import.meta.env.DEV || import.meta.env.MODE === 'e2e')
      console.warn('[ServiceNow Tickets] the portal keeps removing our UI; pausing');
    paused = setTimeout(() => {
      paused = undefined;
      windowStart = -Infinity;
      retry();
    }, pauseMs);
    return false;
  };
}
