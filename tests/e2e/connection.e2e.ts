import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';
import { connectWith, OptionsPage, PRIVATE_CLIENT, PUBLIC_CLIENT, signIn, SVC } from './pages/options-page';

// F1.1-F1.6 against the stand-in, through its real login and consent pages.

interface LogEntry { method: string; path: string; status: number; grant_type?: string; query?: Record<string, string> | string }

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world?.close());

const log = () => world.admin<LogEntry[]>('GET', '/log');

async function connected(clientId = PUBLIC_CLIENT, secret?: string) {
  const options = await OptionsPage.open(world);
  await connectWith(world, options, { clientId, secret });
  await options.expectState(`Connected as ${SVC.name} to contoso.service-now.com`);
  return options;
}

/** Runs code inside the service worker with access to the connection service (e2e builds). */
async function inWorker<T>(fn: string): Promise<T> {
  const worker = await world.worker();
  return worker.evaluate(`(async () => { const { connection } = globalThis.__snt; ${fn} })()`) as Promise<T>;
}

describe('connect', () => {
  test('a public PKCE client connects and every checklist step passes', async () => {
    const options = await connected();
    for (const step of ['instance', 'client', 'authorized', 'user', 'read', 'create', 'ready']) {
      await options.expectStep(step, 'ok');
    }
    const token = (await log()).find((e) => e.path === '/oauth_token.do');
    expect(token).toMatchObject({ method: 'POST', status: 200, grant_type: 'authorization_code' });
  });

  test('a private client with its secret connects, and the secret is never shown again', async () => {
    const options = await connected(PRIVATE_CLIENT.id, PRIVATE_CLIENT.secret);
    await expect(options.page.getByLabel(/OAuth client secret/).inputValue()).resolves.toBe('');
    expect(await options.page.content()).not.toContain(PRIVATE_CLIENT.secret);
    await options.page.getByText('A secret is saved').waitFor();
  });

  test('a wrong client secret names the client as the problem', async () => {
    const options = await OptionsPage.open(world);
    await connectWith(world, options, { clientId: PRIVATE_CLIENT.id, secret: 'not-the-secret' });
    await options.alert().filter({ hasText: 'did not accept the OAuth client' }).waitFor();
    await options.expectStep('client', 'failed');
  });

  test('an unregistered redirect URL ends with the redirect URL to register', async () => {
    // ServiceNow silently sends the window to the first registered URL, which never returns to
    // the extension; the user closes the window in the end.
    await world.admin('POST', `/clients/${PUBLIC_CLIENT}`, {
      redirect_urls: ['https://security.microsoft.com/homepage', 'https://example.invalid/other'],
    });
    const options = await OptionsPage.open(world);
    await options.fill({ instance: 'contoso', clientId: PUBLIC_CLIENT });
    const auth = await options.connect();
    await signIn(auth, { waitForClose: false });
    await auth.waitForURL(/security\.microsoft\.com\/homepage\?code=/);
    await auth.close();
    const alert = options.alert().filter({ hasText: 'redirect URL is probably not registered' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`https://${world.extensionId}.chromiumapp.org/`);
    await options.expectStep('authorized', 'failed');
  });

  test('a redirect to a page that fails to load is reported the same way', async () => {
    await world.admin('POST', `/clients/${PUBLIC_CLIENT}`, { redirect_urls: ['https://contoso.service-now.com/oauth_redirect.do'] });
    const options = await OptionsPage.open(world);
    await options.fill({ instance: 'contoso', clientId: PUBLIC_CLIENT });
    await signIn(await options.connect());
    await options.alert().filter({ hasText: 'redirect URL is probably not registered' }).waitFor();
  });

  test('an unknown instance is reported before any sign-in window opens', async () => {
    const options = await OptionsPage.open(world);
    await options.fill({ instance: 'no-such-instance', clientId: PUBLIC_CLIENT });
    await options.page.getByRole('button', { name: 'Connect' }).click();
    await options.alert().filter({ hasText: 'no-such-instance.service-now.com did not answer like a ServiceNow instance' }).waitFor();
  });

  test('an invalid instance name is rejected with what is wrong', async () => {
    const options = await OptionsPage.open(world);
    await options.fill({ instance: 'http://contoso.service-now.com', clientId: PUBLIC_CLIENT });
    await options.page.getByRole('button', { name: 'Connect' }).click();
    await options.alert().filter({ hasText: 'only reached over HTTPS' }).waitFor();
  });

  test('a user without roles gets the role fix', async () => {
    const options = await OptionsPage.open(world);
    await connectWith(world, options, { clientId: PUBLIC_CLIENT, user: 'no.roles' });
    await options.expectStep('read', 'failed');
    expect(await options.step('read').textContent()).toContain('User Administration > Users');
    await options.expectStep('user', 'warning'); // a personal account, not an integration user
  });

  test('the cross-scope access denial shows ServiceNow\'s message and the fix', async () => {
    await world.admin('POST', '/cross-scope', { enabled: true });
    const options = await OptionsPage.open(world);
    await connectWith(world, options, { clientId: PUBLIC_CLIENT });
    await options.expectStep('read', 'failed');
    const text = await options.step('read').textContent();
    expect(text).toContain("Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy");
    expect(text).toContain('Accessible from');
  });
});

describe('instance trouble after connecting', () => {
  test('a hibernating developer instance is named as such, not read as data', async () => {
    await connected();
    await world.admin('POST', '/hibernate', { enabled: true });
    const popup = await world.openExtensionPage('popup.html');
    const step = popup.locator('[data-step="instance"][data-state="failed"]');
    await step.waitFor();
    expect(await step.textContent()).toContain('may be asleep');
  });

  test('an instance that cannot be reached at all says so and what to check', async () => {
    await connected();
    await world.servicenow.close();
    const popup = await world.openExtensionPage('popup.html');
    const step = popup.locator('[data-step="instance"][data-state="failed"]');
    await step.waitFor({ timeout: 30_000 });
    expect(await step.textContent()).toContain('Could not reach contoso.service-now.com');
  });
});

describe('tokens', () => {
  test('an expired access token is refreshed once for parallel calls', async () => {
    const options = await connected();
    // Nothing else may use the token meanwhile: a refresh by the sync that follows connecting, or
    // by the options page's own reads, would be erased with the log or leave a token to expire.
    await options.page.close();
    await inWorker(`await globalThis.__snt.sync.requestSync('stale');`); // joins the running sync
    await world.admin('DELETE', '/log');
    await world.admin('POST', '/expire-tokens', { kind: 'access' });
    const counts = await inWorker<number[]>(`
      const client = await connection.client();
      const results = await Promise.all(Array.from({ length: 5 }, () => client.list('change_request', { fields: ['sys_id'], limit: 1 })));
      return results.map((r) => r.records.length);
    `);
    expect(counts).toHaveLength(5);
    const entries = await log();
    expect(entries.filter((e) => e.grant_type === 'refresh_token')).toHaveLength(1);
    expect(entries.filter((e) => e.path === '/api/now/table/change_request' && e.status === 200).length).toBeGreaterThanOrEqual(5);
  });

  test('a refused refresh token leads to Reconnect needed', async () => {
    await connected();
    await world.admin('POST', '/expire-tokens', { kind: 'all' });
    const error = await inWorker<string>(`
      const client = await connection.client();
      try { await client.list('incident', { limit: 1 }); return 'no error'; } catch (e) { return e.code; }
    `);
    expect(error).toBe('reconnect_needed');
    const popup = await world.openExtensionPage('popup.html');
    await popup.getByTestId('connection-state').filter({ hasText: 'Reconnect needed' }).waitFor();
    await popup.getByRole('button', { name: 'Reconnect' }).waitFor();
  });

  test('a week before the refresh token expires, the popup warns and offers to reconnect', async () => {
    await connected();
    // ServiceNow does not extend refresh tokens: pretend this one was issued 95 days ago.
    await inWorker(`
      const db = await new Promise((ok) => { const r = indexedDB.open('snt-secrets'); r.onsuccess = () => ok(r.result); });
      const store = () => db.transaction('secrets', 'readwrite').objectStore('secrets');
      const tokens = await new Promise((ok) => { const g = store().get('tokens'); g.onsuccess = () => ok(g.result); });
      tokens.refreshIssuedAt = Date.now() - 95 * 24 * 3600 * 1000;
      await new Promise((ok) => { const p = store().put(tokens, 'tokens'); p.onsuccess = ok; });
    `);
    const popup = await world.openExtensionPage('popup.html');
    await popup.getByText(/The ServiceNow sign-in expires on .*Reconnect before then/).waitFor();
    const auth = world.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Reconnect' }).click();
    await signIn(await auth);
    await popup.getByText(/The ServiceNow sign-in expires on/).waitFor({ state: 'detached' });
  });
});

describe('disconnect', () => {
  test('disconnect in the popup revokes the tokens at ServiceNow and wipes them', async () => {
    await connected();
    await world.admin('DELETE', '/log');
    const popup = await world.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Disconnect' }).click();
    await popup.getByTestId('connection-state').filter({ hasText: 'Not connected' }).waitFor();
    const revokes = (await log()).filter((e) => e.path === '/oauth_revoke_token.do');
    expect(revokes.length).toBe(2);
    const left = await inWorker<unknown>(`
      const db = await new Promise((ok, ko) => { const r = indexedDB.open('snt-secrets'); r.onsuccess = () => ok(r.result); r.onerror = ko; });
      const keys = await new Promise((ok) => { const r = db.transaction('secrets').objectStore('secrets').getAllKeys(); r.onsuccess = () => ok(r.result); });
      return keys;
    `);
    expect(left).toEqual([]);
  });

  test('remove connection in options forgets the instance and client too', async () => {
    const options = await connected(PRIVATE_CLIENT.id, PRIVATE_CLIENT.secret);
    options.page.once('dialog', (d) => void d.accept());
    await options.page.getByRole('button', { name: 'Remove connection' }).click();
    await options.expectState('Not set up');
    const status = await inWorker<{ hasClientSecret: boolean; clientId?: string }>('return connection.status();');
    expect(status.hasClientSecret).toBe(false);
    expect(status.clientId).toBeUndefined();
  });
});
