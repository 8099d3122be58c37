// The e2e page objects (tests/e2e/pages) find the imitation's landmarks on every markup, and
// forEachMarkup switches the markup of the tabs a world opens. Runs against the portal alone (no
// extension): the page objects take a Page, forEachMarkup only needs the world's portal server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { forEachMarkup, markupsUnderTest } from '../e2e/pages/markup';
import {
  actionRow, actionTitleInList, currentMarkup, flyoutTab, flyoutTitle, homeCardGrid, navLink, openActionFromList, waitForRenderTicks,
} from '../e2e/pages/portal-dom';
import { closeMenusWithEscape, flyoutShareButton, openFlyoutShareMenu, openRowShareSubmenu, portalPath } from '../e2e/pages/portal-page';
import type { World } from '../support/world';
import { findAction } from './src/data/actions';
import { STRINGS } from './src/i18n';
import { startPortalSession, type PortalSession } from './testing';

let session: PortalSession;
beforeAll(async () => {
  session = await startPortalSession({ switches: {} });
});
afterAll(() => session?.close());

// forEachMarkup only touches world.portal.
const world = () => ({ portal: session.server }) as unknown as World;
const MENU_ITEM_ICONS = '[role="menu"] [role="menuitem"] [data-icon-name]';

async function menuIcons(page: Page): Promise<string[]> {
  return page.locator(MENU_ITEM_ICONS).evaluateAll((els) => els.map((e) => e.getAttribute('data-icon-name') ?? ''));
}

test('forEachMarkup runs every markup unless PORTAL_MARKUP names one', () => {
  expect(markupsUnderTest()).toEqual(process.env.PORTAL_MARKUP ? [process.env.PORTAL_MARKUP] : ['default', 'bare', 'alt']);
});

forEachMarkup(world, (markup) => {
  test('the list: rows by title, the row Share submenu, opening a flyout', async () => {
    const page = await session.open(portalPath('/securescore?viewid=actions'));
    expect(await currentMarkup(page)).toBe(markup);
    expect(await (await actionRow(page, 'OneAdmin')).count()).toBe(1);
    await openRowShareSubmenu(page, 'OneAdmin');
    expect((await menuIcons(page)).slice(-4)).toEqual(['Link', 'Mail', 'TeamsLogo', 'PlannerLogo']);
    await closeMenusWithEscape(page);
    await openActionFromList(page, 'AdminMFAV2');
    expect(await flyoutTitle(page).textContent()).toBe(findAction('AdminMFAV2')!.title);
    await openFlyoutShareMenu(page);
    expect(await flyoutShareButton(page).getAttribute('aria-expanded')).toBe('true');
    if (markup === 'alt') {
      await closeMenusWithEscape(page);
      await flyoutTab(page, 'implementation').click();
      await page.locator('.ms-Panel ol > li').first().waitFor();
      expect(await flyoutTab(page, 'implementation').getAttribute('aria-selected')).toBe('true');
    }
  });

  test('a localized list (de): rows by their German titles', async () => {
    const page = await session.open(portalPath('/securescore?viewid=actions', { lang: 'de' }));
    const title = await actionTitleInList(page, 'AdminMFAV2');
    expect(await title.textContent()).toBe('MFA für Administratorrollen erforderlich machen');
    await openRowShareSubmenu(page, 'BlockLegacyAuthentication');
    expect(await page.locator('[role="menu"] [role="menuitem"]').getByText(STRINGS.de.share.copyLink).count()).toBe(1);
  });

  test('home: the card grid, the nav, re-render ticks', async () => {
    const page = await session.open(portalPath('/homepage', { rerender: true }));
    const grid = await homeCardGrid(page);
    await grid.waitFor();
    expect(await grid.count()).toBe(1);
    expect(await grid.locator(':scope > *').count()).toBe(5);
    if (markup === 'default') expect(await grid.getAttribute('data-testid')).toBe('homepage-cards-grid');
    await waitForRenderTicks(page, 3);
    await navLink(page, '/securescore?viewid=overview').click();
    await page.waitForURL(/viewid=overview/);
  });
});
