import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test, vi } from 'vitest';

// Title ↔ id pairs live in extension storage: a new content script (another tab, a reload) knows
// them, and the page cannot plant or read them through its own sessionStorage.

const fresh = async () => {
  vi.resetModules();
  return import('./title-ids');
};

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});

test('a pair learned in one content script is known to the next one, from storage.local', async () => {
  const first = await fresh();
  await first.loadTitleIds().ready;
  first.rememberTitle('Require MFA for administrative roles', 'AdminMFAV2');
  await vi.waitFor(async () =>
    expect((await fakeBrowser.storage.local.get('titleIds:v1'))['titleIds:v1']).toEqual([
      ['Require MFA for administrative roles', 'AdminMFAV2'],
    ]),
  );
  const second = await fresh();
  expect(second.idForTitle('Require MFA for administrative roles')).toBeNull();
  const changed = vi.fn();
  await second.loadTitleIds(changed).ready;
  expect(second.idForTitle('Require MFA for administrative roles')).toBe('AdminMFAV2');
  expect(changed).toHaveBeenCalled();
  expect(sessionStorage.length).toBe(0);
});

test("the page's sessionStorage is not a source: a planted pair is ignored", async () => {
  sessionStorage.setItem('snt-title-ids', JSON.stringify([['Designate more than one global admin', 'OneAdmin']]));
  const titles = await fresh();
  await titles.loadTitleIds().ready;
  expect(titles.idForTitle('Designate more than one global admin')).toBeNull();
});

test('stored garbage and hostile ids are dropped; the list stays bounded', async () => {
  await fakeBrowser.storage.local.set({ 'titleIds:v1': [['ok', 'OneAdmin'], ['bad', 'a^ORb'], 'junk', [1, 2]] });
  const titles = await fresh();
  await titles.loadTitleIds().ready;
  expect([titles.idForTitle('ok'), titles.idForTitle('bad')]).toEqual(['OneAdmin', null]);
  for (let i = 0; i < 600; i++) titles.rememberTitle(`Action ${i}`, `action_${i}`);
  await vi.waitFor(async () => {
    const stored = (await fakeBrowser.storage.local.get('titleIds:v1'))['titleIds:v1'] as unknown[];
    expect(stored).toHaveLength(500);
    expect(stored.at(-1)).toEqual(['Action 599', 'action_599']);
  });
  expect(titles.idForTitle('ok')).toBeNull();
});
