// How long one request to ServiceNow may take, and how long after a timeout the outbox waits
// before it looks the ticket up (an instance may finish a queued create after the client gave up).
// The e2e build (tests only, never shipped) uses short limits so the creation soak drives hangs
// and late creates through hundreds of tickets in minutes; the product waits 30 s and 20 s.
const E2E = import.meta.env.MODE === 'e2e';

export const REQUEST_TIMEOUT_MS = E2E ? 5_000 : 30_000;
export const QUEUED_CREATE_GRACE_MS = E2E ? 3_000 : 20_000;
