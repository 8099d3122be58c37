import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from './dispatch';
import type { Handlers } from './protocol';
import { createRateLimiter, PORTAL_LIMITS } from './rate-limit';

const tab = { id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const portal = () => ({ id: fakeBrowser.runtime.id, url: 'https://security.microsoft.com/homepage', tab });
const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const envelope = (name: string, payload: unknown) => ({ channel: 'snt/1' as const, name, payload });

let ran: string[];
let clock: number;
const handlers = new Proxy({} as Handlers, {
  get: (_, name: string) => async () => {
    ran.push(name);
    return name;
  },
});

beforeEach(() => {
  fakeBrowser.reset();
  ran = [];
  clock = 1_000_000;
});

describe('portal rate limits', () => {
  test('the 11th rapid connect from the portal is refused with a rate_limited error and runs nothing', async () => {
    const limits = createRateLimiter(undefined, () => clock);
    for (let i = 0; i < 10; i++) {
      expect(await dispatch(handlers, envelope('connect', {}), portal(), limits)).toMatchObject({ ok: true });
    }
    const refused = await dispatch(handlers, envelope('connect', {}), portal(), limits);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfter: 60, message: expect.stringContaining('Wait 60 seconds') },
    });
    expect(ran).toHaveLength(10);
    // A minute later one more sign-in window is allowed.
    clock += 60_000;
    expect(await dispatch(handlers, envelope('connect', {}), portal(), limits)).toMatchObject({ ok: true });
    expect(await dispatch(handlers, envelope('connect', {}), portal(), limits)).toMatchObject({ ok: false });
  });

  test('checks and syncs each have their own bucket; plain status reads are not limited', async () => {
    const limits = createRateLimiter(undefined, () => clock);
    const outcome = async (name: string, payload: unknown) =>
      ((await dispatch(handlers, envelope(name, payload), portal(), limits)) as { ok: boolean }).ok;
    const checks = PORTAL_LIMITS.check.burst;
    for (let i = 0; i < checks; i++) expect(await outcome('getStatus', { refresh: true })).toBe(true);
    expect(await outcome('getStatus', { refresh: true })).toBe(false);
    for (let i = 0; i < 30; i++) expect(await outcome('getStatus', { refresh: false })).toBe(true);
    for (let i = 0; i < 10; i++) expect(await outcome('syncNow', {})).toBe(true);
    expect(await outcome('syncNow', {})).toBe(false);
    clock += 6_000;
    expect(await outcome('syncNow', {})).toBe(true);
  });

  test('extension pages are not limited', async () => {
    const limits = createRateLimiter(undefined, () => clock);
    for (let i = 0; i < 30; i++) {
      expect(await dispatch(handlers, envelope('connect', {}), page(), limits)).toMatchObject({ ok: true });
    }
  });
});
