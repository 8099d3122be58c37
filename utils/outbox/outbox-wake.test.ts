import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOutboxWaker, OUTBOX_ALARM } from './outbox-wake';

beforeEach(() => fakeBrowser.reset());

test('the retry alarm only moves earlier', async () => {
  const waker = createOutboxWaker(() => undefined);
  const now = Date.now();
  waker.wakeAt(now + 120_000);
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeTruthy());
  const first = (await fakeBrowser.alarms.get(OUTBOX_ALARM))!.scheduledTime;
  waker.wakeAt(now + 600_000);
  await new Promise((r) => setTimeout(r, 10));
  expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))!.scheduledTime).toBe(first);
  waker.wakeAt(now + 60_000);
  await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))!.scheduledTime).toBeLessThan(first));
});
