import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConnectionStatus } from '../domain/connection-status';
import { cachedStatus } from '../storage';
import { homeCardMode, whileHomeMode } from './home-mode';

vi.mock('../messaging', () => ({ send: vi.fn(async () => ({ state: 'not_configured' })) }));

const status = (state: ConnectionStatus['state']) =>
  ({ state, hasClientSecret: false, redirectUrl: '', checklist: [], outboxCount: 0, updatedAt: 0 }) as ConnectionStatus;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());

test('the connect card while not set up or not connected, the ticket cards otherwise', () => {
  expect(['not_configured', 'not_connected'].map((s) => homeCardMode(s as never))).toEqual(['connect', 'connect']);
  expect(['connected', 'connecting', 'offline', 'reconnect_needed'].map((s) => homeCardMode(s as never))).toEqual([
    'tickets',
    'tickets',
    'tickets',
    'tickets',
  ]);
});

test('exactly one kind shows, and they swap live when the status changes', async () => {
  await cachedStatus.set(status('not_connected'));
  const shown: string[] = [];
  const signals: Record<string, AbortSignal> = {};
  const lifetime = new AbortController();
  for (const mode of ['connect', 'tickets'] as const) {
    await whileHomeMode(
      mode,
      (signal) => {
        shown.push(mode);
        signals[mode] = signal;
      },
      lifetime.signal,
    );
  }
  expect(shown).toEqual(['connect']);

  await cachedStatus.set(status('connected'));
  await flush();
  expect(shown).toEqual(['connect', 'tickets']);
  expect(signals.connect!.aborted).toBe(true);

  await cachedStatus.set(status('connected')); // republished, same state: nothing moves
  await flush();
  expect(shown).toEqual(['connect', 'tickets']);

  lifetime.abort();
  expect(signals.tickets!.aborted).toBe(true);
});

test('without a cached status the worker is asked', async () => {
  const show = vi.fn();
  await whileHomeMode('connect', show, new AbortController().signal);
  expect(show).toHaveBeenCalledOnce();
});
