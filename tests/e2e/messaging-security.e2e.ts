import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../support/certs';
import { EXTENSION_ID, startWorld, type World } from '../support/world';
import { sendAsContentScript, writeStorageAsContentScript } from './pages/bridge';
import { connectWith, OptionsPage, PRIVATE_CLIENT, SVC } from './pages/options-page';
import { openActionFlyout, openTaskFormFromFlyout } from './pages/portal-page';

// Tokens and the client secret never leave the worker; senders and shapes are checked.

const OTHER_EXTENSION = join(PROJECT_ROOT, '.tmp', 'other-extension');

function writeOtherExtension() {
  mkdirSync(OTHER_EXTENSION, { recursive: true });
  writeFileSync(join(OTHER_EXTENSION, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Other extension', version: '1.0', background: { service_worker: 'sw.js' },
  }));
  writeFileSync(join(OTHER_EXTENSION, 'sw.js'), '// sends messages from a test\n');
}

let world: World;
let secrets: { accessToken: string; refreshToken: string };

beforeAll(async () => {
  writeOtherExtension();
  world = await startWorld({ extraExtensions: [OTHER_EXTENSION] });
  const options = await OptionsPage.open(world);
  await connectWith(world, options, { clientId: PRIVATE_CLIENT.id, secret: PRIVATE_CLIENT.secret });
  await options.expectState(`Connected as ${SVC.name}`);
  const worker = await world.worker();
  secrets = (await worker.evaluate(`new Promise((ok) => { const r = indexedDB.open('snt-secrets'); r.onsuccess = () => { const g = r.result.transaction('secrets').objectStore('secrets').get('tokens'); g.onsuccess = () => ok(g.result); }; })`)) as typeof secrets;
  expect(secrets.accessToken).toBeTruthy();
});
afterAll(() => world?.close());

const envelope = (name: string, payload: unknown) => ({ channel: 'snt/1', name, payload });

test('a content script gets status, never tokens or the secret', async () => {
  const page = await world.openPortal('/homepage');
  const reply = await sendAsContentScript(page, envelope('getStatus', { refresh: false }));
  expect(reply).toMatchObject({ ok: true, value: { state: 'connected', hasClientSecret: true } });
  const text = JSON.stringify(reply);
  for (const secret of [secrets.accessToken, secrets.refreshToken, PRIVATE_CLIENT.secret]) expect(text).not.toContain(secret);

  for (const name of ['getTokens', 'getSecret', 'tokens', '__proto__', 'constructor']) {
    expect(await sendAsContentScript(page, envelope(name, {}))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  }
});

test('storage that content scripts can read holds no secret', async () => {
  const worker = await world.worker();
  const everything = JSON.stringify(await worker.evaluate(`Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)])`));
  for (const secret of [secrets.accessToken, secrets.refreshToken, PRIVATE_CLIENT.secret]) expect(everything).not.toContain(secret);
});

test('the portal may not disconnect, set a secret, or send malformed requests', async () => {
  const page = await world.openPortal('/homepage');
  expect(await sendAsContentScript(page, envelope('disconnect', { forget: true }))).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
  expect(
    await sendAsContentScript(page, envelope('saveConnection', { instance: 'evil', clientId: 'x', clientSecret: 'y' })),
  ).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
  // Nor replace the instance or client of an existing connection (only the options page may).
  expect(
    await sendAsContentScript(page, envelope('saveConnection', { instance: 'evil', clientId: 'x' })),
  ).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
  expect(await sendAsContentScript(page, envelope('getStatus', { refresh: 'yes' }))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  expect(await sendAsContentScript(page, envelope('ping', { note: 'x', extra: 1 }))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  expect(await sendAsContentScript(page, envelope('ping', { note: 'x'.repeat(5000) }))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  const status = await sendAsContentScript(page, envelope('getStatus', { refresh: false }));
  expect(status).toMatchObject({ ok: true, value: { state: 'connected' } });
});

test('the page itself cannot reach the extension', async () => {
  const page = await world.openPortal('/homepage');
  const reachable = await page.evaluate((id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return false;
    try {
      (runtime.sendMessage as (id: string, m: unknown) => void)(id, {});
      return true;
    } catch {
      return false;
    }
  }, EXTENSION_ID);
  expect(reachable).toBe(false);
});

test('another extension cannot talk to ours', async () => {
  const other = await world.worker((url) => url.includes('/sw.js'));
  const outcome = await other.evaluate(
    `chrome.runtime.sendMessage(${JSON.stringify(EXTENSION_ID)}, ${JSON.stringify(envelope('getStatus', { refresh: false }))}).then((r) => ({ answered: r }), (e) => ({ refused: String(e.message) }))`,
  );
  expect(outcome).toMatchObject({ refused: expect.stringContaining('Receiving end does not exist') });
});

/** Sends an envelope from an extension page (the options page), as the popup and options do. */
async function sendAsExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

interface LogEntry { host: string; path: string; method: string }
const requestLog = () => world.admin<LogEntry[]>('GET', '/log');
const hostsAsked = async () => new Set((await requestLog()).map((entry) => entry.host));

test('no reply to any message, from the portal or an extension page, carries a token or the secret', async () => {
  const portal = await world.openPortal('/homepage');
  const options = await world.openExtensionPage('options.html');
  const listQuery = { table: 'all', state: '', search: '', sort: 'updated', dir: 'desc', offset: 0, limit: 50 };
  const messages = [
    envelope('ping', { note: 'x' }),
    envelope('getStatus', { refresh: false }),
    envelope('getStatus', { refresh: true }),
    envelope('prepareTicket', { actionId: 'AdminMFAV2' }),
    envelope('listOutbox', {}),
    envelope('getTicketOverview', {}),
    envelope('getActionTickets', { actionIds: ['AdminMFAV2'] }),
    envelope('listTickets', listQuery),
    envelope('searchRecords', { table: 'sys_user_group', text: 'Se' }),
    envelope('listChoices', { type: 'incident', field: 'category' }),
    envelope('getRequiredFields', {}),
    envelope('syncNow', {}),
    envelope('retryTicket', { outboxId: 'none' }),
    envelope('saveConnection', { instance: 'contoso', clientId: PRIVATE_CLIENT.id, clientSecret: 'x' }),
    envelope('tokens', {}),
  ];
  const replies: unknown[] = [];
  for (const message of messages) {
    replies.push(await sendAsContentScript(portal, message));
    if (message.name !== 'saveConnection') replies.push(await sendAsExtensionPage(options, message));
  }
  expect(replies.filter((r) => (r as { ok?: boolean }).ok).length).toBeGreaterThan(20);
  const text = JSON.stringify(replies);
  for (const secret of [secrets.accessToken, secrets.refreshToken, PRIVATE_CLIENT.secret]) expect(text).not.toContain(secret);
  await Promise.all([portal.close(), options.close()]);
});

test('a content-script write to storage.local (another instance, client, granted origin) changes nothing the worker does', async () => {
  await world.admin('POST', '/instances', { host: 'evil.service-now.com' });
  await world.admin('DELETE', '/log');
  const page = await world.openPortal('/homepage');
  const evil = { instanceOrigin: 'https://evil.service-now.com', instanceHost: 'evil.service-now.com', isServiceNowCloud: true, clientId: PRIVATE_CLIENT.id };
  await writeStorageAsContentScript(page, { 'connection:v1': evil, 'auth:v1': { reconnectNeeded: false, grantedOrigin: evil.instanceOrigin } });
  // Reconnect from the portal: the sign-in window opens at the configured instance.
  const signInWindow = world.context.waitForEvent('page');
  const reply = sendAsContentScript(page, envelope('connect', {}));
  const auth = await signInWindow;
  expect(new URL(auth.url()).host).toBe('contoso.service-now.com');
  await auth.close();
  await reply;
  expect(await sendAsContentScript(page, envelope('getStatus', { refresh: true }))).toMatchObject({
    ok: true,
    value: { instanceOrigin: 'https://contoso.service-now.com', hasClientSecret: true },
  });
  expect(await hostsAsked()).not.toContain('evil.service-now.com');
  await page.close();
});

test("a page script pressing Send (click(), requestSubmit()) creates nothing; the user's click creates one ticket", async () => {
  const page = await openActionFlyout(world, 'AdminMFAV2');
  const form = await openTaskFormFromFlyout(page);
  const sendButton = form.getByRole('button', { name: 'Send to ServiceNow' });
  await expect.poll(() => sendButton.isEnabled()).toBe(true);
  // The page's own script (main world) reaches our open shadow root, as any portal script could.
  const pressed = await page.evaluate(() => {
    const roots = [...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r);
    const button = roots.flatMap((r) => [...r.querySelectorAll('button')]).find((b) => b.textContent === 'Send to ServiceNow');
    if (!button) return false;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.form?.requestSubmit(button);
    return true;
  });
  expect(pressed).toBe(true);
  expect(await sendAsContentScript(page, envelope('listOutbox', {}))).toEqual({ ok: true, value: [] });
  expect(await world.admin<unknown[]>('GET', '/records/change_request')).toEqual([]);
  await expect.poll(() => sendButton.isVisible()).toBe(true);

  await sendButton.click();
  await form.getByTestId('ticket-created').waitFor();
  expect(await world.admin<unknown[]>('GET', '/records/change_request')).toHaveLength(1);
  await page.close();
});

test('fetches do not follow redirects: a redirecting instance is an error, the other host gets nothing', async () => {
  await world.admin('POST', '/instances', { host: 'moved.service-now.com' });
  await world.admin('DELETE', '/log');
  await world.admin('POST', '/faults', { match: '/api/now/table/sys_user', method: 'GET', kind: 'redirect', location: 'https://moved.service-now.com/api/now/table/sys_user', times: 10 });
  const options = await world.openExtensionPage('options.html');
  try {
    const reply = (await sendAsExtensionPage(options, envelope('getStatus', { refresh: true }))) as { ok: boolean; value: { checklist: { id: string; state: string }[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.checklist.find((s) => s.id === 'instance')).toMatchObject({ state: 'failed' });
    expect(await hostsAsked()).not.toContain('moved.service-now.com');
  } finally {
    await world.admin('DELETE', '/faults');
    await options.close();
  }
});

test('hostile ServiceNow JSON (__proto__, constructor keys) neither pollutes objects nor stops the worker', async () => {
  for (const match of ['/api/now/table/task', '/api/now/stats/task', '/api/now/table/sys_user']) {
    await world.admin('POST', '/faults', { match, method: 'GET', kind: 'proto-keys', times: 5 });
  }
  const options = await world.openExtensionPage('options.html');
  try {
    await sendAsExtensionPage(options, envelope('syncNow', {}));
    await sendAsExtensionPage(options, envelope('getStatus', { refresh: true }));
    const overview = (await sendAsExtensionPage(options, envelope('getTicketOverview', {}))) as { ok: boolean; value: unknown };
    expect(overview.ok).toBe(true);
    expect(JSON.stringify(overview.value)).not.toMatch(/polluted|isAdmin|"constructor"/);
    const worker = await world.worker();
    const polluted = `[({}).polluted, ({}).isAdmin, Object.prototype.polluted, typeof Object.prototype.constructor]`;
    expect(await worker.evaluate(polluted)).toEqual([undefined, undefined, undefined, 'function']);
    expect(await options.evaluate(polluted)).toEqual([undefined, undefined, undefined, 'function']);
    expect(await sendAsExtensionPage(options, envelope('ping', { note: 'still here' }))).toMatchObject({ ok: true, value: { pong: true } });
  } finally {
    await world.admin('DELETE', '/faults');
    await options.close();
  }
});

test('the 11th rapid connect from the portal opens no sign-in window: rate_limited', async () => {
  const page = await world.openPortal('/homepage');
  let windows = 0;
  let refused: unknown;
  for (let i = 0; i < 12 && !refused; i++) {
    const opened = world.context.waitForEvent('page', { timeout: 30_000 }).catch(() => null);
    const reply = sendAsContentScript(page, envelope('connect', {}));
    const first = await Promise.race([reply.then((r) => ({ reply: r })), opened.then((w) => ({ window: w }))]);
    if ('window' in first && first.window) {
      windows += 1;
      await first.window.close();
      await reply;
    } else if ('reply' in first) {
      refused = first.reply;
    }
  }
  expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringContaining('Wait') } });
  // The storage test above took one of the ten (unless the worker restarted in between).
  expect(windows).toBeGreaterThanOrEqual(9);
  expect(windows).toBeLessThanOrEqual(10);
  await page.close();
});
