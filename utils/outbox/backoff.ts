// When to try a failed send again: exponential backoff with jitter for network errors and 5xx,
// and ServiceNow's Retry-After (plus a little jitter) for 429.

const BASE_MS = 2_000;
const MAX_MS = 10 * 60_000;

export function retryDelayMs(attempts: number, retryAfterSeconds?: number, random = Math.random): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000 + Math.floor(random() * 1000);
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": at least half the ceiling, so retries never bunch at zero.
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
