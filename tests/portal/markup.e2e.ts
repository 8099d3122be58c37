// The `markup` switch in Chromium: markup=bare and markup=alt render the same pages and data with
// none of our own data-* hooks and a different arrangement (see src/markup.ts), in all six
// languages; the switch follows the other switches (query, sessionStorage, window.__portal, and
// the server's defaults for fresh tabs).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { findAction } from './src/data/actions';
import { STRINGS } from './src/i18n';
import { LANGS } from './src/switches';
import { dataAttributeCounts, FLUENT_DATA_ATTRIBUTES, OUR_DATA_ATTRIBUTES, startPortalSession, type PortalSession } from './testing';

let session: PortalSession;

beforeAll(async () => {
  session = await startPortalSession({ switches: {} });
});

afterAll(() => session?.close());

const en = STRINGS.en;
const admin = findAction('AdminMFAV2')!;
const MENU = '#fluent-default-layer-host .ms-Layer .ms-ContextualMenu-container[role="menu"]';
const FLYOUT_SHARE = '.ms-Panel button[role="menuitem"][aria-haspopup="true"]:has(i[data-icon-name="Share"]):visible';

/** Fails with the offending names when the page holds a data-* attribute that Fluent did not render. */
async function expectOnlyFluentDataAttributes(page: Page): Promise<void> {
  const counts = await dataAttributeCounts(page);
  const names = Object.keys(counts);
  expect(names.filter((n) => (OUR_DATA_ATTRIBUTES as readonly string[]).includes(n))).toEqual([]);
  expect(names.filter((n) => !(FLUENT_DATA_ATTRIBUTES as readonly string[]).includes(n))).toEqual([]);
}

/** Tag and text of the flyout body's headings (h2–h4 or role=heading), in document order. */
function flyoutHeadings(page: Page) {
  return page
    .locator('.ms-Panel-content')
    .locator('h2, h3, h4, [role="heading"]')
    .evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('aria-level') ? `:${e.getAttribute('aria-level')}` : ''} ${e.textContent}`));
}

describe.each(['bare', 'alt'] as const)('markup=%s', (markup) => {
  test('no data-* attribute of ours: home', async () => {
    const home = await session.open(`/homepage?markup=${markup}`);
    await home.locator('main h1').waitFor();
    await expectOnlyFluentDataAttributes(home);
  });

  test('no data-* attribute of ours: the list with the row menu and its Share submenu open, re-rendering and churning', async () => {
    const list = await session.open(`/securescore?viewid=actions&markup=${markup}&rerender=1&churn=1`);
    await list.locator('.ms-DetailsRow').nth(16).waitFor();
    await list.locator('.ms-DetailsRow').first().locator('button[aria-haspopup="true"]:has(i[data-icon-name="More"])').click();
    await list.locator(`${MENU} button.ms-ContextualMenu-link:has(i[data-icon-name="Share"])`).click();
    await expect.poll(() => list.locator(`${MENU}`).count()).toBe(2);
    await expectOnlyFluentDataAttributes(list);
    // rerender replaces menu item nodes every tick: a click dispatched in the page finds the current one.
    await list.locator(`${MENU} button.ms-ContextualMenu-link:has(i[data-icon-name="Mail"])`).dispatchEvent('click');
    // Commands still report (a MessageBar above the list), just without data-command.
    await list.locator('.ms-MessageBar', { hasText: en.feedback.email }).waitFor();
    await expectOnlyFluentDataAttributes(list);
  });

  test('no data-* attribute of ours: the flyout with its Share menu open', async () => {
    const flyout = await session.open(`/securescore?viewid=actions&actionId=AdminMFAV2&markup=${markup}`);
    await flyout.locator(FLYOUT_SHARE).click();
    await flyout.locator(`${MENU} button.ms-ContextualMenu-link`).nth(3).waitFor();
    await expectOnlyFluentDataAttributes(flyout);
    await flyout.locator(`${MENU} button.ms-ContextualMenu-link:has(i[data-icon-name="Link"])`).click();
    await flyout.locator('.ms-Panel .ms-MessageBar', { hasText: en.feedback.linkCopied }).waitFor();
    await expectOnlyFluentDataAttributes(flyout);
  });

  test('no data-* attribute of ours: overview and other pages', async () => {
    const overview = await session.open(`/securescore?viewid=overview&markup=${markup}`);
    await overview.locator('.ms-Pivot').waitFor();
    await expectOnlyFluentDataAttributes(overview);
    const other = await session.open(`/ticketProvisioning?markup=${markup}`);
    await other.locator('main h1').waitFor();
    await expectOnlyFluentDataAttributes(other);
    expect(await other.locator('html').getAttribute('data-portal-ready')).toBeNull();
  });

  test('home: a card grid without role=list, after the page heading', async () => {
    const page = await session.open(`/homepage?markup=${markup}`);
    const grid = await page.locator('main').evaluate((main) => {
      const heading = main.querySelector('h1');
      // A card is the element holding a card title; the grid is the cards' parent.
      const cards = [...main.querySelectorAll('h2, h3')].map((h) => h.parentElement!);
      const parent = cards[0]!.parentElement!;
      const style = getComputedStyle(parent);
      return {
        heading: heading?.textContent,
        roles: main.querySelectorAll('[role="list"], [role="listitem"]').length,
        cardCount: parent.children.length,
        sameParent: cards.every((c) => c.parentElement === parent),
        cardTags: [...parent.children].map((c) => c.tagName),
        titles: [...parent.children].map((c) => c.querySelector('h2, h3')?.textContent),
        titleTag: parent.querySelector('h2, h3')?.tagName,
        display: style.display,
        flexWrap: style.flexWrap,
        afterHeading: heading ? (heading.compareDocumentPosition(parent) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : false,
        gridClass: parent.className,
      };
    });
    expect(grid).toMatchObject({
      heading: en.home.title,
      roles: 0,
      cardCount: 5,
      sameParent: true,
      cardTags: ['DIV', 'DIV', 'DIV', 'DIV', 'DIV'],
      titles: [en.home.secureScoreTitle, en.home.devicesTitle, en.home.usersTitle, en.home.incidentsTitle, en.home.threatTitle],
      afterHeading: true,
    });
    if (markup === 'bare') {
      expect(grid).toMatchObject({ titleTag: 'H2', display: 'grid' });
    } else {
      // A wrapping flex row: Fluent Stack horizontal wrap (div.ms-Stack > div.ms-Stack-inner > cards).
      expect(grid).toMatchObject({ titleTag: 'H3', display: 'flex', flexWrap: 'wrap' });
      expect(grid.gridClass).toContain('ms-Stack-inner');
    }
    expect(grid.gridClass).not.toContain('homepage-cards-grid');
  });

  test('list rows: Fluent DetailsList; title with an href (bare) or a Link button without one (alt)', async () => {
    const page = await session.open(`/securescore?viewid=actions&markup=${markup}`);
    const row = page.locator('.ms-DetailsRow').first();
    await row.waitFor();
    expect(await page.locator('.ms-DetailsRow').count()).toBe(17);
    const headers = await page.locator('[role="columnheader"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-key')));
    const title = row.locator('.ms-Link', { hasText: admin.title });
    if (markup === 'bare') {
      expect(headers).toEqual(['rank', 'title', 'more', 'scoreImpact', 'points', 'status', 'category', 'product']);
      expect(await title.evaluate((e) => e.tagName)).toBe('A');
      expect(await title.getAttribute('href')).toBe('/securescore?viewid=actions&actionId=AdminMFAV2');
    } else {
      expect(headers).toEqual(['rankColumn', 'name', 'contextMenu', 'impact', 'achievedPoints', 'state', 'controlCategory', 'service']);
      expect(await title.evaluate((e) => e.tagName)).toBe('BUTTON');
      expect(await title.getAttribute('href')).toBeNull();
      // Nothing in any row names its action: no attribute value holds an action id.
      const ids = await page.locator('.ms-DetailsList').evaluate((list) =>
        [...list.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().map((n) => el.getAttribute(n) ?? '')).filter((v) => /actionId|AdminMFAV2|OneAdmin/.test(v)),
      );
      expect(ids).toEqual([]);
    }
    await title.click();
    await page.waitForURL((u) => u.searchParams.get('actionId') === 'AdminMFAV2');
    expect(await page.locator('.ms-Panel .ms-Panel-headerText').textContent()).toBe(admin.title);
  });

  test('flyout: the same facts and sections, arranged differently', async () => {
    const page = await session.open(`/securescore?viewid=actions&actionId=AdminMFAV2&markup=${markup}`);
    const panel = page.locator('.ms-Panel');
    await panel.locator('.ms-CommandBar').waitFor();
    expect(await panel.locator('.ms-Panel-headerText').textContent()).toBe(admin.title);
    expect(await panel.locator('.ms-Panel-headerText').getAttribute('data-testid')).toBeNull();
    const facts = [
      [en.columns.category, en.category.Identity],
      [en.columns.product, 'Microsoft Entra ID'],
      [en.columns.points, '0/10'],
      [en.columns.scoreImpact, '+8.11%'],
      [en.columns.status, en.status.toAddress],
    ];
    if (markup === 'bare') {
      expect(await panel.locator('section').count()).toBe(0);
      expect(await flyoutHeadings(page)).toEqual([
        `h2 ${en.flyout.atAGlance}`,
        `h2 ${en.flyout.description}`,
        `h2 ${en.flyout.userImpact}`,
        `h2 ${en.flyout.implementation}`,
        `h3 ${en.flyout.prerequisites}`,
        `h3 ${en.flyout.nextSteps}`,
      ]);
      // Facts: dt/dd pairs directly in a dl.
      const pairs = await panel.locator('dl').evaluate((dl) => [...dl.children].map((c) => `${c.tagName} ${c.textContent}`));
      expect(pairs).toEqual(facts.flatMap(([label, value]) => [`DT ${label}`, `DD ${value}`]));
      // Each heading is followed by plain paragraphs and lists, as siblings.
      const after = await panel.locator('h2, h3').evaluateAll((hs) => hs.map((h) => h.nextElementSibling?.tagName));
      expect(after).toEqual(['DL', 'P', 'P', 'H3', 'P', 'OL']);
      const description = panel.locator('h2', { hasText: en.flyout.description }).locator('xpath=following-sibling::*[1]');
      expect(await description.textContent()).toBe(admin.description);
      expect(await panel.locator('ol > li').allTextContents()).toEqual(admin.steps);
    } else {
      const tabs = panel.getByRole('tab');
      expect(await tabs.allTextContents()).toEqual([en.flyout.overviewTab, en.flyout.implementation].map((t) => ` ${t}`));
      expect(await panel.getByRole('tabpanel').count()).toBe(1);
      expect(await flyoutHeadings(page)).toEqual([
        `div:3 ${en.flyout.atAGlance}`,
        `div:3 ${en.flyout.description}`,
        `div:3 ${en.flyout.userImpact}`,
      ]);
      // Facts: Fluent Label + Text (a span) side by side, no dl.
      expect(await panel.locator('dl, dt, dd').count()).toBe(0);
      const labelled = await panel.locator('label.ms-Label').evaluateAll((ls) => ls.map((l) => [l.textContent, `${l.nextElementSibling?.tagName} ${l.nextElementSibling?.textContent}`]));
      expect(labelled).toEqual(facts.map(([label, value]) => [label, `SPAN ${value}`]));
      expect(await panel.textContent()).toContain(admin.description);
      // The Implementation tab's content is not in the DOM until that tab is selected.
      expect(await panel.textContent()).not.toContain(admin.steps[0]);
      expect(await panel.textContent()).not.toContain(admin.prerequisites);
      const address = page.url();
      await tabs.nth(1).click();
      await panel.locator('ol > li').first().waitFor();
      expect(await panel.locator('ol > li').allTextContents()).toEqual(admin.steps);
      expect(await panel.textContent()).toContain(admin.prerequisites);
      expect(await panel.textContent()).not.toContain(admin.description);
      expect(await flyoutHeadings(page)).toEqual([`div:3 ${en.flyout.prerequisites}`, `div:3 ${en.flyout.nextSteps}`]);
      expect(page.url()).toBe(address);
      // Another action's flyout starts on Overview again.
      await page.evaluate(() => window.__portal.openAction('OneAdmin'));
      await panel.locator('.ms-Panel-headerText', { hasText: findAction('OneAdmin')!.title }).waitFor();
      await expect.poll(() => panel.getByRole('tab', { selected: true }).textContent()).toBe(` ${en.flyout.overviewTab}`);
    }
  });

  test('localized in all six languages', async () => {
    const page = await session.open(`/securescore?viewid=actions&actionId=AdminMFAV2&markup=${markup}`);
    const panel = page.locator('.ms-Panel');
    for (const lang of LANGS) {
      const t = STRINGS[lang];
      await page.evaluate((l) => (window.__portal.lang = l), lang);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(t.htmlLang);
      await panel.locator('h2, [role="heading"][aria-level="3"]').first().filter({ hasText: t.flyout.atAGlance }).waitFor();
      if (markup === 'bare') {
        expect(await panel.locator('h2, h3').allTextContents()).toEqual([
          t.flyout.atAGlance, t.flyout.description, t.flyout.userImpact, t.flyout.implementation, t.flyout.prerequisites, t.flyout.nextSteps,
        ]);
        expect(await panel.locator('dt').allTextContents()).toEqual([t.columns.category, t.columns.product, t.columns.points, t.columns.scoreImpact, t.columns.status]);
        expect(await panel.locator('dd').first().textContent()).toBe(t.category.Identity);
      } else {
        expect(await panel.getByRole('tab').allTextContents()).toEqual([` ${t.flyout.overviewTab}`, ` ${t.flyout.implementation}`]);
        expect(await panel.locator('label.ms-Label').allTextContents()).toEqual([t.columns.category, t.columns.product, t.columns.points, t.columns.scoreImpact, t.columns.status]);
        expect(await panel.locator('[role="heading"][aria-level="3"]').allTextContents()).toEqual([t.flyout.atAGlance, t.flyout.description, t.flyout.userImpact]);
      }
    }
    await page.evaluate(() => window.__portal.navigate('/homepage'));
    await page.locator('main h1', { hasText: STRINGS['zh-cn'].home.title }).waitFor();
    expect(await page.locator('main :is(h2, h3)').allTextContents()).toEqual([
      STRINGS['zh-cn'].home.secureScoreTitle, STRINGS['zh-cn'].home.devicesTitle, STRINGS['zh-cn'].home.usersTitle,
      STRINGS['zh-cn'].home.incidentsTitle, STRINGS['zh-cn'].home.threatTitle,
    ]);
  });
});

describe('the markup switch', () => {
  test('follows the other switches: query, sessionStorage, window.__portal', async () => {
    const page = await session.open('/homepage?markup=bare');
    expect(await page.evaluate(() => window.__portal.markup)).toBe('bare');
    // Kept for in-app navigation and reloads of the tab.
    await page.locator('nav.ms-Nav a.ms-Nav-link[href="/securescore?viewid=overview"]').click();
    await page.locator('.ms-Pivot').waitFor();
    await page.reload();
    await page.evaluate(() => window.__portal.ready);
    expect(await page.evaluate(() => window.__portal.markup)).toBe('bare');
    expect(await page.locator('[data-testid]').count()).toBe(0);
    // Changed at runtime: the page re-renders in the new markup.
    await page.evaluate(() => window.__portal.navigate('/securescore?viewid=actions&actionId=AdminMFAV2'));
    await page.locator('.ms-Panel h2').first().waitFor();
    await page.evaluate(() => (window.__portal.markup = 'alt'));
    await page.locator('.ms-Panel [role="tab"]').first().waitFor();
    expect(await page.locator('.ms-Panel h2').count()).toBe(0);
    await page.evaluate(() => (window.__portal.markup = 'default'));
    await page.locator('[data-testid="flyout-at-a-glance"] [data-fact="category"]').waitFor();
    expect(await page.locator('html').getAttribute('data-portal-ready')).toBe('true');
    await expect(page.evaluate(() => (window.__portal.markup = 'fancy' as never))).rejects.toThrow(/invalid value for switch markup/);
    // ?reset=1 forgets it.
    await page.goto(`${session.server.url}/homepage?reset=1`);
    await page.evaluate(() => window.__portal.ready);
    expect(await page.evaluate(() => window.__portal.markup)).toBe('default');
  });

  test('the server can set the markup of fresh tabs; query and stored switches still win', async () => {
    session.server.setSwitchDefaults({ markup: 'alt' });
    try {
      const page = await session.open('/homepage');
      expect(await page.evaluate(() => window.__portal.markup)).toBe('alt');
      expect(await page.locator('meta[name="portal-switch-defaults"]').getAttribute('content')).toBe('markup=alt');
      await page.locator('main .ms-Stack-inner h3').first().waitFor();
      const overridden = await session.open('/homepage?markup=bare');
      expect(await overridden.evaluate(() => window.__portal.markup)).toBe('bare');
      // The tab keeps its own choice when the server's default changes.
      session.server.setSwitchDefaults({});
      await page.reload();
      await page.evaluate(() => window.__portal.ready);
      expect(await page.evaluate(() => window.__portal.markup)).toBe('alt');
      const fresh = await session.open('/homepage');
      expect(await fresh.evaluate(() => window.__portal.markup)).toBe('default');
      expect(await fresh.locator('meta[name="portal-switch-defaults"]').count()).toBe(0);
    } finally {
      session.server.setSwitchDefaults({});
    }
  });

  test('no page errors', () => {
    expect(session.errors).toEqual([]);
  });
});
