import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startPortal, type PortalServer } from '../portal/server';
import { startServiceNow, type ServiceNowStandIn } from '../servicenow/server';
import { testCertificate, PROJECT_ROOT } from './certs';
import { findChromium } from './chromium';

// The local test world: the imitation portal and the ServiceNow stand-in on HTTPS, and Chromium
// with the built extension, where security.microsoft.com and *.service-now.com resolve to them.
// Used by the end-to-end tests and by `npm run demo`.

export const EXTENSION_ID = 'cpkeknfkjeijkaciapgpgphiimkbilje';
export const PORTAL = 'https://security.microsoft.com';
export const INSTANCE = 'contoso.service-now.com';
export const CUSTOM_DOMAIN = 'servicenow.contoso.com';

export interface WorldOptions {
  extensionDir?: string;
  headless?: boolean;
  portalPort?: number;
  serviceNowPort?: number;
  /** Keep the browser profile here (the demo) instead of a fresh temporary one. */
  userDataDir?: string;
  /** More unpacked extensions to load (security tests). */
  extraExtensions?: string[];
  /** Browser UI language (e.g. 'de'): the extension's text follows it. */
  lang?: string;
}

export interface World {
  context: BrowserContext;
  extensionId: string;
  portal: PortalServer;
  servicenow: ServiceNowStandIn;
  /** Our service worker, or the first worker whose URL matches `match`. */
  worker(match?: (url: string) => boolean): Promise<Worker>;
  /** Opens a portal page (path like /securescore?viewid=actions). */
  openPortal(path?: string): Promise<Page>;
  openExtensionPage(path: 'popup.html' | 'options.html'): Promise<Page>;
  /**
   * Reloads the extension as its Reload button in chrome://extensions does (an update does the
   * same to open tabs) and resolves with the new service worker.
   */
  reloadExtension(): Promise<Worker>;
  /** Closes the browser and starts it again with the same profile (the soak); `context` changes. */
  restartBrowser(): Promise<void>;
  /** Calls the stand-in's admin interface. */
  admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export const E2E_EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3-e2e');

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const tls = await testCertificate();
  const [portal, servicenow] = await Promise.all([
    startPortal({ port: options.portalPort ?? 0, tls }),
    startServiceNow({ port: options.serviceNowPort ?? 0, tls }),
  ]);
  // The custom-domain instance of the README and demo (same data as contoso).
  servicenow.state.instances.push(CUSTOM_DOMAIN);
  const extensionDir = options.extensionDir ?? process.env.SNT_EXTENSION_DIR ?? E2E_EXTENSION_DIR;
  const tmp = join(PROJECT_ROOT, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmp, 'profile-'));
  const extensions = [extensionDir, ...(options.extraExtensions ?? [])].join(',');
  const hostRules = [
    `MAP security.microsoft.com:443 127.0.0.1:${portal.port}`,
    `MAP *.service-now.com:443 127.0.0.1:${servicenow.port}`,
    `MAP ${CUSTOM_DOMAIN}:443 127.0.0.1:${servicenow.port}`,
  ].join(', ');

  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: options.headless ?? true,
      ignoreHTTPSErrors: true,
      viewport: options.headless === false ? null : { width: 1400, height: 900 },
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
        TMPDIR: tmp,
        // English unless a test asks otherwise, whatever the machine's locale.
        LANGUAGE: options.lang ?? 'en-US',
      },
      args: [
        `--disable-extensions-except=${extensions}`,
        `--load-extension=${extensions}`,
        `--host-resolver-rules=${hostRules}`,
        // The worker's fetches to the local HTTPS servers use the throwaway certificate.
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        `--lang=${options.lang ?? 'en-US'}`,
      ],
    });
  let context: BrowserContext;
  try {
    context = await launch();
  } catch (error) {
    await Promise.all([portal.close(), servicenow.close()]);
    throw error;
  }

  const ours = (url: string) => url.startsWith(`chrome-extension://${EXTENSION_ID}/`);
  const worker = async (match = ours): Promise<Worker> =>
    context.serviceWorkers().find((w) => match(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => match(w.url()), timeout: 10_000 }));
  const extensionId = new URL((await worker()).url()).host;
  if (extensionId !== EXTENSION_ID) {
    throw new Error(`The extension loaded with id ${extensionId}, expected ${EXTENSION_ID}: is the manifest key missing?`);
  }

  const world: World = {
    context,
    extensionId,
    portal,
    servicenow,
    worker,
    async openPortal(path = '/homepage') {
      const page = await context.newPage();
      await page.goto(`${PORTAL}${path}`);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async reloadExtension() {
      const old = await worker();
      const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));
      // Started before the reload: the new worker may register before the call returns.
      const next = context.waitForEvent('serviceworker', { predicate: (w) => ours(w.url()) && w !== old, timeout: 30_000 });
      next.catch(() => undefined); // awaited below; a failed reload call must not leave it unhandled
      const extensions = await context.newPage();
      try {
        await extensions.goto('chrome://extensions');
        await extensions.evaluate(reloadInExtensionsPage(extensionId));
      } finally {
        await extensions.close();
      }
      await closed;
      return next;
    },
    async restartBrowser() {
      await context.close();
      context = await launch();
      world.context = context;
      await worker();
    },
    admin: <T,>(method: string, path: string, body?: unknown) => adminRequest<T>(servicenow.port, method, path, body),
    async close() {
      await context.close().catch(() => undefined);
      await Promise.all([portal.close(), servicenow.close()]);
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * Runs in chrome://extensions (chrome.developerPrivate, what its Reload button calls). Developer
 * mode first: without it Chromium disables a reloaded unpacked extension (disable reason
 * unsupportedDeveloperExtension; only the --load-extension start is exempt), so no new worker or
 * content script would ever come. A string, not a function: tsx would add helpers to its source.
 */
const reloadInExtensionsPage = (id: string) => `(() => {
  const call = (start) => new Promise((resolve, reject) => start(() => {
    const error = chrome.runtime.lastError;
    if (error) reject(new Error(error.message)); else resolve();
  }));
  return call((done) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done))
    .then(() => call((done) => chrome.developerPrivate.reload(${JSON.stringify(id)}, { failQuietly: true }, done)));
})()`;

/** The stand-in's admin interface, over its HTTPS port with the instance's Host header. */
export function adminRequest<T = unknown>(port: number, method: string, path: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/__admin${path}`,
        servername: INSTANCE,
        rejectUnauthorized: false,
        headers: { host: INSTANCE, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`admin ${method} ${path}: HTTP ${res.statusCode} ${text}`));
          else resolve((text ? JSON.parse(text) : undefined) as T);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
