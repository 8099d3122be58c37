import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Tabs } from 'webextension-polyfill';
import { takeOverOpenTabs } from './overlay-takeover';

const PORTAL = 'https://security.microsoft.com/*';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    content_scripts: [{ matches: [PORTAL], js: ['content-scripts/security.js'] }],
  });
});

const tabs = (...ids: number[]) => ids.map((id) => ({ id }) as Tabs.Tab);

test('the manifest content script goes into every open tab it matches, top frame only', async () => {
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs(1, 2));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
  const inject = vi.fn().mockResolvedValue(undefined);
  await takeOverOpenTabs(inject);
  expect(query).toHaveBeenCalledWith({ url: [PORTAL] });
  expect(inject.mock.calls.map(([injection]) => injection)).toEqual([
    { tabId: 1, files: ['content-scripts/security.js'], allFrames: false },
    { tabId: 2, files: ['content-scripts/security.js'], allFrames: false },
  ]);
});

test('a tab whose new content script already answers gets no second one', async () => {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs(1, 2));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    if (tabId === 1) return null;
    throw new Error('Receiving end does not exist.');
  });
  const inject = vi.fn().mockResolvedValue(undefined);
  await takeOverOpenTabs(inject);
  expect(inject.mock.calls.map(([injection]) => injection.tabId)).toEqual([2]);
});

test('a tab that refuses (closed, discarded, error page) does not stop the others or throw', async () => {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs(1, 2, 3));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
  const inject = vi.fn(async ({ tabId }: { tabId: number }) => {
    if (tabId === 2) throw new Error('No tab with id: 2.');
  });
  await expect(takeOverOpenTabs(inject)).resolves.toBeUndefined();
  expect(inject.mock.calls.map(([injection]) => injection.tabId)).toEqual([1, 2, 3]);
});

test('no tab access (query refused): nothing to do, no error', async () => {
  vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('denied'));
  const inject = vi.fn();
  await expect(takeOverOpenTabs(inject)).resolves.toBeUndefined();
  expect(inject).not.toHaveBeenCalled();
});
