import { HEADING, MAIN, OUR_HOST, PAGE_HEADING } from './selectors';

// The portal's home card grid, found by structure alone (F3.1): the container in main whose
// children are at least three similar boxes that each hold a heading, laid out as a CSS grid or a
// wrapping flex row (or marked up as a role=list of listitems). No class names, test ids or text:
// the portal renders it as a role=list today, as plain divs or as a Fluent Stack tomorrow.

export const MIN_CARDS = 3;

export interface CardGrid {
  grid: HTMLElement;
  /** The portal's own cards, in document order (ours excluded). */
  cards: HTMLElement[];
}

/** What makes boxes "similar": element, role, and the kind of heading they hold. */
function signature(box: Element): string {
  const heading = box.querySelector(HEADING);
  return [box.localName, box.getAttribute('role') ?? '', heading?.localName, heading?.getAttribute('aria-level')].join(
    '|',
  );
}

/** Cards side by side: a CSS grid, a flex row that wraps, or an explicit list of list items. */
export function isCardLayout(container: HTMLElement, cards: readonly Element[]): boolean {
  const style = getComputedStyle(container);
  if (style.display.includes('grid')) return true;
  if (style.display.includes('flex'))
    return style.flexWrap.startsWith('wrap') && !style.flexDirection.startsWith('column');
  return container.getAttribute('role') === 'list' && cards.every((c) => c.getAttribute('role') === 'listitem');
}

/** Every container in `main` with the heading-holding boxes among its children. */
function boxesByContainer(main: Element): Map<HTMLElement, Set<HTMLElement>> {
  const found = new Map<HTMLElement, Set<HTMLElement>>();
  for (const heading of main.querySelectorAll(HEADING)) {
    for (let box = heading; box !== main; box = box.parentElement!) {
      const parent = box.parentElement;
      if (!(parent instanceof HTMLElement) || !(box instanceof HTMLElement)) break;
      // A heading on its own (the page heading, a section title) is not a card.
      if (box !== heading) {
        const boxes = found.get(parent) ?? new Set();
        found.set(parent, boxes.add(box));
      }
      if (parent === main) break;
    }
  }
  return found;
}

/** The largest group of similar boxes (in document order: boxes are added heading by heading). */
function similarBoxes(boxes: Iterable<HTMLElement>): HTMLElement[] {
  const groups = new Map<string, HTMLElement[]>();
  for (const box of boxes) {
    if (box.localName === OUR_HOST) continue;
    const key = signature(box);
    groups.set(key, [...(groups.get(key) ?? []), box]);
  }
  return [...groups.values()].reduce<HTMLElement[]>((best, group) => (group.length > best.length ? group : best), []);
}

export function findCardGrid(root: ParentNode = document): CardGrid | null {
  const main = root.querySelector(MAIN);
  if (!main) return null;
  let best: CardGrid | null = null;
  for (const [container, boxes] of boxesByContainer(main)) {
    const cards = similarBoxes(boxes);
    if (cards.length < MIN_CARDS || !isCardLayout(container, cards)) continue;
    // More cards wins; on a tie the inner container (the cards' own parent).
    if (
      !best ||
      cards.length > best.cards.length ||
      (cards.length === best.cards.length && best.grid.contains(container))
    )
      best = { grid: container, cards };
  }
  return best;
}

/** The page's own heading in main (h1 or aria-level 1), if the page shows one. */
export function findPageHeading(root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`:is(${MAIN}) :is(${PAGE_HEADING})`);
}
