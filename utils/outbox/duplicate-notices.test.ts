import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { duplicateNotices } from '../storage';
import { rememberRetired } from './duplicate-notices';
import type { RetiredDuplicate } from './request-records';

beforeEach(() => fakeBrowser.reset());

const retired = (n: number): RetiredDuplicate => ({
  table: 'change_request',
  number: `CHG00300${n}`,
  sysId: `dup${n}`,
  keptNumber: `CHG00200${n}`,
  keptSysId: `kept${n}`,
});

test('retirements reported at the same time (two outbox items, or a sync and a create) each keep their notice', async () => {
  // The worker calls this without waiting; each call reads the list, then writes it back.
  await Promise.all([rememberRetired([retired(1)]), rememberRetired([retired(2)]), rememberRetired([retired(3)])]);
  expect((await duplicateNotices.get()).map((n) => n.sysId)).toEqual(['dup1', 'dup2', 'dup3']);
});

test('a failed write does not stop the notices after it', async () => {
  const set = duplicateNotices.set;
  let calls = 0;
  duplicateNotices.set = (value) => (++calls === 1 ? Promise.reject(new Error('quota')) : set(value));
  try {
    await expect(rememberRetired([retired(1)])).rejects.toThrow('quota');
    await rememberRetired([retired(2)]);
  } finally {
    duplicateNotices.set = set;
  }
  expect((await duplicateNotices.get()).map((n) => n.sysId)).toEqual(['dup2']);
});

test('the newest 20 are kept', async () => {
  for (let n = 1; n <= 22; n++) await rememberRetired([retired(n)]);
  const notices = await duplicateNotices.get();
  expect(notices).toHaveLength(20);
  expect(notices[0]!.sysId).toBe('dup3');
  expect(notices.at(-1)!.sysId).toBe('dup22');
});
