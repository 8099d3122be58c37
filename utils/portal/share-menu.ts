import {
  EXPANDED,
  LAYER,
  LIST_ROW,
  MAIN,
  MENU_CONTAINER,
  MENU_ITEM_BUTTON,
  MENU_LIST,
  SHARE_ITEM_ICONS,
  icon,
} from './selectors';

// Which open menus are Share menus of an improvement action, by structure: the menu
// opened by a button whose icon is Share (aria-controls names its container), or the submenu
// opened by a menu item whose icon is Share (the next menu layer: Fluent gives a submenu the
// same id as its parent menu, so ids cannot tell them apart). No text is read, so it works in
// every language.

export interface ShareMenu {
  /** The menu container (role=menu). */
  menu: Element;
  /** The list our item goes into. */
  list: Element;
  /** The Share button or Share menu item that opened it. */
  opener: Element;
  /** Where the Share command lives: the action's flyout, or a row's "…" menu. */
  origin: 'flyout' | 'row';
  /** The list row for origin 'row'. */
  row: Element | null;
}

function isShareOpener(element: Element): boolean {
  const own = element.querySelector(icon('Share'));
  // The Share icon must belong to this control, not to something nested deeper in a menu.
  return own !== null && own.closest(MENU_ITEM_BUTTON + ', button') === element;
}

function menuIn(element: Element | null): Element | null {
  if (!element) return null;
  return element.matches(MENU_CONTAINER) ? element : element.querySelector(MENU_CONTAINER);
}

/** The menu layer that comes after `layer` in document order (a submenu opens in the next layer). */
function nextMenuAfter(layer: Element, root: ParentNode): Element | null {
  let seen = false;
  for (const candidate of root.querySelectorAll(LAYER)) {
    if (candidate === layer) {
      seen = true;
      continue;
    }
    if (seen && !candidate.contains(layer)) {
      const menu = menuIn(candidate);
      if (menu) return menu;
    }
  }
  return null;
}

function menuLabelledBy(opener: Element, root: ParentNode): Element | null {
  for (const menu of root.querySelectorAll(MENU_CONTAINER)) {
    const ids = (menu.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    if (ids.some((id) => opener.id === id || opener.querySelector(`[id="${CSS.escape(id)}"]`))) return menu;
  }
  return null;
}

function onlyOpenMenu(root: ParentNode): Element | null {
  const menus = root.querySelectorAll(MENU_CONTAINER);
  return menus.length === 1 ? menus[0]! : null;
}

/** The row whose "…" button opened the menu holding a Share submenu item. */
function rowOfOpenRowMenu(root: ParentNode): Element | null {
  for (const button of root.querySelectorAll(EXPANDED)) {
    const row = button.closest(LIST_ROW);
    if (row && !button.closest(MENU_CONTAINER)) return row;
  }
  return null;
}

function looksLikeShareMenu(menu: Element): boolean {
  if (!menu.querySelector(MENU_ITEM_BUTTON)) return false;
  // The built-in items' icons confirm it; a tenant may show other items, so absence is tolerated
  // when the structure was unambiguous.
  return (
    SHARE_ITEM_ICONS.some((name) => menu.querySelector(icon(name))) ||
    menu.querySelectorAll(MENU_ITEM_BUTTON).length > 0
  );
}

export function findOpenShareMenus(root: Document | Element = document): ShareMenu[] {
  const found: ShareMenu[] = [];
  for (const opener of root.querySelectorAll(EXPANDED)) {
    if (!isShareOpener(opener)) continue;
    const parentMenu = opener.closest(MENU_CONTAINER);
    let menu: Element | null;
    if (parentMenu) {
      const layer = opener.closest(LAYER);
      menu = layer ? nextMenuAfter(layer, root) : null;
    } else {
      const controls = opener.getAttribute('aria-controls');
      const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
      // aria-controls first; builds without it: the menu labelled by the button's own label, or
      // the only menu open.
      menu =
        menuIn(controls ? doc.getElementById(controls) : null) ?? menuLabelledBy(opener, root) ?? onlyOpenMenu(root);
    }
    if (!menu || menu === parentMenu || !looksLikeShareMenu(menu)) continue;
    const list = menu.querySelector(MENU_LIST) ?? menu.querySelector('ul');
    if (!list) continue;
    const row = parentMenu ? rowOfOpenRowMenu(root) : null;
    found.push({ menu, list, opener, origin: parentMenu ? 'row' : 'flyout', row });
  }
  return found;
}

/**
 * Whether a batch of mutations may have opened a menu or changed an open one's items, so Share
 * menus are worth looking for at once: an opener's aria-expanded flipped, nodes changed inside a
 * menu, or a menu was added outside the page's main region (Fluent renders menus in layers at
 * the end of body). Nodes added inside `main` (a list re-rendering its rows) are not searched: a
 * menu rendered there in place still flips its opener's aria-expanded. Where a target is, is
 * worked out once per batch (a list appends many rows to one parent). Our own item's insertion
 * changes a menu too; the check it causes finds everything in place and does nothing.
 */
export function mayShowMenu(records: MutationRecord[]): boolean {
  const places = new Map<Node, 'menu' | 'main' | 'elsewhere'>();
  for (const record of records) {
    if (record.type === 'attributes') return true;
    if (record.addedNodes.length === 0) continue;
    let place = places.get(record.target);
    if (!place) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      place = target?.closest(MENU_CONTAINER) ? 'menu' : !target || target.closest(MAIN) ? 'main' : 'elsewhere';
      places.set(record.target, place);
    }
    if (place === 'menu') return true;
    if (place === 'main') continue;
    // Many nodes at once (a widget refilling itself): one search of their parent is cheaper
    // than touching each node (every node a content script touches gets a wrapper of its own).
    if (record.addedNodes.length > MAX_NODES_SEARCHED) {
      if (record.target instanceof Element && record.target.querySelector(MENU_CONTAINER)) return true;
      continue;
    }
    for (const node of record.addedNodes) if (node instanceof Element && holdsMenu(node)) return true;
  }
  return false;
}

const MAX_NODES_SEARCHED = 8;

/** Is or contains a menu; cheap for the many childless nodes a widget refilling itself adds. */
function holdsMenu(node: Element): boolean {
  if (node.hasAttribute('role') && node.matches(MENU_CONTAINER)) return true;
  return node.firstElementChild !== null && node.querySelector(MENU_CONTAINER) !== null;
}
