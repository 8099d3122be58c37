import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { reinsertionGuard } from './reinsertion';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const options = { max: 3, windowMs: 1000, pauseMs: 500 };

test('allows max re-insertions per window, then pauses and tries again once', () => {
  const retry = vi.fn();
  const may = reinsertionGuard(retry, new AbortController().signal, options);
  expect([may(), may(), may(), may()]).toEqual([true, true, true, false]);
  expect(may()).toBe(false);
  vi.advanceTimersByTime(500);
  expect(retry).toHaveBeenCalledTimes(1);
  expect(may()).toBe(true);
});

test('a new window starts with a full budget', () => {
  const may = reinsertionGuard(() => undefined, new AbortController().signal, options);
  expect([may(), may(), may()]).toEqual([true, true, true]);
  vi.advanceTimersByTime(1000);
  expect(may()).toBe(true);
});

test('nothing is retried after abort', () => {
  const retry = vi.fn();
  const lifetime = new AbortController();
  const may = reinsertionGuard(retry, lifetime.signal, options);
  for (let i = 0; i < 4; i++) may();
  lifetime.abort();
  vi.advanceTimersByTime(1000);
  expect(retry).not.toHaveBeenCalled();
  expect(may()).toBe(false);
});
