import {
  EXPANDED,
  LAYER,
  LIST_ROW,
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
