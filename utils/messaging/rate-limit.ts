import { AppError } from '../errors';
import { t } from '../i18n';
import type { MessageName } from './protocol';

// The portal page's scripts can drive our in-page UI and its content-script world can send any
// message, so what costs the user or ServiceNow something is rate-limited for the portal sender:
// sign-in windows, checks against the instance, syncs. A token bucket per kind: a burst of
// `burst`, then one more every `refillMs`. Extension pages (popup, options) are not limited.

export type LimitedKind = 'connect' | 'check' | 'sync';

interface Bucket {
  burst: number;
  refillMs: number;
}

export const PORTAL_LIMITS: Record<LimitedKind, Bucket> = {
  // Ten sign-in windows, then one a minute.
  connect: { burst: 10, refillMs: 60_000 },
  // Checks (every provisioning page load runs one) and syncs each ask ServiceNow.
  check: { burst: 20, refillMs: 3_000 },
  sync: { burst: 10, refillMs: 6_000 },
};

/** Which limit a message counts against, if any. */
export function limitedKind(name: MessageName, payload: unknown): LimitedKind | null {
  if (name === 'connect') return 'connect';
  if (name === 'syncNow') return 'sync';
  if (name === 'getStatus' && (payload as { refresh?: unknown }).refresh === true) return 'check';
  return null;
}

export function createRateLimiter(limits: Record<LimitedKind, Bucket> = PORTAL_LIMITS, now: () => number = Date.now) {
  const state = new Map<LimitedKind, { tokens: number; at: number }>();
  return {
    /** Takes one token of this kind, or throws rate_limited with how long to wait. */
    take(kind: LimitedKind): void {
      const { burst, refillMs } = limits[kind];
      const time = now();
      const last = state.get(kind) ?? { tokens: burst, at: time };
      const tokens = Math.min(burst, last.tokens + (time - last.at) / refillMs);
      if (tokens < 1) {
        state.set(kind, { tokens, at: time });
        const retryAfter = Math.ceil(((1 - tokens) * refillMs) / 1000);
        throw new AppError('rate_limited', t('errPortalRateLimited', String(retryAfter)), { retryAfter });
      }
      state.set(kind, { tokens: tokens - 1, at: time });
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
