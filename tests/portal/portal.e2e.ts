// The imitation Defender portal (markup=default) in a real (headless) Chromium: shell, History API
// navigation, the Secure Score flyout and its Fluent menus, localization and the test switches.
// Runs in the e2e config's `portal` project (browser timeouts); the bare/alt markups: markup.e2e.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { clickUntilMenuOpens, closeMenusWithEscape } from '../e2e/pages/portal-page';
import { XSS_PROBE_TITLE } from './src/data/actions';
import { firstAppearances, recordFirstAppearance, startPortalSession, waitForRenderTicks, type PortalSession } from './testing';

let session: PortalSession;

beforeAll(async () => {
  // markup=default whatever PORTAL_MARKUP says: these tests check the default markup's test ids.
  session = await startPortalSession({ switches: {} });
});

afterAll(() => session?.close());

const open: PortalSession['open'] = (path, options) => session.open(path, options);

const FLYOUT_SHARE = '[data-testid="flyout-commandbar"] button.ms-CommandBarItem-link[role="menuitem"]:has(i[data-icon-name="Share"]):visible';
const LAYER_HOST = '#fluent-default-layer-host';
const MENU = `${LAYER_HOST} .ms-Layer .ms-ContextualMenu-container[role="menu"]`;

/**
 * Clicks the flyout's Share button. With `rerender` on, the idle command bar is re-created every
 * tick, so the click is dispatched in the page (clickUntilMenuOpens says why); otherwise a pointer click.
 */
async function openCommandBarShare(page: Page, { rerendering = false } = {}) {
  if (rerendering) await clickUntilMenuOpens(page, page.locator(FLYOUT_SHARE), MENU);
  else await page.locator(FLYOUT_SHARE).click();
  await page.locator(MENU).first().waitFor();
  return page.locator(FLYOUT_SHARE);
}

describe('imitation Defender portal', () => {
  test('home renders the shell, the account control and the card grid', async () => {
    const page = await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    expect(await page.locator('#mectrl_currentAccount_primary').textContent()).toBe('Megan Bowen');
    expect(await page.locator('#mectrl_currentAccount_secondary').textContent()).toBe('megan.bowen@contoso.onmicrosoft.com');
    expect(await page.locator('[data-testid="portal-header"]').textContent()).toContain('Microsoft Defender');
    const grid = page.locator('main[data-testid="page-main"] [data-testid="homepage-cards-grid"][role="list"]');
    expect(await grid.locator(':scope > [role="listitem"][data-testid^="card-"]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid="card-secure-score"] .portal-card-title').textContent()).toBe('Microsoft Secure Score');
    // The account flyout opens from the initials button.
    await page.locator('#mectrl_main_trigger').click();
    expect(await page.locator('#mectrl_currentAccount_primary').isVisible()).toBe(true);
    // No network beyond the portal itself: no fonts from a CDN.
    const foreign = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin)),
    );
    expect(foreign).toEqual([]);
  });

  test('nav and pivot navigate with pushState and follow popstate', async () => {
    const page = await open('/homepage');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await page.locator('[data-testid="portal-nav"] a.ms-Nav-link[href="/securescore?viewid=overview"]').click();
    await page.locator('[data-testid="securescore-overview"]').waitFor();
    expect(new URL(page.url()).search).toBe('?viewid=overview');
    await page.locator('.securescore-pivot button[role="tab"]', { hasText: 'Recommended actions' }).click();
    await page.locator('[data-testid="improvement-actions"] .ms-DetailsRow').first().waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/securescore?viewid=actions');
    expect(await page.locator('.ms-DetailsRow').count()).toBe(17);
    await page.goBack();
    await page.locator('[data-testid="securescore-overview"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    // Unknown paths and /ticketProvisioning render the shell with an empty-ish main area.
    await page.evaluate(() => window.__portal.navigate('/ticketProvisioning'));
    await page.locator('main[data-testid="page-main"][data-page="unavailable"]').waitFor();
    expect(await page.locator('[data-testid="page-main"] h1').textContent()).toBe("This page isn't available");
  });

  test('the flyout opens from the list, sets actionId and offers a Fluent Share menu', async () => {
    const page = await open('/securescore?viewid=actions');
    await page.locator('a[data-testid="action-title-link"][data-action-id="AdminMFAV2"]').click();
    const panel = page.locator(`${LAYER_HOST} .ms-Layer [role="dialog"][aria-modal="true"] .ms-Panel`);
    await panel.waitFor();
    expect(new URL(page.url()).search).toBe('?viewid=actions&actionId=AdminMFAV2');
    expect(await panel.locator('.ms-Panel-headerText[data-testid="DetailsPanelBodyItemTitle"]').textContent()).toBe(
      'Require MFA for administrative roles',
    );
    expect(await panel.locator('[data-testid="flyout-at-a-glance"] h3').textContent()).toBe('At a glance');
    expect(await panel.locator('[data-testid="flyout-commandbar"] [role="menubar"]').count()).toBe(1);

    const share = await openCommandBarShare(page);
    expect(await share.getAttribute('aria-label')).toBeNull();
    expect(await share.locator('.ms-Button-label').textContent()).toBe('Share');
    expect(await share.getAttribute('aria-haspopup')).toBe('true');
    expect(await share.getAttribute('aria-expanded')).toBe('true');
    const controls = await share.getAttribute('aria-controls');
    expect(controls).toMatch(/-menu$/);
    const menu = page.locator(`${LAYER_HOST} [id="${controls}"]`);
    expect(await menu.getAttribute('role')).toBe('menu');
    const labelledBy = await menu.getAttribute('aria-labelledby');
    expect(await share.locator(`.ms-Button-label[id="${labelledBy}"]`).count()).toBe(1);
    // Menu structure of Fluent 8.125 (portal.md).
    const items = page.locator(
      `${LAYER_HOST} > .ms-Layer > .ms-Layer-content > .ms-Callout-container > .ms-Callout.ms-ContextualMenu-Callout > .ms-Callout-main > ` +
        `div.ms-ContextualMenu-container[role="menu"] > .ms-FocusZone.ms-ContextualMenu > ul.ms-ContextualMenu-list[role="presentation"] > ` +
        `li.ms-ContextualMenu-item[role="presentation"] > button.ms-ContextualMenu-link[role="menuitem"]`,
    );
    expect(await items.count()).toBe(4);
    const described = await items.evaluateAll((els) =>
      els.map((b) => ({
        icon: b.querySelector('.ms-ContextualMenu-linkContent > i.ms-ContextualMenu-icon[data-icon-name]')?.getAttribute('data-icon-name'),
        iconHasMsIcon: b.querySelector('i')?.classList.contains('ms-Icon'),
        text: b.querySelector('.ms-ContextualMenu-linkContent > span.ms-ContextualMenu-itemText')?.textContent,
        pos: b.getAttribute('aria-posinset'),
        size: b.getAttribute('aria-setsize'),
      })),
    );
    expect(described).toEqual([
      { icon: 'Link', iconHasMsIcon: false, text: 'Copy link', pos: '1', size: '4' },
      { icon: 'Mail', iconHasMsIcon: false, text: 'Email', pos: '2', size: '4' },
      { icon: 'TeamsLogo', iconHasMsIcon: false, text: 'Microsoft Teams', pos: '3', size: '4' },
      { icon: 'PlannerLogo', iconHasMsIcon: false, text: 'Microsoft Planner', pos: '4', size: '4' },
    ]);
    // The layer host is the last child of body; panel and menu are separate layers in opening order.
    expect(await page.evaluate(() => document.body.lastElementChild?.id)).toBe('fluent-default-layer-host');
    expect(await page.locator(`${LAYER_HOST} > .ms-Layer`).count()).toBe(2);

    await items.first().click();
    await page.locator('[data-testid="share-result"][data-command="copyLink"]', { hasText: 'Link copied' }).waitFor();
    expect(await page.locator(MENU).count()).toBe(0);

    // Closing the flyout removes actionId (pushState); loading the address directly opens it.
    await page.locator('.ms-Panel-closeButton').click();
    await page.waitForURL((u) => !u.search.includes('actionId'));
    expect(new URL(page.url()).search).toBe('?viewid=actions');
    const direct = await open('/securescore?viewid=actions&actionId=OneAdmin');
    expect(await direct.locator('[data-testid="DetailsPanelBodyItemTitle"]').textContent()).toBe('Designate more than one global admin');
  });

  test('the row "…" menu has a Share submenu with the same items', async () => {
    const page = await open('/securescore?viewid=actions');
    const more = page.locator('button[data-testid="action-row-more"][data-action-id="BlockLegacyAuthentication"]');
    expect(await more.getAttribute('aria-label')).toBe('More actions');
    expect(await more.locator('i[data-icon-name="More"]').count()).toBe(1);
    await more.click();
    const shareItem = page.locator(`${MENU} button.ms-ContextualMenu-link[role="menuitem"]:has(i[data-icon-name="Share"])`);
    expect(await shareItem.getAttribute('aria-haspopup')).toBe('true');
    expect(await shareItem.locator('i[data-icon-name="ChevronRight"]').count()).toBe(1);
    await shareItem.click();
    const layers = page.locator(`${LAYER_HOST} > .ms-Layer:has(.ms-ContextualMenu-container)`);
    await expect.poll(() => layers.count()).toBe(2);
    expect(await shareItem.getAttribute('aria-expanded')).toBe('true');
    const icons = await layers
      .nth(1)
      .locator('button.ms-ContextualMenu-link[role="menuitem"] i[data-icon-name]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-icon-name')));
    expect(icons).toEqual(['Link', 'Mail', 'TeamsLogo', 'PlannerLogo']);
    await layers.nth(1).locator('button.ms-ContextualMenu-link', { hasText: 'Microsoft Teams' }).click();
    await page.locator('[data-testid="share-result"][data-command="teams"][data-action-id="BlockLegacyAuthentication"]').waitFor();
  });

  test('standalone Share button (sharebutton=standalone)', async () => {
    const page = await open('/securescore?viewid=actions&actionId=AdminMFAV2&sharebutton=standalone');
    const share = page.locator('[data-testid="flyout-commandbar"] button.ms-Button--default:has(i[data-icon-name="Share"])');
    expect(await share.getAttribute('role')).toBeNull();
    expect(await page.locator('[data-testid="flyout-commandbar"] button.ms-CommandBarItem-link:has(i[data-icon-name="Share"])').count()).toBe(0);
    await share.click();
    expect(await share.getAttribute('aria-expanded')).toBe('true');
    const menu = page.locator(`${LAYER_HOST} [id="${await share.getAttribute('aria-controls')}"][role="menu"]`);
    expect(await menu.locator('button.ms-ContextualMenu-link[role="menuitem"]').count()).toBe(4);
    // The switch survives in-app navigation (sessionStorage).
    await page.evaluate(() => window.__portal.openAction('RoleOverlap'));
    await page.locator('[data-testid="action-flyout"][data-action-id="RoleOverlap"]').waitFor();
    expect(await page.locator('[data-testid="flyout-share-button"]').count()).toBe(1);
  });

  test('lang=de localizes the chrome and sets html[lang]', async () => {
    const page = await open('/securescore?viewid=actions&actionId=AdminMFAV2&lang=de');
    expect(await page.locator('html').getAttribute('lang')).toBe('de-DE');
    expect(await page.locator('.ms-Nav-link', { hasText: 'Startseite' }).count()).toBe(1);
    expect(await page.locator('[data-testid="DetailsPanelBodyItemTitle"]').textContent()).toBe('MFA für Administratorrollen erforderlich machen');
    expect(await page.locator('[data-testid="flyout-at-a-glance"] h3').textContent()).toBe('Auf einen Blick');
    const share = await openCommandBarShare(page);
    expect(await share.locator('.ms-Button-label').textContent()).toBe('Teilen');
    const texts = await page.locator(`${MENU} .ms-ContextualMenu-itemText`).allTextContents();
    expect(texts).toEqual(['Link kopieren', 'E-Mail', 'Microsoft Teams', 'Microsoft Planner']);
    expect(await page.locator('button[data-testid="action-row-more"]').first().getAttribute('aria-label')).toBe('Weitere Aktionen');
    // Runtime switch: Japanese.
    await closeMenusWithEscape(page);
    await page.evaluate(() => (window.__portal.lang = 'ja'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja-JP');
    await expect.poll(() => page.locator(FLYOUT_SHARE).locator('.ms-Button-label').textContent()).toBe('共有');
  });

  test('rerender=1 replaces open menu items but keeps menus open', async () => {
    const page = await open('/securescore?viewid=actions&actionId=AdminMFAV2&rerender=1');
    const share = await openCommandBarShare(page, { rerendering: true });
    const first = await page.locator(`${MENU} button.ms-ContextualMenu-link`).first().elementHandle();
    const tick0 = Number(await page.locator('[data-testid="portal-shell"]').getAttribute('data-render-tick'));
    await waitForRenderTicks(page, 2);
    expect(Number(await page.locator('[data-testid="portal-shell"]').getAttribute('data-render-tick'))).toBeGreaterThan(tick0 + 1);
    expect(await first!.evaluate((e) => e.isConnected)).toBe(false);
    expect(await page.locator(`${MENU} button.ms-ContextualMenu-link[role="menuitem"]`).count()).toBe(4);
    expect(await share.getAttribute('aria-expanded')).toBe('true');

    // Row "…" → Share submenu stays open across re-renders. Leave the flyout by the portal's own
    // navigation: when focus sat on an item a tick replaced (it falls back to the body), Escape
    // closes the whole panel, and a loaded machine's pointer click never finds the panel's close
    // button stable between ticks. The row's Share item keeps its key, so pointer clicks hold there.
    await page.evaluate(() => window.__portal.navigate('/securescore?viewid=actions'));
    await page.waitForURL((u) => !u.search.includes('actionId'));
    await expect.poll(() => page.locator('.ms-Panel').count()).toBe(0);
    await page.locator('button[data-testid="action-row-more"][data-action-id="AdminMFAV2"]').click();
    await page.locator(`${MENU} button.ms-ContextualMenu-link:has(i[data-icon-name="Share"])`).click();
    const layers = page.locator(`${LAYER_HOST} > .ms-Layer:has(.ms-ContextualMenu-container)`);
    await expect.poll(() => layers.count()).toBe(2);
    await waitForRenderTicks(page, 3);
    expect(await layers.count()).toBe(2);
    expect(await layers.nth(1).locator('button.ms-ContextualMenu-link').count()).toBe(4);
  });

  test('slow shows a Spinner before the flyout content; churn=1 churns the DOM', async () => {
    // slow=1 means 1500 ms; an explicit number of ms keeps this test short.
    const page = await open('/securescore?viewid=actions&actionId=AdminMFAV2&slow=700&churn=1', {
      beforeLoad: (p) =>
        recordFirstAppearance(p, {
          spinner: '.ms-Panel [data-testid="flyout-spinner"].ms-Spinner',
          commands: '.ms-Panel [data-testid="flyout-commandbar"]',
        }),
    });
    expect(await page.evaluate(() => window.__portal.slow)).toBe(700);
    await page.locator(FLYOUT_SHARE).waitFor();
    // ready resolved after the page data; the flyout showed a Spinner, and its content came another
    // `slow` ms later (timers never fire early, so this holds on a loaded machine).
    const seen = await firstAppearances(page);
    expect(seen.spinner).toBeDefined();
    expect(seen.commands! - seen.spinner!).toBeGreaterThanOrEqual(650);
    // Churn replaces nodes over and over: wait for several mutation batches (the test timeout bounds it).
    const batches = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const obs = new MutationObserver((records) => {
            n += records.length;
            if (n > 4) {
              obs.disconnect();
              resolve(n);
            }
          });
          obs.observe(document.body, { childList: true, subtree: true });
        }),
    );
    expect(batches).toBeGreaterThan(4);
    expect(await page.locator(`${LAYER_HOST} > [data-testid="churn-layer"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="churn-widget"] .churn-dot').count()).toBeGreaterThan(100);
    expect(await page.evaluate(() => ((window.__portal.slow = 1), window.__portal.slow))).toBe(1500);
  });

  test('hostile action titles render as text', async () => {
    const page = await open('/securescore?viewid=actions');
    const link = page.locator('a[data-testid="action-title-link"][data-action-id="XssProbe"]');
    expect(await link.textContent()).toBe(XSS_PROBE_TITLE);
    expect(await link.locator('img, b').count()).toBe(0);
    await link.click();
    expect(await page.locator('[data-testid="DetailsPanelBodyItemTitle"]').textContent()).toBe(XSS_PROBE_TITLE);
    expect(await page.evaluate(() => window.__portal.actions.find((a) => a.id === 'XssProbe')?.title)).toBe(XSS_PROBE_TITLE);
    // No element was made from the markup (an <img src=x> would be there, and fire onerror later).
    expect(await page.locator('img').count()).toBe(0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  });

  test('no page errors', () => {
    expect(session.errors).toEqual([]);
  });
});
