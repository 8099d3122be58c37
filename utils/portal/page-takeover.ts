import type { ComponentChild } from 'preact';
import { observe, onDomChange } from './observe';
import { reinsertionGuard } from './reinsertion';
import { MAIN } from './selectors';
import { createShadowUi } from './shadow-ui';

// Puts a view of ours at the top of the portal's main area and keeps it there: a re-render that
// drops it gets it back (reinsertion.ts: we never fight the portal's rendering). With `takeOver`,
// the portal's own content in main is hidden and shown again on abort.

export function mountInMain(
  id: string,
  content: ComponentChild,
  signal: AbortSignal,
  { takeOver = false }: { takeOver?: boolean } = {},
): void {
  if (signal.aborted) return;
  const ui = createShadowUi(id, content);
  const hidden = new Set<HTMLElement>();
  const placeInMain = () => {
    const main = document.querySelector(MAIN);
    if (main) place(main);
  };
  const mayReinsert = reinsertionGuard(placeInMain, signal);

  const place = (main: Element) => {
    if (ui.host.parentElement !== main) {
      if (ui.host.isConnected || mayReinsert()) main.prepend(ui.host);
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
  onDomChange(placeInMain, { signal });

  signal.addEventListener(
    'abort',
    () => {
      ui.remove();
      for (const element of hidden) element.hidden = false;
    },
    { once: true },
  );
}
