import type { ComponentChild } from 'preact';
import { findCardGrid, findPageHeading, type CardGrid } from './home-grid';
import { onDomChange } from './observe';
import { whenPageSettled } from './page-settled';
import { reinsertionGuard } from './reinsertion';
import { MAIN, OUR_HOST } from './selectors';
import { createShadowUi } from './shadow-ui';

// Puts a card of ours into the portal's home card grid (found by structure, home-grid.ts) as a
// sibling after the native cards, in a stable order among our cards, and keeps it there across
// re-renders (reinsertion.ts says how often). It copies the look of a native card (background,
// corners, shadow, padding), so it matches the portal's cards whatever their classes are. The
// DOM observer checks once per frame, so the card lands within a frame of the grid appearing.
// Without a grid (the portal changed), it goes right below the page heading once the page has
// settled (page-settled.ts), never above it, and a development build warns.

const COPIED = ['backgroundColor', 'borderRadius', 'boxShadow', 'border', 'padding', 'minHeight'] as const;

export interface CardGridOptions {
  /** Our cards are placed by ascending order. */
  order: number;
  /** Copy a native card's look onto the host (off for content that brings its own card chrome). */
  adoptLook?: boolean;
}

const orderOf = (element: Element) =>
  element instanceof HTMLElement && element.localName === OUR_HOST ? Number(element.dataset.sntOrder) : NaN;

/**
 * The element our card must follow: `anchor`, or the last of our lower-ordered cards right after
 * it. With `anchor` null, among the first children of `parent` (null: the very start).
 */
function expectedPrevious(anchor: Element | null, host: Element, order: number, parent?: Element): Element | null {
  let previous = anchor;
  for (
    let next = anchor ? anchor.nextElementSibling : parent!.firstElementChild;
    next;
    next = next.nextElementSibling
  ) {
    if (next === host) continue;
    if (!(orderOf(next) < order)) break;
    previous = next;
  }
  return previous;
}

export function mountInCardGrid(
  id: string,
  content: ComponentChild,
  signal: AbortSignal,
  { order, adoptLook: adopt = true }: CardGridOptions,
): void {
  if (signal.aborted) return;
  const ui = createShadowUi(id, content);
  ui.host.dataset.sntOrder = String(order);
  const mayReinsert = reinsertionGuard(place, signal);
  let settled = false;
  /** The native card whose look the host has, or 'fallback' below the heading. */
  let lookFrom: Element | 'fallback' | null = null;

  function adoptLook({ grid, cards }: CardGrid) {
    const native = cards[0]!;
    if (lookFrom === native) return;
    lookFrom = native;
    ui.host.style.margin = '';
    if (grid.getAttribute('role') === 'list') ui.host.setAttribute('role', 'listitem');
    else ui.host.removeAttribute('role');
    if (!adopt) return;
    const style = getComputedStyle(native);
    for (const property of COPIED) ui.host.style[property] = style[property];
    ui.host.style.display = 'block';
    ui.host.style.boxSizing = 'border-box';
  }

  function fallbackLook() {
    if (lookFrom === 'fallback') return;
    lookFrom = 'fallback';
    ui.host.removeAttribute('role');
    ui.host.style.margin = '0 0 16px';
  }

  function moveAfter(previous: Element | null, parent: Element) {
    if (ui.host.parentElement === parent && ui.host.previousElementSibling === previous) return;
    if (!mayReinsert()) return;
    if (previous) previous.after(ui.host);
    else parent.prepend(ui.host);
  }

  function place() {
    if (signal.aborted) return;
    const found = findCardGrid(document);
    if (found) {
      adoptLook(found);
      return moveAfter(expectedPrevious(found.cards.at(-1)!, ui.host, order), found.grid);
    }
    if (!settled) return;
    const main = document.querySelector(MAIN);
    if (!main) return;
    fallbackLook();
    // Right below the page heading; on a page without one, at the top of main.
    const heading = findPageHeading(document);
    const parent = heading?.parentElement ?? main;
    moveAfter(expectedPrevious(heading, ui.host, order, parent), parent);
  }

  onDomChange(place, { signal });
  whenPageSettled(() => {
    settled = true;
    if (!findCardGrid(document) && (import.meta.env.DEV || import.meta.env.MODE === 'e2e'))
      console.warn('[ServiceNow Tickets] home card grid not found; showing the card below the page heading');
    place();
  }, signal);
  signal.addEventListener('abort', () => ui.remove(), { once: true });
}
