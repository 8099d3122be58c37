import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { secretStore } from '../auth/secret-store';
import { outboxStore, type OutboxItem } from '../outbox/outbox-store';
import { connectionConfig, formDrafts } from '../storage';
import { forgetConnection } from './disconnect';
import { createConnectionProgress } from './progress';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

const item = { id: 'o1', state: 'pending', createdAt: 1, uncertain: false } as unknown as OutboxItem;

beforeEach(async () => {
  fakeBrowser.reset();
  await secretStore.clearAll();
  await connectionConfig.set({
    instanceOrigin: 'https://contoso.service-now.com',
    instanceHost: 'contoso.service-now.com',
    isServiceNowCloud: true,
    clientId: 'c',
  });
  await secretStore.setClientSecret('s', { origin: 'https://contoso.service-now.com', clientId: 'c' });
  await outboxStore.put(item);
  await formDrafts.set({ new: { title: 'half-written' } });
});

const deps = () => ({ progress: createConnectionProgress(), onDisconnect: [] });

describe('forgetConnection', () => {
  test('Remove connection deletes the outbox and the drafts with the settings', async () => {
    await forgetConnection(deps(), { keepConfig: false });
    expect(await outboxStore.all()).toEqual([]);
    expect(await formDrafts.get()).toEqual({});
    expect(await connectionConfig.get()).toBeNull();
    expect(await secretStore.clientSecretFor({ origin: 'https://contoso.service-now.com', clientId: 'c' })).toEqual({
      state: 'none',
    });
  });

  test('Disconnect keeps unsent tickets and drafts for the next sign-in', async () => {
    await forgetConnection(deps(), { keepConfig: true });
    expect(await outboxStore.all()).toHaveLength(1);
    expect(await formDrafts.get()).toEqual({ new: { title: 'half-written' } });
  });
});
