import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxWorld } from './firefox-world';

// Page helpers for the Firefox tests (puppeteer-core over WebDriver BiDi). ARIA selectors
// (::-p-aria) work on extension pages; Firefox's accessibility locator does not enter shadow
// roots, so our UI on the portal is found through its labels and text (controlByLabel, ::-p-text).

export const SVC = { user: 'svc_m365', password: 'Passw0rd!', name: 'SVC M365 Integration' };
export const PUBLIC_CLIENT = 'm365-public-client';

/** ARIA selector for an element by role and accessible name. */
export function aria(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/** Waits until the first element matching `selector` (CSS, may pierce with >>>) contains `text`. */
export async function waitForText(page: Page, selector: string, text: string | RegExp, timeout = 30_000): Promise<string> {
  const pattern = typeof text === 'string' ? { source: text, flags: '', literal: true } : { source: text.source, flags: text.flags, literal: false };
  const handle = await page.waitForFunction(
    (sel: string, p: typeof pattern) => {
      const found = [...document.querySelectorAll(sel)].map((el) => el.textContent ?? '');
      return found.find((t) => (p.literal ? t.includes(p.source) : new RegExp(p.source, p.flags).test(t))) ?? false;
    },
    { timeout, polling: 'mutation' },
    selector,
    pattern,
  );
  return (await handle.jsonValue()) as string;
}

/** The form control labelled `label` (label text starts with it), in the page or an open shadow root. */
export async function controlByLabel(page: Page, label: string, timeout = 30_000): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (text: string) => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i]!.querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          if (el instanceof HTMLLabelElement && el.textContent?.trim().startsWith(text) && el.control) return el.control;
        }
      }
      return null;
    },
    { timeout },
    label,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No control labelled ${label}`);
  return element as ElementHandle<HTMLInputElement>;
}

export class FirefoxOptionsPage {
  private constructor(readonly page: Page, readonly world: FirefoxWorld) {}

  static async open(world: FirefoxWorld): Promise<FirefoxOptionsPage> {
    const page = await world.openExtensionPage('options.html');
    await page.locator(aria('textbox', 'ServiceNow instance')).wait();
    return new FirefoxOptionsPage(page, world);
  }

  /** The redirect URL the page tells the admin to register in ServiceNow. */
  async shownRedirectUrl(): Promise<string> {
    return this.page.$eval('#snt-redirect', (input) => (input as HTMLInputElement).value);
  }

  async fill(instance: string, clientId: string): Promise<void> {
    await this.page.locator(aria('textbox', 'ServiceNow instance')).fill(instance);
    await this.page.locator(aria('textbox', 'OAuth client ID')).fill(clientId);
  }

  /** Clicks Connect and returns the sign-in window that identity.launchWebAuthFlow opens. */
  async connect(): Promise<Page> {
    const auth = this.world.waitForPage((url) => url.includes('/oauth_auth.do') || url.includes('/login.do'));
    await this.page.locator(aria('button', 'Connect')).click();
    return auth;
  }

  async expectState(text: string | RegExp): Promise<string> {
    return waitForText(this.page, '[data-testid="connection-state"]', text);
  }
}

/** Signs in on the stand-in's login page (when shown) and allows access on its consent page. */
export async function signIn(auth: Page, { user = SVC.user, password = SVC.password } = {}): Promise<void> {
  // ServiceNow's own element ids (login.do): the login form, or the consent page straight away
  // when a ServiceNow session exists.
  await auth.waitForSelector('#sysverb_login, button[value="allow"]', { timeout: 30_000 });
  if (await auth.$('#user_password')) {
    await auth.locator('#user_name').fill(user);
    await auth.locator('#user_password').fill(password);
    await auth.locator('#sysverb_login').click();
  }
  const closed = new Promise<void>((resolve) => auth.once('close', () => resolve()));
  await auth.locator('button[value="allow"]').click();
  await closed;
}

export async function connectPublicClient(world: FirefoxWorld): Promise<FirefoxOptionsPage> {
  const options = await FirefoxOptionsPage.open(world);
  await options.fill('contoso', PUBLIC_CLIENT);
  await signIn(await options.connect());
  await options.expectState(`Connected as ${SVC.name} to contoso.service-now.com`);
  return options;
}
