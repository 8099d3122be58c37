import type { ComponentChild } from 'preact';
import { observe, onDomChange } from './observe';
import { MAIN } from './selectors';
import { createShadowUi } from './shadow-ui';

// Puts a view of ours at the top of the portal's main area and keeps it there: a re-render that
// drops it gets it back (up to a cap, so we never fight the portal forever). With `takeOver`,
// the portal's own content in main is hidden and shown again on abort.

const MAX_REINSERTS = 50;

export function mountInMain(
  id: string,
  content: ComponentChild,
  signal: AbortSignal,
  { takeOver = false }: { takeOver?: boolean } = {},
): void {
  if (signal.aborted) return;
  const ui = createShadowUi(id, content);
  const hidden = new Set<HTMLElement>();
  let reinserts = 0;

  const place = (main: Element) => {
    if (ui.host.parentElement !== main) {
      if (ui.host.isConnected || reinserts++ < MAX_REINSERTS) main.prepend(ui.host);
    }
    if (!takeOver) return;
    for (const child of main.children) {
      if (child !== ui.host && child instanceof HTMLElement && !child.hidden) {
        child.hidden = true;
        hidden.add(child);
      }
    }
  };

  observe(MAIN, place, { signal });
  onDomChange(() => {
    const main = document.querySelector(MAIN);
    if (main) place(main);
  }, { signal });

  signal.addEventListener('abort', () => {
    ui.remove();
    for (const element of hidden) element.hidden = false;
  }, { once: true });
}
