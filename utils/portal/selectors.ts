// Every portal selector in one place. The portal is a Fluent UI v8 app we do not control: match
// stable `ms-*` classes, roles, ids and `data-icon-name` (language-independent), never the
// generated class suffixes. See shared/spec/portal.md; tested against tests/fixtures/portal.

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
export const MENU_ITEM = 'li.ms-ContextualMenu-item';
export const MENU_ITEM_BUTTON = '[role="menuitem"]';

/** Fluent Panel (the action flyout). */
export const PANEL = '.ms-Panel';
export const PANEL_TITLE = '[data-testid="DetailsPanelBodyItemTitle"], .ms-Panel-headerText';

/** Built-in Share menu items' icons, to confirm a menu is the Share menu. */
export const SHARE_ITEM_ICONS = ['Link', 'Mail', 'TeamsLogo', 'PlannerLogo', 'OutlookLogo'];

/** A button or menu item whose menu is open right now. */
export const EXPANDED = 'button[aria-expanded="true"], [role="menuitem"][aria-expanded="true"]';

/** A row of the improvement actions list (Fluent DetailsList). */
export const LIST_ROW = '.ms-DetailsRow, [role="row"]';

/** Our own menu item, wherever we put it. */
export const OUR_MENU_ITEM = '[data-snt-item="servicenow"]';

/** A built-in item of a Fluent ContextualMenu: an li holding a menuitem. */
export const MENU_ITEM_LI = `${MENU_ITEM}, li`;

export function findShareButtons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLElement>(SHARE_BUTTON_ICON)]
    .map((i) => i.closest<HTMLButtonElement>('button'))
    .filter((b): b is HTMLButtonElement => b !== null && b.matches(MENU_BUTTON));
}
