// Every portal selector in one place. The portal is a Fluent UI v8 app we do not control: match
// stable `ms-*` classes, roles, ids and `data-icon-name` (language-independent), never the
// generated class suffixes. Tested against DOM captured from the
// imitation portal (tests/portal/fixtures) in share-menu.test.ts and tracking-dom.test.ts.

/** Fluent 8.125 puts every Layer here, as the last child of body; older builds append .ms-Layer to body. */
export const LAYER_HOST = '#fluent-default-layer-host';
export const LAYER = '.ms-Layer';

/** Header account control (Microsoft account manager): display name and UPN / email. */
export const ACCOUNT_NAME = '#mectrl_currentAccount_primary';
export const ACCOUNT_EMAIL = '#mectrl_currentAccount_secondary';

/** The page's main content area. */
export const MAIN = 'main, [role="main"]';

/** A Fluent icon by its name: `<i data-icon-name="Share">`. */
export const icon = (name: string) => `[data-icon-name="${name}"]`;

/** Any button that opens a menu (CommandBar item `role=menuitem` or standalone button). */
export const MENU_BUTTON = 'button[aria-haspopup="true"], button[aria-haspopup="menu"]';

/** The Share button: a menu button whose icon is Share. */
export const SHARE_BUTTON_ICON = `${icon('Share')}`;

/** An open Fluent ContextualMenu's container (role=menu sits on the container). */
export const MENU_CONTAINER = '.ms-ContextualMenu-container[role="menu"], [role="menu"]';
export const MENU_LIST = 'ul.ms-ContextualMenu-list';
export const MENU_ITEM_BUTTON = '[role="menuitem"]';

/** Fluent Panel (the action flyout). */
export const PANEL = '.ms-Panel';
export const PANEL_TITLE = '.ms-Panel-headerText';

/** Built-in Share menu items' icons, to confirm a menu is the Share menu. */
export const SHARE_ITEM_ICONS = ['Link', 'Mail', 'TeamsLogo', 'PlannerLogo', 'OutlookLogo'];

/** A button or menu item whose menu is open right now. */
export const EXPANDED = 'button[aria-expanded="true"], [role="menuitem"][aria-expanded="true"]';

/** A row of the improvement actions list (Fluent DetailsList). */
export const LIST_ROW = '.ms-DetailsRow, [role="row"]';

/**
 * The focus trap of an open blocking flyout (Fluent Panel renders its FocusTrapZone as
 * .ms-Panel-main). Our dialog must live inside it, or the trap pulls focus back out of our form.
 */
export const MODAL_FOCUS_TRAP = '[aria-modal="true"] .ms-Panel-main';

/** Our own menu item, wherever we put it. */
export const OUR_MENU_ITEM = '[data-snt-item="servicenow"]';

export function findShareButtons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLElement>(SHARE_BUTTON_ICON)]
    .map((i) => i.closest<HTMLButtonElement>('button'))
    .filter((b): b is HTMLButtonElement => b !== null && b.matches(MENU_BUTTON));
}

/** Any heading: h1–h6 or an ARIA heading (Fluent Text as="h1", or role=heading). */
export const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The page's own heading, under which nothing of ours may go above. */
export const PAGE_HEADING = 'h1, [role="heading"][aria-level="1"]';

/** A Fluent Spinner or any progress indicator: the page is still loading. */
export const LOADING = '.ms-Spinner, [role="progressbar"]';

/** Our own UI hosts (shadow roots) in the portal's DOM. */
export const OUR_HOST = 'snt-ui';

/**
 * What names an improvement action in a list row: the title link's address carries
 * `actionId=<id>` (the flyout address). A row without such a link is matched by its title
 * (title-ids.ts); never by the imitation's own data-action-id.
 */
export const ACTION_ID_CARRIER = 'a[href*="actionId="]';

/** The DetailsList cell holding an element. */
export const LIST_CELL = '.ms-DetailsRow-cell, [role="gridcell"]';

/** The open flyout's title element; our ticket status goes right after it. */
export const PANEL_HEADER_TEXT = '.ms-Panel-headerText, .ms-Panel-header [role="heading"]';
