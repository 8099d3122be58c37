import browser from 'webextension-polyfill';
import { sendToTab } from '../messaging/tab-messages';

// Chromium does not run manifest content scripts in tabs that were already open when the
// extension was installed, updated or reloaded: the old overlay there removes itself (WXT's
// context invalidation, utils/portal/run.ts) and no new one would come until the tab is
// reloaded. So on install and update the worker puts the manifest's content scripts into the
// open tabs they match. Firefox does that by itself (and MV2 has no `scripting`): not there.

type Injection = { tabId: number; files: string[]; allFrames: boolean };

/** The content scripts' files and the open tabs they match, skipping tabs already served. */
export async function takeOverOpenTabs(
  inject: (injection: Injection) => Promise<unknown> = executeScript,
): Promise<void> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  await Promise.all(
    scripts.map(async (script) => {
      const files = script.js ?? [];
      if (files.length === 0 || !script.matches?.length) return;
      const tabs = await browser.tabs.query({ url: script.matches }).catch(() => []);
      await Promise.all(
        tabs.map(async ({ id: tabId }) => {
          if (tabId === undefined) return;
          // A tab whose content script of this instance already answers (it loaded after the
          // update) needs none: a second copy would only replace the first.
          if (await answers(tabId)) return;
          // Closed, discarded or error-page tabs refuse; one tab's refusal never stops the others.
          await inject({ tabId, files, allFrames: script.all_frames ?? false }).catch(() => undefined);
        }),
      );
    }),
  );
}

async function answers(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'describeAction');
    return true;
  } catch {
    return false; // no content script of this instance listens there
  }
}

function executeScript({ tabId, files, allFrames }: Injection): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, allFrames }, files });
}
