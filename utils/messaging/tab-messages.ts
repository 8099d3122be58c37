import browser, { type Runtime } from 'webextension-polyfill';
import { isObject } from '../domain/guards';

// Messages from our popup and worker to the portal tab's content script (browser.tabs.sendMessage:
// no permission needed), for the entry that does not depend on the Share menu (issue 12 item 5).

export const TAB_CHANNEL = 'snt-tab/1';

export interface TabProtocol {
  /** The improvement action the tab shows (actionId in its address), or null. */
  describeAction: { actionId: string; title: string } | null;
  /** Opens the task form in the page for that action; false when the tab shows none. */
  openTaskForm: boolean;
}

export type TabMessageName = keyof TabProtocol;
const NAMES: readonly string[] = ['describeAction', 'openTaskForm'] satisfies TabMessageName[];

export interface TabMessage {
  channel: typeof TAB_CHANNEL;
  name: TabMessageName;
}

export function isTabMessage(value: unknown): value is TabMessage {
  return (
    isObject(value) &&
    value.channel === TAB_CHANNEL &&
    typeof value.name === 'string' &&
    NAMES.includes(value.name) &&
    Object.keys(value).length === 2
  );
}

/** Our own popup, options page or worker: never a content script (its url is the page's) or another extension. */
export function isFromOwnExtension(
  sender: Pick<Runtime.MessageSender, 'id' | 'url'>,
  ownId: string,
  ownOrigin: string,
) {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

export async function sendToTab<N extends TabMessageName>(tabId: number, name: N): Promise<TabProtocol[N]> {
  const message: TabMessage = { channel: TAB_CHANNEL, name };
  return (await browser.tabs.sendMessage(tabId, message)) as TabProtocol[N];
}

/**
 * The tab the user is looking at: the active tab of the last focused browser window (the
 * toolbar popup is no window of its own, so this is the tab it was opened over).
 */
export async function activeTabId(): Promise<number | undefined> {
  // windowTypes is in Chrome and Firefox, missing from the polyfill's types.
  const getInfo = { windowTypes: ['normal'] } as Parameters<typeof browser.windows.getLastFocused>[0];
  const window = await browser.windows.getLastFocused(getInfo);
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id;
}
