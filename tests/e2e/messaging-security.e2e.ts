import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/certs';
import { EXTENSION_ID, startWorld, type World } from '../support/world';
import { sendAsContentScript } from './pages/bridge';
import { connectWith, OptionsPage, PRIVATE_CLIENT, SVC } from './pages/options-page';

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
