import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal, type PortalServer } from '../../portal/server';
import { startServiceNow, type ServiceNowStandIn } from '../../servicenow/server';
import { PROJECT_ROOT, testCertificate } from '../../support/certs';
import { findFirefox } from '../../support/firefox';
import { adminRequest, INSTANCE, PORTAL } from '../../support/world';
import { startHostProxy, type HostProxy } from './host-proxy';

// The Firefox flavour of the test world: the same portal imitation and ServiceNow stand-in as
// the Chromium tests, and Debian's stock firefox-esr driven over WebDriver BiDi with the Firefox
// build (.output/firefox-mv2) installed as a temporary add-on. A loopback CONNECT proxy maps
// the real host names to the local servers; acceptInsecureCerts covers pages and the add-on's
// background fetches alike.

export const FIREFOX_EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2');

/** Fixed internal UUID of the add-on (pref extensions.webextensions.uuids): moz-extension://<uuid>/ pages open by URL. */
export const ADDON_UUID = '7d3c1a52-6f0e-4b8e-9a41-2c5d8e9b0f13';

export interface FirefoxWorld {
  browser: Browser;
  geckoId: string;
  /** What browser.identity.getRedirectURL() answers in Firefox: https://<sha1 of the gecko id>.extensions.allizom.org/ */
  redirectUrl: string;
  portal: PortalServer;
  servicenow: ServiceNowStandIn;
  proxy: HostProxy;
  openPortal(path?: string): Promise<Page>;
  openExtensionPage(path: 'popup.html' | 'options.html'): Promise<Page>;
  /** The next page (tab or window) whose URL matches, e.g. the sign-in window launchWebAuthFlow opens. */
  waitForPage(match: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id: is this a Firefox build?`);
  return id;
}

export function firefoxRedirectUrl(geckoId: string): string {
  return `https://${createHash('sha1').update(geckoId).digest('hex')}.extensions.allizom.org/`;
}

export async function startFirefoxWorld({ extensionDir = FIREFOX_EXTENSION_DIR } = {}): Promise<FirefoxWorld> {
  const geckoId = geckoIdOf(extensionDir);
  const tls = await testCertificate();
  const [portal, servicenow] = await Promise.all([startPortal({ port: 0, tls }), startServiceNow({ port: 0, tls })]);
  const proxy = await startHostProxy({
    'security.microsoft.com:443': portal.port,
    [`${INSTANCE}:443`]: servicenow.port,
  });
  const tmp = join(PROJECT_ROOT, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const profile = mkdtempSync(join(tmp, 'firefox-profile-'));
  const stopServers = () => Promise.all([portal.close(), servicenow.close(), proxy.close()]);

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      // Firefox may take long to start on a loaded 2-core machine; puppeteer's default is 30 s.
      timeout: 90_000,
      acceptInsecureCerts: true,
      userDataDir: profile,
      // Opening moz-extension:// pages over WebDriver BiDi needs system access.
      args: ['--remote-allow-system-access'],
      env: {
        ...process.env,
        TMPDIR: tmp,
        XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        MOZ_CRASHREPORTER_DISABLE: '1',
      },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }),
        // Every connection through the loopback proxy, which knows only the test hosts.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.trr.mode': 5,
        'network.http.http3.enable': false,
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
      },
    });
  } catch (error) {
    await stopServers();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  const close = async () => {
    await browser.close().catch(() => undefined);
    await stopServers();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`The add-on installed as ${installed}, expected ${geckoId}.`);
  } catch (error) {
    await close();
    throw error;
  }

  const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path}`;
  return {
    browser,
    geckoId,
    redirectUrl: firefoxRedirectUrl(geckoId),
    portal,
    servicenow,
    proxy,
    async openPortal(path = '/homepage') {
      const page = await browser.newPage();
      await page.goto(`${PORTAL}${path}`);
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // Over BiDi, Firefox never reports the end of a navigation to a moz-extension:// page, so
      // goto() would time out: start it, and wait for the page itself instead.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await waitForLoadedDocument(page, url);
      return page;
    },
    async waitForPage(match, timeoutMs = 30_000) {
      const target = await browser.waitForTarget((t) => t.type() === 'page' && match(t.url()), { timeout: timeoutMs });
      const page = await target.page();
      if (!page) throw new Error(`No page for ${target.url()}`);
      return page;
    },
    admin: <T,>(method: string, path: string, body?: unknown) => adminRequest<T>(servicenow.port, method, path, body),
    close,
  };
}

/**
 * Waits until `page` shows `url`, fully loaded. While the tab swaps about:blank for the extension
 * document, Firefox's BiDi can fail an evaluation in the realm being torn down ("right-hand side
 * of 'in' should be an object, got null"); such a failure means "not there yet", so ask again.
 */
async function waitForLoadedDocument(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const loaded = await page.evaluate((expected: string) => location.href === expected && document.readyState === 'complete', url);
      if (loaded) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not finish loading in ${timeoutMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
