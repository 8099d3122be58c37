import type { Page } from 'playwright-core';

// Talks to the e2e-only bridge in the content script (utils/portal/e2e-bridge.ts).

export async function waitForContentScript(page: Page): Promise<void> {
  await page.waitForSelector('html[data-snt-e2e="ready"]', { state: 'attached' });
}

async function ask(page: Page, kind: 'send' | 'probe' | 'writeStorage', envelope?: unknown): Promise<unknown> {
  await waitForContentScript(page);
  return page.evaluate(
    ({ kind, envelope }) =>
      new Promise((resolve) => {
        const id = Math.random();
        const onReply = (event: MessageEvent) => {
          if (event.data?.source === 'snt-e2e-reply' && event.data.id === id) {
            removeEventListener('message', onReply);
            resolve(event.data.reply);
          }
        };
        addEventListener('message', onReply);
        postMessage({ source: 'snt-e2e', id, kind, envelope }, location.origin);
      }),
    { kind, envelope },
  );
}

/** Sends a raw envelope to the background as the content script would. */
export const sendAsContentScript = (page: Page, envelope: unknown) => ask(page, 'send', envelope);

/** Writes storage.local from the content-script world, as any code running there could. */
export const writeStorageAsContentScript = (page: Page, items: Record<string, unknown>) => ask(page, 'writeStorage', items);

/** What the content script sees on the page. */
export const probeContentScript = (page: Page) =>
  ask(page, 'probe') as Promise<{ shareButtons: number; url: string }>;
