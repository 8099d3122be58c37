// Helpers for the portal's own browser tests and the fixture capture: a portal server with one
// headless Chromium, pages opened in fresh contexts, and waits on signals (never fixed sleeps).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startPortal, type PortalOptions, type PortalServer } from './server';

export interface PortalSession {
  server: PortalServer;
  browser: Browser;
  /** Page errors and console errors of every page opened so far. */
  errors: string[];
  /**
   * A fresh browser context (fresh sessionStorage) with the portal loaded at `path` and ready.
   * `beforeLoad` runs on the new page before it navigates (e.g. recordFirstAppearance).
   */
  open(path: string, options?: { beforeLoad?: (page: Page) => Promise<void> }): Promise<Page>;
  close(): Promise<void>;
}

export async function startPortalSession(options: PortalOptions = {}): Promise<PortalSession> {
  const server = await startPortal({ port: 0, ...options });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    server,
    browser,
    errors,
    async open(path, { beforeLoad } = {}) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await beforeLoad?.(page);
      page.on('pageerror', (err) => errors.push(`${path}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${path}: console: ${msg.text()}`);
      });
      await page.goto(server.url + path);
      await page.evaluate(() => window.__portal.ready);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/**
 * Records, from the very start of the next page load, when an element matching each selector first
 * appeared (performance.now(), ms); read it with firstAppearances(). A timeline instead of checks
 * at some moment: "the spinner came before the content" holds however loaded the machine is.
 */
export async function recordFirstAppearance(page: Page, selectors: Record<string, string>): Promise<void> {
  // A source string: tsx (esbuild keepNames) would wrap named inner functions in a __name() helper
  // that does not exist in the page.
  await page.addInitScript(`(() => {
    const sels = ${JSON.stringify(selectors)};
    const seen = (window.__firstSeen = {});
    new MutationObserver(() => {
      for (const [name, sel] of Object.entries(sels)) if (seen[name] === undefined && document.querySelector(sel)) seen[name] = performance.now();
    }).observe(document, { subtree: true, childList: true });
  })()`);
}

export function firstAppearances(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __firstSeen: Record<string, number> }).__firstSeen }));
}

/** Waits until the app has re-rendered `count` more times (the `rerender` switch's ticks). */
export async function waitForRenderTicks(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(() => window.__portal.renderTick);
  await page.waitForFunction((target) => window.__portal.renderTick >= target, start + count);
}

/**
 * Waits until `target` has settled: its CSS animations/transitions (Fluent's fade-ins) are
 * finished and its subtree saw no DOM change during two consecutive animation frames.
 */
export async function waitForSettled(target: Locator): Promise<void> {
  // A source string, for the same reason as in recordFirstAppearance.
  await target.evaluate(`(root) => new Promise((resolve) => {
    let changed = true;
    let quietFrames = 0;
    const observer = new MutationObserver(() => (changed = true));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    requestAnimationFrame(function frame() {
      const animating = root.getAnimations({ subtree: true }).some((a) => a.playState === 'running' || a.pending);
      quietFrames = changed || animating ? 0 : quietFrames + 1;
      changed = false;
      if (quietFrames >= 2) {
        observer.disconnect();
        resolve();
      } else requestAnimationFrame(frame);
    });
  })`);
}

/** Names of the data-* attributes of ours (markup=default only): data-testid and the other hooks. */
export const OUR_DATA_ATTRIBUTES = [
  'data-testid',
  'data-action-id',
  'data-fact',
  'data-page',
  'data-viewid',
  'data-status',
  'data-command',
  'data-render-tick',
  'data-churn-tick',
  'data-portal-ready',
] as const;

/**
 * data-* attribute names Fluent UI 8 renders itself. Anything else on the page is ours (or
 * Playwright's, which adds none).
 */
export const FLUENT_DATA_ATTRIBUTES = [
  'data-automation-id',
  'data-automationid',
  'data-automation-key',
  'data-content',
  'data-focuszone-id',
  'data-icon-name',
  'data-is-draggable',
  'data-is-focus-trap-zone-bumper',
  'data-is-focusable',
  'data-is-scrollable',
  'data-is-visible',
  'data-item-index',
  'data-item-key',
  'data-list-index',
  'data-merge-styles',
  'data-portal-element',
  'data-selection-index',
  'data-selection-touch-invoke',
  'data-selection-invoke',
  'data-selection-disabled',
  'data-selection-select',
  'data-selection-toggle',
  'data-selection-all-toggle',
  'data-tabster',
  'data-ktp-target',
  'data-ktp-execute-target',
  'data-is-sub-menu',
  'data-is-hidden',
  'data-page-key',
] as const;

/** The data-* attribute names used in the whole document, with how often each occurs. */
export function dataAttributeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (attr.startsWith('data-')) counts[attr] = (counts[attr] ?? 0) + 1;
    }
    return counts;
  });
}
