import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { secretStore } from '../auth/secret-store';
import { outboxStore, type OutboxItem } from '../outbox/outbox-store';
import { connectionConfig, formDrafts } from '../storage';
import { forgetConnection } from './disconnect';
import { createConnectionProgress } from './progress';
import { saveConnectionSettings } from './settings';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));
// Signing out revokes the old tokens at the instance: no network here.
vi.mock('./probe', () => ({ revokeTokens: vi.fn(async () => {}) }));

const CONTOSO = 'https://contoso.service-now.com';
const unsent = {
  id: 'o1',
  instanceOrigin: CONTOSO,
  state: 'failed',
  createdAt: 1,
  uncertain: false,
} as unknown as OutboxItem;

beforeEach(async () => {
  fakeBrowser.reset();
  await secretStore.clearAll();
  await connectionConfig.set({
    instanceOrigin: CONTOSO,
    instanceHost: 'contoso.service-now.com',
    isServiceNowCloud: true,
    clientId: 'old-client',
  });
  await secretStore.setTokens({
    accessToken: 'a',
    refreshToken: 'r',
    accessExpiresAt: Date.now() + 60_000,
    refreshIssuedAt: Date.now(),
    origin: CONTOSO,
    clientId: 'old-client',
  });
  await outboxStore.put(unsent);
  await formDrafts.set({ new: { title: 'half-written' } });
});

const progress = createConnectionProgress();
const deps = {
  progress,
  forget: (options: Parameters<typeof forgetConnection>[1]) =>
    forgetConnection({ progress, onDisconnect: [] }, options),
};

/** Options → Save with these settings (no secret typed). */
const save = (instance: string, clientId: string) =>
  saveConnectionSettings(deps, { instance, clientId }, 'extension-page');

describe('saveConnectionSettings', () => {
  test('a corrected client ID signs out but keeps the unsent tickets and the drafts', async () => {
    await save('contoso.service-now.com', 'new-client');
    expect(await connectionConfig.get()).toMatchObject({ instanceOrigin: CONTOSO, clientId: 'new-client' });
    expect(await secretStore.getTokens()).toBeUndefined();
    expect(await outboxStore.all()).toEqual([unsent]);
    expect(await formDrafts.get()).toEqual({ new: { title: 'half-written' } });
  });

  test('another instance: the unsent ticket stays, still bound to the instance it was sent to', async () => {
    await save('fabrikam.service-now.com', 'old-client');
    expect(await connectionConfig.get()).toMatchObject({ instanceOrigin: 'https://fabrikam.service-now.com' });
    // The outbox never sends it to fabrikam (outbox.test.ts: 'a ticket meant for another instance is never sent to the new one').
    expect(await outboxStore.all()).toEqual([{ ...unsent, instanceOrigin: CONTOSO }]);
    expect(await formDrafts.get()).toEqual({ new: { title: 'half-written' } });
  });

  test('unchanged settings keep the sign-in', async () => {
    await save('contoso.service-now.com', 'old-client');
    expect(await secretStore.getTokens()).toMatchObject({ accessToken: 'a' });
  });
});
