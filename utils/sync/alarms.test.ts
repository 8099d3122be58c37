import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_ALARM, scheduleSync } from './alarms';

beforeEach(() => fakeBrowser.reset());

test('the periodic alarm is created once and only re-created when its period changes', async () => {
  await scheduleSync(5);
  const first = await fakeBrowser.alarms.get(SYNC_ALARM);
  expect(first?.periodInMinutes).toBe(5);
  await new Promise((r) => setTimeout(r, 5));
  await scheduleSync(5); // a worker restart must not push the next sync further out
  expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  await scheduleSync(15);
  expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(15);
});
