import browser from 'webextension-polyfill';
import { PORTAL_ORIGIN } from '../domain/portal-links';

// After an install, update or reload, Chromium does not run content scripts in tabs that were
// already open; their old overlay notices it is orphaned and removes itself (WXT context
// invalidation, utils/portal/run.ts). So the new content script is put into open portal tabs
// here, and takes over from the old one. Firefox injects into open tabs itself.

export async function injectIntoOpenPortalTabs(): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return;
  const tabs = await browser.tabs.query({ url: `${PORTAL_ORIGIN}/*` });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => undefined),
    ),
  );
}
