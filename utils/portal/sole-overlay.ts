// One overlay per content-script world. The same copy of the script can start twice in one page
// (the worker puts it into tabs open before an install or update, utils/worker/overlay-takeover.ts,
// while the browser injects it into a tab still loading). A reloaded extension's script gets a
// world of its own in Chromium; WXT's "script started" event, sent through the shared document,
// stops the old copy there. Within one world this does it regardless, before the new copy looks
// for leftovers, so the old copy's UI is gone and the new one's is never taken for a leftover.
const RUNNING = Symbol.for('servicenow-tickets/overlay');
type World = typeof globalThis & { [RUNNING]?: AbortController };

/** The running copy's lifetime: aborted with WXT's, or when a newer copy starts in this world. */
export function soleOverlay(wxtLifetime: AbortSignal): AbortSignal {
  const world = globalThis as World;
  world[RUNNING]?.abort();
  const own = new AbortController();
  world[RUNNING] = own;
  wxtLifetime.addEventListener('abort', () => own.abort(), { once: true });
  if (wxtLifetime.aborted) own.abort();
  return own.signal;
}
