import type { Page } from 'playwright-core';
import type { World } from '../support/world';
import { BLANK_PAGE } from './bench-extension';

// The bench's handle on the extension from one of its own pages (the blank bench page): the same
// message channel and storage our popup and options page use.

/** The product's message envelope (utils/messaging/envelope.ts `CHANNEL`). */
const CHANNEL = 'snt/1';
/** Where the worker publishes its sync state (utils/storage/index.ts `syncState`). */
const SYNC_STATE_KEY = 'sync:v1';

/** The few extension APIs the bench calls in an extension page. */
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
}
type ExtensionWindow = typeof globalThis & { chrome: ChromeApi };

export interface SyncStateView {
  running: boolean;
  lastSyncAt?: number;
  lastAttemptAt?: number;
  error?: { code: string; message: string };
}

export async function openBlankPage(world: World): Promise<Page> {
  const page = await world.context.newPage();
  await page.goto(`chrome-extension://${world.extensionId}/${BLANK_PAGE}`);
  return page;
}

/** Sends one request to the worker as our extension pages do; resolves with its answer. */
export async function ask<T>(page: Page, name: string, payload: unknown = {}): Promise<T> {
  const reply = (await page.evaluate(
    ([channel, name, payload]) => (globalThis as ExtensionWindow).chrome.runtime.sendMessage({ channel, name, payload }),
    [CHANNEL, name, payload] as const,
  )) as { ok: boolean; value?: T; error?: { code: string; message: string } } | undefined;
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error ? `${reply.error.code}: ${reply.error.message}` : 'no answer'}`);
  return reply.value as T;
}

/** The worker's sync state once no sync is running and one has completed (watches storage). */
export async function syncIdle(page: Page): Promise<SyncStateView> {
  // No named function inside: the runner would wrap it in a helper the page does not have.
  return page.evaluate(
    (key) =>
      new Promise<SyncStateView>((resolve) => {
        const { chrome } = globalThis as ExtensionWindow;
        chrome.storage.onChanged.addListener((changes, area) => {
          const next = changes[key]?.newValue as SyncStateView | undefined;
          if (area === 'local' && next && !next.running && (next.lastSyncAt || next.error)) resolve(next);
        });
        void chrome.storage.local.get(key).then((stored) => {
          const current = stored[key] as SyncStateView | undefined;
          if (current && !current.running && (current.lastSyncAt || current.error)) resolve(current);
        });
      }),
    SYNC_STATE_KEY,
  );
}
