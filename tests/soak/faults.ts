// The soak's fault mix: every kind of issue 11 item 1, drawn by the stand-in's seeded schedule
// for each create (POST). Delays are scaled to the e2e build's limits
// (utils/servicenow/request-timeout.ts: 5 s request timeout, 3 s wait before the lookup after one).
export const CLIENT_TIMEOUT_MS = 5_000;
export const LOOKUP_GRACE_MS = 3_000;

/** Kinds whose record appears after the client gave up: the soak waits for them before judging. */
export const LATE_LABELS = ['late-create', 'late-create-after-lookup'];
/** The longest of their delays (below): after it, a late create has happened or never will. */
export const LATE_MAX_MS = CLIENT_TIMEOUT_MS + LOOKUP_GRACE_MS + 4_000;

export function faultMix(): { probability: number; kind: string; [key: string]: unknown }[] {
  return [
    { probability: 0.05, kind: 'status', status: 429, retryAfter: 1 },
    { probability: 0.04, kind: 'status', status: 500 },
    { probability: 0.04, kind: 'html', status: 503 },
    // Longer than the client's timeout, then the connection closes; nothing is created.
    { probability: 0.02, kind: 'hang', delayMs: CLIENT_TIMEOUT_MS + 1_000 },
    // Created after the client gave up, before its lookup: the lookup finds it.
    { probability: 0.02, kind: 'late-create', delayMs: CLIENT_TIMEOUT_MS + 1_000 },
    // Created after the lookup and the second create: two records, repaired by a sync.
    {
      probability: 0.01,
      kind: 'late-create',
      delayMs: LATE_MAX_MS,
      label: 'late-create-after-lookup',
    },
    // Created, then the connection closes before any answer byte (Chromium resends on a reused one).
    { probability: 0.03, kind: 'drop-before-answer' },
    // Created, then the answer breaks off half-way.
    { probability: 0.03, kind: 'drop-after' },
    { probability: 0.03, kind: 'expire-token' },
  ];
}
