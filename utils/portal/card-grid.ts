import type { ComponentChild } from 'preact';
import { observe, onDomChange } from './observe';
import { reinsertionGuard } from './reinsertion';
import { findHomeCardGrid, HOME_CARD, MAIN } from './selectors';
import { createShadowUi } from './shadow-ui';

// Puts a card of ours into the portal's home card grid as one more role=listitem, in a stable
// order among our cards, and keeps it there across re-renders (reinsertion.ts says how often).
// It copies the look of a native card (background, corners, shadow, padding), so it matches the
// portal's cards whatever their classes are. Without a grid (the portal changed), it goes to the
// top of main after a while, and a development build warns.

const NO_GRID_FALLBACK_MS = 8000;
const COPIED = ['backgroundColor', 'borderRadius', 'boxShadow', 'border', 'padding', 'minHeight'] as const;

export interface CardGridOptions {
  /** Our cards are placed by ascending order. */
  order: number;
  /** Copy a native card's look onto the host (off for content that brings its own card chrome). */
  adoptLook?: boolean;
}

export function mountInCardGrid(
  id: string,
  content: ComponentChild,
  signal: AbortSignal,
  { order, adoptLook: adopt = true }: CardGridOptions,
): void {
  if (signal.aborted) return;
  const ui = createShadowUi(id, content);
  ui.host.setAttribute('role', 'listitem');
  ui.host.dataset.sntOrder = String(order);
  const mayReinsert = reinsertionGuard(place, signal);
  let fallback = false;
  const timer = setTimeout(() => {
    fallback = true;
    if (import.meta.env.DEV || import.meta.env.MODE === 'e2e')
      console.warn('[ServiceNow Tickets] home card grid not found; showing the card at the top of the page');
    place();
  }, NO_GRID_FALLBACK_MS);

  function adoptLook(grid: Element) {
    const native = grid.querySelector(HOME_CARD);
    if (!native) return;
    const style = getComputedStyle(native);
    for (const property of COPIED) ui.host.style[property] = style[property];
    ui.host.style.display = 'block';
    ui.host.style.boxSizing = 'border-box';
  }

  function place() {
    const grid = findHomeCardGrid(document);
    const parent = grid ?? (fallback ? document.querySelector(MAIN) : null);
    if (!parent) return;
    if (grid) clearTimeout(timer);
    if (ui.host.parentElement === parent || !mayReinsert()) return;
    if (grid && adopt) adoptLook(grid);
    else ui.host.style.margin = '0 0 16px';
    // In the grid: before the first of our cards with a higher order, else at the end.
    const next = grid
      ? ([...parent.children].find((c) => c instanceof HTMLElement && Number(c.dataset.sntOrder) > order) ?? null)
      : parent.firstElementChild;
    parent.insertBefore(ui.host, next);
  }

  observe(MAIN, place, { signal });
  onDomChange(place, { signal });
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      ui.remove();
    },
    { once: true },
  );
}
