// Captures real Fluent UI 8.125 DOM from the imitation Defender portal (in headless Chromium) into
// tests/portal/fixtures/*.html, for selector unit tests (happy-dom): load a file with
// `document.body.innerHTML = html` and set `document.documentElement.lang` from the header comment.
// The Share menu fixtures are markup=default; the flyout, list and home fixtures exist for each
// markup (default, bare, alt), for the action reader and the card-grid finder.
//
//   npx tsx tests/portal/capture-fixtures.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PORTAL_DIR } from './build';
import { launchChromium } from './chromium';
import { startPortal } from './server';
import { MARKUPS, type Markup } from './src/markup';
import { waitForSettled } from './testing';

const FIXTURES_DIR = join(PORTAL_DIR, 'fixtures');
const LANGS = ['en', 'de'] as const;
const HOST = '#fluent-default-layer-host';
const MENU = `${HOST} .ms-ContextualMenu-container[role="menu"]`;
const SHARE_IN_COMMANDBAR = '[data-testid="flyout-commandbar"] button.ms-CommandBarItem-link:has(i[data-icon-name="Share"]):visible';

export interface FixtureInfo {
  file: string;
  name: string;
  lang: string;
  htmlLang: string;
  page: string;
  state: string;
  parts: string[];
  /** Absent for the Share menu fixtures (markup=default). */
  markup?: Markup;
}

async function openPage(browser: Browser, baseUrl: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  await page.evaluate(() => window.__portal.ready);
  return page;
}

/** Lets Fluent finish positioning and animating: main and the layer host (when there is one) are settled. */
async function settle(page: Page): Promise<void> {
  if (await page.locator(HOST).count()) await waitForSettled(page.locator(HOST));
  await waitForSettled(page.locator('main'));
}

const layerHostHtml = (page: Page) => page.locator(HOST).evaluate((el) => el.outerHTML);
const mainHtml = (page: Page) => page.locator('main').evaluate((el) => el.outerHTML);

function header(info: Omit<FixtureInfo, 'file'>): string {
  return [
    `<!-- fixture: ${info.name} (${info.lang})`,
    `     Captured by tests/portal/capture-fixtures.ts from the imitation Defender portal`,
    `     (@fluentui/react 8.125.7, React 18) in headless Chromium.`,
    `     page: ${info.page}`,
    `     html[lang]: ${info.htmlLang}`,
    ...(info.markup ? [`     markup: ${info.markup} (tests/portal/README.md, "Markups")`] : []),
    `     state: ${info.state}`,
    `     parts: ${info.parts.join('; ')}`,
    `     Icons are MDL2 private-use glyphs as on the real portal (<i data-icon-name="Share">\\uE72D</i>).`,
    `-->`,
    '',
  ].join('\n');
}

async function captureAll(browser: Browser, baseUrl: string): Promise<FixtureInfo[]> {
  const out: FixtureInfo[] = [];
  const save = async (info: Omit<FixtureInfo, 'file'>, body: string) => {
    const file = `${info.name}.${info.lang}.html`;
    await writeFile(join(FIXTURES_DIR, file), header(info) + body + '\n');
    out.push({ file, ...info });
  };

  for (const lang of LANGS) {
    // (a) Share menu opened from the flyout's CommandBar.
    {
      const path = `/securescore?viewid=actions&actionId=AdminMFAV2&lang=${lang}`;
      const page = await openPage(browser, baseUrl, path);
      await page.locator(SHARE_IN_COMMANDBAR).click();
      await page.locator(`${MENU} button.ms-ContextualMenu-link`).nth(3).waitFor();
      await settle(page);
      const htmlLang = (await page.locator('html').getAttribute('lang')) ?? '';
      await save(
        {
          name: 'share-commandbar-menu',
          lang,
          htmlLang,
          page: path,
          state: 'flyout (Panel) open; its CommandBar Share button clicked, Share menu open',
          parts: ['#fluent-default-layer-host with the Panel layer (holding the CommandBar) and the menu layer'],
        },
        await layerHostHtml(page),
      );
      // (d) Flyout header + command bar, menu closed.
      await page.keyboard.press('Escape');
      await page.locator(MENU).waitFor({ state: 'detached' });
      await settle(page);
      await save(
        {
          name: 'flyout-header-commandbar',
          lang,
          htmlLang,
          page: path,
          state: 'flyout (Panel) open, no menu open',
          parts: ['#fluent-default-layer-host with the Panel layer: header (.ms-Panel-headerText), CommandBar, body'],
        },
        await layerHostHtml(page),
      );
      await page.context().close();
    }

    // (b) Row "…" menu with the Share submenu open.
    {
      const path = `/securescore?viewid=actions&lang=${lang}`;
      const page = await openPage(browser, baseUrl, path);
      const more = page.locator('button[data-testid="action-row-more"][data-action-id="AdminMFAV2"]');
      await more.click();
      await page.locator(`${MENU} button.ms-ContextualMenu-link:has(i[data-icon-name="Share"])`).click();
      await page.waitForFunction(
        (host) => {
          const layers = document.querySelectorAll(`${host} > .ms-Layer`);
          return layers.length === 2 && layers[1]!.querySelectorAll('button.ms-ContextualMenu-link').length === 4;
        },
        HOST,
      );
      await settle(page);
      const rowHtml = await page
        .locator('.ms-DetailsRow', { has: page.locator('[data-action-id="AdminMFAV2"]') })
        .evaluate((el) => el.outerHTML);
      await save(
        {
          name: 'share-row-submenu',
          lang,
          htmlLang: (await page.locator('html').getAttribute('lang')) ?? '',
          page: path,
          state: 'row "…" (More actions) menu of AdminMFAV2 open, its Share item clicked, Share submenu open',
          parts: [
            'the DetailsList row (.ms-DetailsRow) holding the "…" IconButton',
            '#fluent-default-layer-host with the menu layer and the submenu layer',
          ],
        },
        `${rowHtml}\n${await layerHostHtml(page)}`,
      );
      await page.context().close();
    }

    // (c) Standalone Share button (DefaultButton with menuProps).
    {
      const path = `/securescore?viewid=actions&actionId=AdminMFAV2&sharebutton=standalone&lang=${lang}`;
      const page = await openPage(browser, baseUrl, path);
      await page.locator('[data-testid="flyout-commandbar"] button.ms-Button--default:has(i[data-icon-name="Share"])').click();
      await page.locator(`${MENU} button.ms-ContextualMenu-link`).nth(3).waitFor();
      await settle(page);
      await save(
        {
          name: 'share-standalone-menu',
          lang,
          htmlLang: (await page.locator('html').getAttribute('lang')) ?? '',
          page: path,
          state: 'flyout open with Share as a standalone DefaultButton (sharebutton=standalone); its menu open',
          parts: ['#fluent-default-layer-host with the Panel layer (CommandBar + standalone Share button) and the menu layer'],
        },
        await layerHostHtml(page),
      );
      await page.context().close();
    }
  }
  for (const lang of LANGS) for (const markup of MARKUPS) await captureMarkup(browser, baseUrl, markup, lang, save);
  return out;
}

type Save = (info: Omit<FixtureInfo, 'file'>, body: string) => Promise<void>;

/** Flyout (all sections and facts), the actions list and the home card grid in one markup. */
async function captureMarkup(browser: Browser, baseUrl: string, markup: Markup, lang: string, save: Save): Promise<void> {
  const htmlLangOf = async (page: Page) => (await page.locator('html').getAttribute('lang')) ?? '';
  {
    const path = `/securescore?viewid=actions&actionId=AdminMFAV2&markup=${markup}&lang=${lang}`;
    const page = await openPage(browser, baseUrl, path);
    await page.locator(`${HOST} .ms-Panel .ms-CommandBar`).waitFor();
    await settle(page);
    const htmlLang = await htmlLangOf(page);
    const panel = '#fluent-default-layer-host with the Panel layer: header (.ms-Panel-headerText), CommandBar';
    if (markup !== 'alt') {
      await save(
        {
          name: `flyout-${markup}`,
          lang,
          htmlLang,
          markup,
          page: path,
          state: 'flyout (Panel) of AdminMFAV2 open, no menu open',
          parts: [`${panel}, At a glance facts, Description, User impact, Implementation (Prerequisites, Next steps)`],
        },
        await layerHostHtml(page),
      );
    } else {
      await save(
        {
          name: 'flyout-alt-overview',
          lang,
          htmlLang,
          markup,
          page: path,
          state: 'flyout (Panel) of AdminMFAV2 open on its first Pivot tab (Overview), no menu open',
          parts: [`${panel}, Pivot; the Overview tabpanel: At a glance facts (Label + Text), Description, User impact. The Implementation tab's content is not in the DOM`],
        },
        await layerHostHtml(page),
      );
      await page.locator(`${HOST} .ms-Panel [role="tab"]`).nth(1).click();
      await page.locator(`${HOST} .ms-Panel [role="tabpanel"] ol > li`).first().waitFor();
      await settle(page);
      await save(
        {
          name: 'flyout-alt-implementation',
          lang,
          htmlLang,
          markup,
          page: path,
          state: 'flyout (Panel) of AdminMFAV2 open, its second Pivot tab (Implementation) selected, no menu open',
          parts: [`${panel}, Pivot; the Implementation tabpanel: Prerequisites, Next steps. The Overview tab's content is not in the DOM`],
        },
        await layerHostHtml(page),
      );
    }
    await page.context().close();
  }
  {
    const path = `/securescore?viewid=actions&markup=${markup}&lang=${lang}`;
    const page = await openPage(browser, baseUrl, path);
    await page.locator('main .ms-DetailsRow').nth(16).waitFor();
    await settle(page);
    await save(
      {
        name: `actions-list-${markup}`,
        lang,
        htmlLang: await htmlLangOf(page),
        markup,
        page: path,
        state: 'Recommended actions list, no flyout, no menu open',
        parts: ['main#main-content: page heading, Pivot, the DetailsList with its column headers and all 17 rows'],
      },
      await mainHtml(page),
    );
    await page.context().close();
  }
  {
    const path = `/homepage?markup=${markup}&lang=${lang}`;
    const page = await openPage(browser, baseUrl, path);
    await page.locator('main :is(h2, h3)').nth(4).waitFor();
    await settle(page);
    await save(
      {
        name: `home-cards-${markup}`,
        lang,
        htmlLang: await htmlLangOf(page),
        markup,
        page: path,
        state: 'home page with its five native cards',
        parts: ['main#main-content: the page heading (h1) and the card grid'],
      },
      await mainHtml(page),
    );
    await page.context().close();
  }
}

export async function captureFixtures(): Promise<FixtureInfo[]> {
  await mkdir(FIXTURES_DIR, { recursive: true });
  // switches: {} — markup=default unless a capture asks otherwise, whatever PORTAL_MARKUP says.
  const server = await startPortal({ port: 0, switches: {} });
  const browser = await launchChromium();
  try {
    const infos = await captureAll(browser, server.url);
    await writeFile(join(FIXTURES_DIR, 'index.json'), JSON.stringify(infos, null, 2) + '\n');
    return infos;
  } finally {
    await browser.close();
    await server.close();
  }
}

const isMain = process.argv[1] !== undefined && /capture-fixtures\.ts$/.test(process.argv[1]);
if (isMain) {
  captureFixtures()
    .then((infos) => {
      for (const i of infos) console.log(`fixtures/${i.file}: ${i.state}`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
