import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { authorizeInteractively } from '../auth/authorize';
import { secretStore, type StoredTokens } from '../auth/secret-store';
import { requestTokens } from '../auth/token-endpoint';
import { connectionConfig, type ConnectionConfig } from '../storage';
import { signIn } from './connect';
import { revokeTokens } from './probe';
import { createConnectionProgress } from './progress';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));
vi.mock('../auth/authorize', () => ({ authorizeInteractively: vi.fn() }));
vi.mock('../auth/token-endpoint', () => ({ requestTokens: vi.fn() }));
vi.mock('./probe', () => ({ probeInstance: vi.fn(async () => undefined), revokeTokens: vi.fn(async () => undefined) }));

const config: ConnectionConfig = {
  instanceOrigin: 'https://contoso.service-now.com',
  instanceHost: 'contoso.service-now.com',
  isServiceNowCloud: true,
  clientId: 'client-1',
};
const binding = { origin: config.instanceOrigin, clientId: config.clientId };
const tokens = (access: string, origin: string): StoredTokens => ({
  accessToken: access,
  refreshToken: `${access}-refresh`,
  accessExpiresAt: Date.now() + 60_000,
  refreshIssuedAt: Date.now(),
  origin,
  clientId: 'client-1',
});
const code = { code: 'code', codeVerifier: 'verifier', redirectUri: 'https://ext.chromiumapp.org/' };

/** The sign-in window stays open while `during` runs (someone edits the settings meanwhile). */
function signInWindow(during: () => Promise<void> = async () => undefined) {
  vi.mocked(authorizeInteractively).mockImplementation(async () => {
    await during();
    return code;
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await secretStore.clearAll();
  vi.mocked(requestTokens).mockReset();
  vi.mocked(revokeTokens).mockClear();
  await connectionConfig.set(config);
  await secretStore.setClientSecret('secret-1', binding);
});

describe('signIn', () => {
  test('no token request when the client secret changed while the sign-in window was open', async () => {
    signInWindow(() => secretStore.setClientSecret('secret-2', binding));
    await expect(signIn(createConnectionProgress(), config)).rejects.toMatchObject({ code: 'auth_failed' });
    expect(requestTokens).not.toHaveBeenCalled();
  });

  test('no token request when the instance changed while the sign-in window was open', async () => {
    signInWindow(() => connectionConfig.set({ ...config, instanceOrigin: 'https://evil.example.com' }));
    await expect(signIn(createConnectionProgress(), config)).rejects.toMatchObject({ code: 'auth_failed' });
    expect(requestTokens).not.toHaveBeenCalled();
  });

  test('sends the secret captured at the start, bound to the captured settings', async () => {
    signInWindow();
    vi.mocked(requestTokens).mockResolvedValue(tokens('new', config.instanceOrigin));
    await signIn(createConnectionProgress(), config);
    expect(requestTokens).toHaveBeenCalledWith(
      { origin: config.instanceOrigin, clientId: 'client-1', clientSecret: 'secret-1' },
      expect.objectContaining({ grant_type: 'authorization_code' }),
    );
  });

  test('settings changed during the token request: the new tokens are revoked, not stored', async () => {
    signInWindow();
    vi.mocked(requestTokens).mockImplementation(async () => {
      await secretStore.setClientSecret('secret-2', binding);
      return tokens('new', config.instanceOrigin);
    });
    await expect(signIn(createConnectionProgress(), config)).rejects.toMatchObject({ code: 'auth_failed' });
    expect(revokeTokens).toHaveBeenCalledWith(config.instanceOrigin, expect.objectContaining({ accessToken: 'new' }));
    expect(await secretStore.getTokens()).toBeUndefined();
  });

  test('reconnecting revokes the replaced tokens at the origin that issued them', async () => {
    await secretStore.setTokens(tokens('old', 'https://previous.service-now.com'));
    signInWindow();
    vi.mocked(requestTokens).mockResolvedValue(tokens('new', config.instanceOrigin));
    await signIn(createConnectionProgress(), config);
    expect(revokeTokens).toHaveBeenCalledWith(
      'https://previous.service-now.com',
      expect.objectContaining({ accessToken: 'old' }),
    );
    expect((await secretStore.getTokens())?.accessToken).toBe('new');
  });
});
