// When to try again after a failure: exponential backoff with "equal jitter" (at least half the
// ceiling, so retries never bunch at zero), or the server's Retry-After plus a little jitter.

export interface BackoffPolicy {
  /** Ceiling of the first retry. */
  baseMs: number;
  /** The ceiling stops doubling here. */
  maxMs: number;
  /** Jitter added to a Retry-After. */
  retryAfterJitterMs: number;
  /** A Retry-After is never taken shorter than this. */
  retryAfterMinMs?: number;
}

/** Wait before retry number `attempt` (1 for the first retry). */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== undefined) {
    return (
      Math.max(retryAfterSeconds * 1000, policy.retryAfterMinMs ?? 0) + Math.floor(random() * policy.retryAfterJitterMs)
    );
  }
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
