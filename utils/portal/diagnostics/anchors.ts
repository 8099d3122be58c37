import type {
  ActionFieldName,
  ActionsListAnchors,
  FlyoutAnchors,
  HomeAnchors,
  ShareMenuState,
} from '@/utils/domain/portal-diagnostics';
import { actionIdFromUrl, readFlyout, rowActionId } from '../action-reader';
import { EXPANDED, icon, LIST_ROW, MAIN, MENU_CONTAINER, PANEL, findShareButtons } from '../selectors';
import { findOpenShareMenus } from '../share-menu';

// Which of the anchors the overlay depends on are on the page right now, by the same code the
// features use (selectors, share-menu, action-reader), so the report says what the overlay saw.

const HEADING = 'h1, h2, h3, h4, [role="heading"]';
/** Our cards in the home page (card-grid.ts gives each host its order). */
const OUR_CARD = 'snt-ui[data-snt-order]';

/** A Share menu open right now in `scope` ('flyout': opened in the panel; 'row': a row's submenu). */
export function shareMenuNow(origin: 'flyout' | 'row', root: Document = document): ShareMenuState {
  const openers = [...root.querySelectorAll(EXPANDED)].filter((opener) => {
    const own = opener.querySelector(icon('Share'));
    if (!own || own.closest('[role="menuitem"], button') !== opener) return false;
    return origin === 'row' ? opener.closest(MENU_CONTAINER) !== null : opener.closest(PANEL) !== null;
  });
  if (openers.length === 0) return 'notOpened';
  const recognised = new Set(findOpenShareMenus(root).map((menu) => menu.opener));
  return openers.some((opener) => recognised.has(opener)) ? 'recognised' : 'notRecognised';
}

/** A visit's Share menu state: once recognised it stays so; an opened menu never recognised counts. */
export function mergeShareMenu(before: ShareMenuState, now: ShareMenuState): ShareMenuState {
  if (before === 'recognised' || now === 'recognised') return 'recognised';
  return before === 'notRecognised' || now === 'notRecognised' ? 'notRecognised' : 'notOpened';
}

/** The open flyout's anchors, or null when no flyout of an action is open. */
export function flyoutAnchors(root: Document = document, href = location.href): FlyoutAnchors | null {
  const panel = root.querySelector(PANEL);
  if (!panel || !actionIdFromUrl(href)) return null;
  return {
    shareButton: findShareButtons(panel).length > 0,
    shareMenu: shareMenuNow('flyout', root),
    missing: (readFlyout(panel, href).missing ?? []) as ActionFieldName[],
  };
}

/** The improvement actions list's anchors, or null when the page shows no list (yet). */
export function actionsListAnchors(root: Document = document): ActionsListAnchors | null {
  const main = root.querySelector(MAIN);
  if (!main) return null;
  // Data rows only: the header row holds column headers, not cells.
  const rows = [...main.querySelectorAll(LIST_ROW)].filter((row) => !row.querySelector('[role="columnheader"]'));
  if (rows.length === 0 && !main.querySelector('[role="grid"], .ms-DetailsList')) return null;
  return {
    rows: rows.length,
    rowsWithId: rows.filter((row) => rowActionId(row) !== null).length,
    shareMenu: shareMenuNow('row', root),
  };
}

/**
 * Where our home cards went: 'grid' when they sit among at least three native boxes that each
 * hold a heading (the portal's card grid), else 'fallback'. Null while none is placed.
 */
export function homeAnchors(root: Document = document): HomeAnchors | null {
  const card = root.querySelector(`:is(${MAIN}) ${OUR_CARD}`);
  const parent = card?.parentElement;
  if (!parent) return null;
  const nativeCards = [...parent.children].filter(
    (child) => child.localName !== 'snt-ui' && (child.matches(HEADING) ? false : child.querySelector(HEADING)),
  );
  return { cards: nativeCards.length >= 3 ? 'grid' : 'fallback' };
}
