import { backoffDelay, type BackoffPolicy } from '../domain/backoff';

// When to try a failed send again: exponential backoff with jitter for network errors and 5xx,
// and ServiceNow's Retry-After (plus a little jitter) for 429.

const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000, retryAfterJitterMs: 1000 };

export function retryDelayMs(attempts: number, retryAfterSeconds?: number, random = Math.random): number {
  return backoffDelay(OUTBOX_BACKOFF, attempts, retryAfterSeconds, random);
}
