import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { secretStore } from './secret-store';
import { createTokenManager } from './token-manager';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

const client = { origin: 'https://contoso.service-now.com', clientId: 'c' };
let fetchMock: ReturnType<typeof vi.fn>;

function tokenAnswer(access: string, refresh = 'r1') {
  return new Response(
    JSON.stringify({ access_token: access, refresh_token: refresh, expires_in: 1799, token_type: 'Bearer' }),
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
    },
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  await secretStore.clearAll();
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('token manager', () => {
  test('parallel callers share one refresh of an expiring token', async () => {
    await secretStore.setTokens({
      accessToken: 'old',
      refreshToken: 'r1',
      accessExpiresAt: Date.now() + 10_000,
      refreshIssuedAt: 1,
    });
    fetchMock.mockImplementation(async () => tokenAnswer('new'));
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    const tokens = await Promise.all(Array.from({ length: 5 }, () => manager.accessToken()));
    expect(tokens).toEqual(Array(5).fill('new'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const body = String((fetchMock.mock.calls[0]![1] as RequestInit).body);
    expect(body).toContain('grant_type=refresh_token');
    // ServiceNow does not rotate or extend refresh tokens: the issue time is kept.
    expect((await secretStore.getTokens())?.refreshIssuedAt).toBe(1);
  });

  test('a valid token is used without a network call', async () => {
    await secretStore.setTokens({
      accessToken: 'fresh',
      refreshToken: 'r1',
      accessExpiresAt: Date.now() + 600_000,
      refreshIssuedAt: 1,
    });
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    expect(await manager.accessToken()).toBe('fresh');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('after a 401 only the first caller refreshes', async () => {
    await secretStore.setTokens({
      accessToken: 'a1',
      refreshToken: 'r1',
      accessExpiresAt: Date.now() + 600_000,
      refreshIssuedAt: 1,
    });
    fetchMock.mockImplementation(async () => tokenAnswer('a2'));
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    expect(await manager.renewAfterRejection('a1')).toBe('a2');
    expect(await manager.renewAfterRejection('a1')).toBe('a2');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('a refused refresh deletes the tokens and reports reconnect needed', async () => {
    await secretStore.setTokens({ accessToken: 'a1', refreshToken: 'r1', accessExpiresAt: 0, refreshIssuedAt: 1 });
    fetchMock.mockImplementation(
      async () =>
        new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'expired' }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const refused = vi.fn(async () => undefined);
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: refused });
    await expect(manager.accessToken()).rejects.toMatchObject({ code: 'reconnect_needed' });
    expect(refused).toHaveBeenCalledTimes(1);
    expect(await secretStore.getTokens()).toBeUndefined();
  });

  test('no tokens means not connected', async () => {
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    await expect(manager.accessToken()).rejects.toMatchObject({ code: 'not_connected' });
  });
});

describe('token manager: tokens stay with their instance', () => {
  test('tokens issued for another instance or client are dropped, never sent', async () => {
    await secretStore.setTokens({
      accessToken: 'a',
      refreshToken: 'r',
      accessExpiresAt: Date.now() + 600_000,
      refreshIssuedAt: 1,
      origin: 'https://other.service-now.com',
      clientId: 'c',
    });
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    await expect(manager.accessToken()).rejects.toMatchObject({ code: 'not_connected' });
    expect(await secretStore.getTokens()).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('a disconnect during a refresh wins: nothing is written back', async () => {
    await secretStore.setTokens({ accessToken: 'old', refreshToken: 'r1', accessExpiresAt: 0, refreshIssuedAt: 1 });
    fetchMock.mockImplementation(async () => {
      await secretStore.deleteTokens(); // the user disconnected while ServiceNow answered
      return tokenAnswer('new');
    });
    const manager = createTokenManager({ loadClient: async () => client, onRefreshRefused: async () => undefined });
    await expect(manager.accessToken()).rejects.toMatchObject({ code: 'not_connected' });
    expect(await secretStore.getTokens()).toBeUndefined();
  });
});
