// Captures real Fluent UI 8.125 DOM from the imitation Defender portal (in headless Chromium) into
// tests/portal/fixtures/*.html, for selector unit tests (happy-dom): load a file with
// `document.body.innerHTML = html` and set `document.documentElement.lang` from the header comment.
//
//   npx tsx tests/portal/capture-fixtures.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PORTAL_DIR } from './build';
import { launchChromium } from './chromium';
import { startPortal } from './server';

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
}

async function openPage(browser: Browser, baseUrl: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  await page.evaluate(() => window.__portal.ready);
  return page;
}

/** Lets Fluent finish positioning/animating (no DOM changes are expected afterwards). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

const layerHostHtml = (page: Page) => page.locator(HOST).evaluate((el) => el.outerHTML);

function header(info: Omit<FixtureInfo, 'file'>): string {
  return [
    `<!-- fixture: ${info.name} (${info.lang})`,
    `     Captured by tests/portal/capture-fixtures.ts from the imitation Defender portal`,
    `     (@fluentui/react 8.125.7, React 18) in headless Chromium.`,
    `     page: ${info.page}`,
    `     html[lang]: ${info.htmlLang}`,
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
  return out;
}

export async function captureFixtures(): Promise<FixtureInfo[]> {
  await mkdir(FIXTURES_DIR, { recursive: true });
  const server = await startPortal({ port: 0 });
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
