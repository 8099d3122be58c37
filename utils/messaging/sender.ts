import type { Runtime } from 'webextension-polyfill';
import { PORTAL_ORIGIN } from '../domain/portal-links';
import type { SenderKind } from './protocol';

/**
 * Who sent a message, or null when it must be refused: another extension, a page of another
 * origin, or a frame we do not run in.
 */
export function classifySender(
  sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>,
  ownId: string,
  ownOrigin: string,
): SenderKind | null {
  if (sender.id !== ownId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // Our own pages (popup, options: also when the options page is open in a tab).
  if (`${url.protocol}//${url.host}/` === ownOrigin.replace(/\/?$/, '/')) return 'extension-page';
  // Content scripts: only in a tab showing the portal's own origin.
  return sender.tab && url.origin === PORTAL_ORIGIN ? 'portal' : null;
}
