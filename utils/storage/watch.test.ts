import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stateNames } from '.';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

test('stopping a watch never throws, even with the extension context gone (an old content script after a reload)', () => {
  const stop = stateNames.watch(() => undefined);
  vi.spyOn(fakeBrowser.storage.onChanged, 'removeListener').mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'onChanged')");
  });
  expect(stop).not.toThrow();
});
