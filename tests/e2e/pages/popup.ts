import type { Page } from 'playwright-core';
import type { World } from '../../support/world';

// The toolbar popup over a portal tab. Playwright cannot click the toolbar button, so the popup
// page opens in a popup window of its own; the portal tab stays the active tab of the last focused
// browser window, which is the tab the popup looks at (utils/messaging/tab-messages.ts activeTabId).

export async function openPopupOver(world: World, page: Page): Promise<Page> {
  await page.bringToFront();
  const worker = await world.worker();
  const opened = world.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/popup.html') });
  await worker.evaluate(`chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', focused: false })`);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

/** What the overlay recorded about the portal (storage.local), read in the worker. */
export async function storedDiagnostics(world: World): Promise<Record<string, { anchors: Record<string, unknown>; outline: string }>> {
  const worker = await world.worker();
  return worker.evaluate(`chrome.storage.local.get('portalDiagnostics:v1').then((s) => s['portalDiagnostics:v1'] ?? {})`);
}

/** Runs a keyboard command through the worker's own onCommand handler (the e2e build exposes it). */
export async function runCommandAsIfPressed(world: World, command: string): Promise<void> {
  const worker = await world.worker();
  await worker.evaluate(`globalThis.__sntOnCommand(${JSON.stringify(command)})`);
}

/** Every text node of the page (more than one character) that is not also a tag, role, class or icon name. */
export function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = new Set<string>();
    for (const element of document.body.querySelectorAll('*')) {
      words.add(element.localName);
      for (const value of [element.getAttribute('role'), element.getAttribute('data-icon-name'), ...element.classList]) if (value) words.add(value);
    }
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement?.localName;
      if (text.length > 1 && parent !== 'script' && parent !== 'style' && !words.has(text)) texts.push(text);
    }
    return texts;
  });
}
