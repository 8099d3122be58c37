import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore, set } from 'idb-keyval';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';
import { authorizeInteractively } from '../auth/authorize';
import { secretStore, type StoredTokens } from '../auth/secret-store';
import { requestTokens } from '../auth/token-endpoint';
import { authMemo, connectionConfig, type ConnectionConfig } from '../storage';
import { createConnectionService } from './connection-service';
import { createConnectionProgress } from './progress';
import { createSession } from './session';
import { createStatusPublisher } from './status';

// What the worker trusts for where to send the client secret and tickets cannot be changed from
// the content-script world (which can write storage.local), and the secret goes only where it was entered for.

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));
vi.mock('../auth/authorize', () => ({
  authorizeInteractively: vi.fn(),
  redirectUrl: () => 'https://ext.chromiumapp.org/',
}));
vi.mock('../auth/token-endpoint', () => ({ requestTokens: vi.fn(), TokenGrantRefused: class extends Error {} }));
vi.mock('./probe', () => ({ probeInstance: vi.fn(async () => undefined), revokeTokens: vi.fn(async () => undefined) }));

const config: ConnectionConfig = {
  instanceOrigin: 'https://contoso.service-now.com',
  instanceHost: 'contoso.service-now.com',
  isServiceNowCloud: true,
  clientId: 'client-1',
};
const evil = { instanceOrigin: 'https://evil.example.com', instanceHost: 'evil.example.com', isServiceNowCloud: false };
const binding = { origin: config.instanceOrigin, clientId: config.clientId };
const issued = (origin: string, clientId: string): StoredTokens => ({
  accessToken: 'access',
  refreshToken: 'refresh',
  accessExpiresAt: Date.now() + 3_600_000,
  refreshIssuedAt: Date.now(),
  origin,
  clientId,
});

function service() {
  const progress = createConnectionProgress();
  const status = createStatusPublisher({ progress, outboxCount: async () => 0, lastSyncAt: async () => undefined });
  const session = createSession({ onRefreshRefused: status.publish });
  return { session, connection: createConnectionService({ session, progress, status, onDisconnect: [] }) };
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  await secretStore.clearAll();
  await connectionConfig.set(config);
  await authMemo.set({ reconnectNeeded: false });
  await secretStore.setClientSecret('secret-1', binding);
  vi.mocked(authorizeInteractively).mockReset();
  vi.mocked(authorizeInteractively).mockResolvedValue({
    code: 'c',
    codeVerifier: 'v',
    redirectUri: 'https://ext.chromiumapp.org/',
  });
  vi.mocked(requestTokens).mockReset();
  vi.mocked(requestTokens).mockImplementation(async (client) => issued(client.origin, client.clientId));
  // The checklist after connect asks ServiceNow: refuse everything, only the hosts matter here.
  fetchMock = vi.fn(async () => new Response('{}', { status: 503 }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const fetchedHosts = () => fetchMock.mock.calls.map(([url]) => new URL(String(url)).host);

describe('settings a content script can write', () => {
  test('rewriting connection:v1 and auth:v1 in storage.local changes nothing the worker does', async () => {
    await fakeBrowser.storage.local.set({
      'connection:v1': { ...config, ...evil, clientId: 'evil-client' },
      'auth:v1': { reconnectNeeded: false, grantedOrigin: evil.instanceOrigin },
    });
    const { connection, session } = service();
    expect(await session.requireConfig()).toEqual(config);
    await connection.connect();
    expect(authorizeInteractively).toHaveBeenCalledWith(config.instanceOrigin, 'client-1');
    expect(requestTokens).toHaveBeenCalledWith(
      { origin: config.instanceOrigin, clientId: 'client-1', clientSecret: 'secret-1' },
      expect.anything(),
    );
    expect(fetchedHosts().filter((host) => host !== config.instanceHost)).toEqual([]);
    expect((await connection.status()).instanceOrigin).toBe(config.instanceOrigin);
    expect(await authMemo.get()).not.toHaveProperty('grantedOrigin');
  });

  test('settings of an older version move out of storage.local once, then storage.local is ignored', async () => {
    resetMemoryIdb();
    vi.resetModules();
    const fresh = await import('../storage');
    const memo = { reconnectNeeded: true, grantedOrigin: 'https://servicenow.contoso.com' };
    await fakeBrowser.storage.local.set({ 'connection:v1': config, 'auth:v1': memo, 'drafts:v1': { a: 1 } });
    expect(await fresh.connectionConfig.get()).toEqual(config);
    expect(await fresh.authMemo.get()).toEqual(memo);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'drafts:v1': { a: 1 } });

    await fakeBrowser.storage.local.set({ 'connection:v1': { ...config, ...evil } });
    await fresh.connectionConfig.remove();
    expect(await fresh.connectionConfig.get()).toBeNull();
  });
});

describe('the client secret is bound to its instance and client', () => {
  test('settings changed without the secret: no sign-in, no secret sent, the client step says to enter it again', async () => {
    await connectionConfig.set({ ...config, clientId: 'client-2' });
    const { connection } = service();
    await expect(connection.connect()).rejects.toMatchObject({
      code: 'invalid_client',
      message: expect.stringContaining('Enter the client secret again'),
    });
    expect(authorizeInteractively).not.toHaveBeenCalled();
    expect(requestTokens).not.toHaveBeenCalled();
    const status = await connection.check();
    expect(status.hasClientSecret).toBe(false);
    expect(status.checklist.find((step) => step.id === 'client')).toMatchObject({
      state: 'failed',
      detail: expect.stringContaining('Enter the client secret again'),
    });
  });

  test('a token refresh never sends a secret entered for another client', async () => {
    await connectionConfig.set({ ...config, clientId: 'client-2' });
    await secretStore.setTokens({ ...issued(config.instanceOrigin, 'client-2'), accessExpiresAt: 0 });
    const { session } = service();
    await session.tokens.accessToken();
    expect(requestTokens).toHaveBeenCalledWith(
      { origin: config.instanceOrigin, clientId: 'client-2', clientSecret: undefined },
      expect.objectContaining({ grant_type: 'refresh_token' }),
      expect.anything(),
    );
  });

  test('a secret stored unbound by an older version is bound to the settings it is first used with', async () => {
    await set('clientSecret', 'legacy', createStore('snt-secrets', 'secrets'));
    expect(await secretStore.clientSecretFor(binding)).toEqual({ state: 'bound', secret: 'legacy' });
    expect(await secretStore.clientSecretFor({ ...binding, origin: evil.instanceOrigin })).toEqual({ state: 'other' });
  });
});
