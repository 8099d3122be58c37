import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_REDIRECT_URL } from '../servicenow/seed';
import { startFirefoxWorld, type FirefoxWorld } from './support/firefox-world';
import { aria, connectPublicClient, controlByLabel, FirefoxOptionsPage, PUBLIC_CLIENT, SVC, waitForText } from './support/pages';

// The Firefox build (.output/firefox-mv2, MV2 with a background page) in Debian's stock
// firefox-esr: one browser for the file, the steps in the order a user takes them.

interface TaskRecord { sys_id: string; number: string; short_description: string; correlation_id: string }
interface LogEntry { method: string; path: string; status: number; grant_type?: string }

let world: FirefoxWorld;
beforeAll(async () => {
  world = await startFirefoxWorld();
});
afterAll(() => world?.close());

const records = (table: string) => world.admin<TaskRecord[]>('GET', `/records/${table}`);
const log = () => world.admin<LogEntry[]>('GET', '/log');

describe('Firefox', () => {
  test('the options page shows the Firefox redirect URL and links the privacy statement; the public PKCE client connects', async () => {
    const options = await FirefoxOptionsPage.open(world);
    expect(await options.shownRedirectUrl()).toBe(world.redirectUrl);
    expect(world.redirectUrl).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    // The privacy statement is in the package, so the link works offline.
    const privacy = await options.page.$eval('a[href$="privacy.txt"]', (a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent }));
    expect(privacy.text).toBe('Privacy statement');
    expect(await options.page.evaluate(async (url: string) => (await fetch(url)).text(), privacy.href)).toContain('# Privacy statement');
    // What the admin does in ServiceNow's Application Registry: add this browser's redirect URL.
    await world.admin('POST', `/clients/${PUBLIC_CLIENT}`, { redirect_urls: [EXTENSION_REDIRECT_URL, world.redirectUrl] });
    await options.page.close();

    const connected = await connectPublicClient(world);
    for (const step of ['instance', 'client', 'authorized', 'user', 'read', 'create', 'ready']) {
      await connected.page.waitForSelector(`[data-step="${step}"][data-state="ok"]`, { timeout: 30_000 });
    }
    const token = (await log()).find((e) => e.path === '/oauth_token.do');
    expect(token).toMatchObject({ method: 'POST', status: 200, grant_type: 'authorization_code' });
    await connected.page.close();
  });

  test('Share → ServiceNow → Send creates exactly one change request, and the popup counts it', async () => {
    const page = await world.openPortal('/securescore?viewid=actions&actionId=AdminMFAV2');
    await page.waitForSelector('.ms-Panel');
    await page.locator('.ms-Panel button[aria-haspopup="true"]:has([data-icon-name="Share"])').click();
    await page.locator(aria('menuitem', 'ServiceNow')).click();
    const taskName = await controlByLabel(page, 'Task name');
    expect(await taskName.evaluate((input) => input.value)).toBe('Require MFA for administrative roles');
    await page.locator('::-p-text(Send to ServiceNow)').click();
    // The task form lives in our shadow root: >>> pierces it.
    const created = await page
      .locator('>>> [data-testid="ticket-created"]')
      .filter((el) => /CHG\d+/.test(el.textContent ?? ''))
      .map((el) => el.textContent ?? '')
      .wait();
    const number = /CHG\d+/.exec(created)?.[0];
    expect(number).toBeTruthy();

    const all = await records('change_request');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ number, short_description: 'Require MFA for administrative roles', correlation_id: 'm365ss-AdminMFAV2' });
    await page.close();

    const popup = await world.openExtensionPage('popup.html');
    await waitForText(popup, '[data-testid="connection-state"]', `Connected as ${SVC.name}`);
    const counts = await waitForText(popup, '[data-testid="popup-counts-change_request"]', / 1$/);
    expect(counts).toMatch(/^\S.* 1$/);
    await popup.close();
  });

  test('Disconnect in the popup revokes the tokens at ServiceNow', async () => {
    const tokens = () => [...world.servicenow.state.tokens.values()];
    expect(tokens().filter((t) => !t.revoked).length).toBeGreaterThan(0);
    const popup = await world.openExtensionPage('popup.html');
    await popup.locator(aria('button', 'Disconnect')).click();
    await waitForText(popup, '[data-testid="connection-state"]', 'Not connected');
    expect(tokens().filter((t) => !t.revoked)).toEqual([]);
    expect((await log()).filter((e) => e.path === '/oauth_revoke_token.do' && e.status === 200).length).toBeGreaterThan(0);
    await popup.close();
  });
});
