import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';
import { probeContentScript, sendAsContentScript } from './pages/bridge';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

test('the content script runs on the Secure Score page, sees the flyout Share button and round-trips with the worker', async () => {
  const page = await world.openPortal('/securescore?viewid=actions&actionId=AdminMFAV2');
  await page.locator('.ms-Panel').waitFor();
  await page.locator('button:has([data-icon-name="Share"])').first().waitFor();

  const probe = await probeContentScript(page);
  expect(probe.url).toContain('actionId=AdminMFAV2');
  expect(probe.shareButtons).toBeGreaterThanOrEqual(1);

  const reply = await sendAsContentScript(page, { channel: 'snt/1', name: 'ping', payload: { note: 'hello' } });
  expect(reply).toEqual({ ok: true, value: { pong: true, note: 'hello', version: expect.any(String) } });
});

test('the portal and instance host names reach the local servers over HTTPS', async () => {
  const page = await world.openPortal('/homepage');
  await expect(page.locator('#mectrl_currentAccount_primary').textContent()).resolves.toBe('Megan Bowen');
  const answer = await page.evaluate(() => location.origin);
  expect(answer).toBe('https://security.microsoft.com');
});
