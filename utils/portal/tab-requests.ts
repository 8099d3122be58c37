import browser, { type Runtime } from 'webextension-polyfill';
import {
  isFromOwnExtension,
  isTabMessage,
  type TabMessageName,
  type TabProtocol,
} from '@/utils/messaging/tab-messages';
import { actionIdFromUrl, actionLink, panelOf, readFlyout, type ActionDetails } from './action-reader';
import { openTaskForm } from './task-form/open-task-form';

// Answers the popup's and the keyboard shortcut's requests (issue 12 item 5): which improvement
// action this tab shows, and opening the task form for it, prefilled from whatever was read —
// the same form as Share → ServiceNow, without depending on the Share menu.

/** The action in the address, read from its flyout when one is open. */
export function shownAction(href = location.href, root: ParentNode = document): ActionDetails | null {
  const id = actionIdFromUrl(href);
  if (!id) return null;
  const panel = panelOf(null, root);
  if (panel) return readFlyout(panel, href);
  return {
    id,
    title: '',
    description: '',
    implementation: '',
    category: null,
    scoreImpact: null,
    link: actionLink(id),
    missing: ['title', 'description', 'implementation', 'category', 'scoreImpact'],
  };
}

function answer(name: TabMessageName): TabProtocol[TabMessageName] {
  const action = shownAction();
  if (name === 'describeAction') return action?.id ? { actionId: action.id, title: action.title } : null;
  if (!action) return false;
  openTaskForm({ action });
  return true;
}

export function answerTabRequests(signal: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (!isTabMessage(message)) return undefined;
    if (!isFromOwnExtension(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    return Promise.resolve(answer(message.name));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // The extension was reloaded or updated: its APIs, and the listener with them, are gone.
      }
    },
    { once: true },
  );
}
