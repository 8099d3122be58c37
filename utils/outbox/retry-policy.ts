import type { AppError } from '../errors';
import { QUEUED_CREATE_GRACE_MS } from '../servicenow/request-timeout';
import { retryDelayMs } from './backoff';

// When the outbox tries an item again, and which failures mean the create may have happened.
// After a timeout the instance may still be working on the create (a queued request completes
// later): the lookup before any re-create waits at least QUEUED_CREATE_GRACE_MS, so it finds it.

export function nextDelayMs(attempts: number, error: AppError): number {
  const delay = retryDelayMs(attempts, error.extra.retryAfter);
  return error.code === 'timeout' ? Math.max(delay, QUEUED_CREATE_GRACE_MS) : delay;
}

/** Failures for want of a connection: retried by themselves after a (re)connect. */
export const AUTH_CODES: ReadonlySet<string> = new Set(['reconnect_needed', 'not_connected', 'not_configured']);
/** Errors after which the POST may have been carried out although no usable answer came back. */
export const POSSIBLY_CREATED: ReadonlySet<string> = new Set([
  'network',
  'timeout',
  'server_error',
  'instance_unreachable',
  'bad_response',
  'internal',
]);
