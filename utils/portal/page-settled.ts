import { LOADING, MAIN } from './selectors';

// "The page has settled": main is there, shows no spinner, and has not changed for a few frames.
// A signal instead of a fixed wait, so a fallback placement happens as soon as the portal has
// finished rendering (a few tens of milliseconds on an idle page) and never while it still loads.

export const QUIET_FRAMES = 3;

/** Calls `settled` once, the first time main is quiet for `quietFrames` frames with nothing loading. */
export function whenPageSettled(settled: () => void, signal: AbortSignal, quietFrames = QUIET_FRAMES): void {
  if (signal.aborted) return;
  let changed = true;
  let quiet = 0;
  let frame = 0;
  let main: Element | null = null;
  // Changes outside main (menus, layers, other widgets) do not keep the page "busy".
  const observer = new MutationObserver((records) => {
    if (main && records.some((r) => main!.contains(r.target))) changed = true;
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const stop = () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
  const tick = () => {
    const current = document.querySelector(MAIN);
    if (current !== main) changed = true;
    main = current;
    quiet = changed || !main || main.querySelector(LOADING) ? 0 : quiet + 1;
    changed = false;
    if (quiet >= quietFrames) {
      stop();
      settled();
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  signal.addEventListener('abort', stop, { once: true });
}
