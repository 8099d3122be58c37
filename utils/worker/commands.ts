import type { Tabs } from 'webextension-polyfill';
import { activeTabId, sendToTab } from '../messaging/tab-messages';

// Keyboard shortcuts (manifest `commands`, wxt.config.ts; README "Keyboard shortcut").

/** Alt+Shift+S by default: the task form for the improvement action the active tab shows. */
export const CREATE_TICKET_COMMAND = 'create-ticket';

export async function onCommand(command: string, tab?: Tabs.Tab): Promise<void> {
  if (command !== CREATE_TICKET_COMMAND) return;
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return;
  try {
    await sendToTab(tabId, 'openTaskForm');
  } catch {
    // Not a portal tab (no content script answers): the shortcut does nothing there.
  }
}
