import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Markup } from '../../portal/src/markup';
import type { World } from '../../support/world';
import { connectWith, OptionsPage, PUBLIC_CLIENT, SVC } from './options-page';
import { actionRow } from './portal-dom';

// Page objects for the portal with our overlay: the action flyout, Share menus, the task form.
// They work on every portal markup (default, bare, alt): roles, Fluent classes and icons only.

export interface PortalSwitches {
  lang?: string;
  rerender?: boolean;
  churn?: boolean;
  slow?: number;
  sharebutton?: 'standalone';
  /** Unset: the portal server's default (PORTAL_MARKUP, forEachMarkup), else markup=default. */
  markup?: Markup;
}

export function portalPath(path: string, switches: PortalSwitches = {}): string {
  const url = new URL(path, 'https://security.microsoft.com');
  if (switches.lang) url.searchParams.set('lang', switches.lang);
  if (switches.rerender) url.searchParams.set('rerender', '1');
  if (switches.churn) url.searchParams.set('churn', '1');
  if (switches.slow) url.searchParams.set('slow', String(switches.slow));
  if (switches.sharebutton) url.searchParams.set('sharebutton', switches.sharebutton);
  if (switches.markup) url.searchParams.set('markup', switches.markup);
  return `${url.pathname}${url.search}`;
}

export async function connect(world: World): Promise<void> {
  const options = await OptionsPage.open(world);
  await connectWith(world, options, { clientId: PUBLIC_CLIENT });
  await options.expectState(`Connected as ${SVC.name}`);
  await options.page.close();
}

export async function openActionFlyout(world: World, actionId: string, switches: PortalSwitches = {}): Promise<Page> {
  const page = await world.openPortal(portalPath(`/securescore?viewid=actions&actionId=${actionId}`, switches));
  await page.locator('.ms-Panel').waitFor();
  return page;
}

/** The flyout's Share button (CommandBar item or standalone button), found by its icon. */
export function flyoutShareButton(page: Page): Locator {
  return page.locator('.ms-Panel button[aria-haspopup="true"]:has([data-icon-name="Share"])');
}

/**
 * Clicks `button` in the page until the menu `menuSelector` finds is there. With the portal's
 * `rerender` switch the idle command bar is re-created every 150 ms: faster than a loaded machine
 * gets through a pointer click's actionability checks, and a click on a bar about to be replaced
 * opens nothing (its successor never saw the click). So the click is dispatched in the page, and
 * dispatched again only once the clicked button is gone without a menu (a signal, not a timeout).
 */
export async function clickUntilMenuOpens(page: Page, button: Locator, menuSelector: string): Promise<void> {
  for (;;) {
    const clicked = await button.evaluateHandle((b) => {
      (b as HTMLElement).click();
      return b;
    });
    const outcome = await page.waitForFunction(
      ([b, selector]) => (document.querySelector(selector) ? 'open' : b.isConnected ? false : 'replaced'),
      [clicked, menuSelector] as const,
    );
    if ((await outcome.jsonValue()) === 'open') return;
  }
}

/** Opens the flyout's Share menu (see clickUntilMenuOpens: it works with `rerender` on). */
export async function openFlyoutShareMenu(page: Page): Promise<void> {
  await clickUntilMenuOpens(page, flyoutShareButton(page), '[role="menu"] [data-icon-name="Link"]');
}

/**
 * Closes the open Fluent menu(s) with Escape. Fluent focuses a menu a frame or two after it
 * mounts; an Escape pressed before that reaches the Panel around it and closes the flyout. So
 * wait for focus inside the menu first (a signal, not a sleep), then for the menu to go. Not for
 * the `rerender` switch: it replaces the focused item and focus falls back to the body.
 */
export async function closeMenusWithEscape(page: Page): Promise<void> {
  const menus = page.locator('[role="menu"]');
  while ((await menus.count()) > 0) {
    await page.waitForFunction(
      () => !!document.activeElement?.closest('[role="menu"]') || !document.querySelector('[role="menu"]'),
    );
    const before = await menus.count();
    if (before === 0) break;
    await page.keyboard.press('Escape');
    // waitForFunction, not expect.poll: the bench (no vitest) closes menus this way too.
    await page.waitForFunction((n) => document.querySelectorAll('[role="menu"]').length < n, before);
  }
}

/** Opens the row "…" menu of the action and its Share submenu (the row is found by its title). */
export async function openRowShareSubmenu(page: Page, actionId: string): Promise<void> {
  const row = await actionRow(page, actionId);
  await row.locator('button[aria-haspopup="true"]:has([data-icon-name="More"])').click();
  await page.locator('[role="menu"] [role="menuitem"]:has([data-icon-name="Share"])').click();
  await page.locator('[role="menu"] [data-icon-name="Link"]').first().waitFor();
}

export function serviceNowItem(page: Page): Locator {
  return page.getByRole('menuitem', { name: 'ServiceNow' });
}

export function taskForm(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Create a ServiceNow ticket' });
}

export async function openTaskFormFromFlyout(page: Page): Promise<Locator> {
  await openFlyoutShareMenu(page);
  await serviceNowItem(page).click();
  const form = taskForm(page);
  await form.getByLabel('Task name').waitFor();
  return form;
}
