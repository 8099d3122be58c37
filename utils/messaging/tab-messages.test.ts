import { expect, test } from 'vitest';
import { isFromOwnExtension, isTabMessage, TAB_CHANNEL } from './tab-messages';

// The portal tab answers only our own popup and worker, and only the two requests it knows.

const OWN_ID = 'cpkeknfkjeijkaciapgpgphiimkbilje';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

test('only the two tab requests, in their exact shape', () => {
  expect(isTabMessage({ channel: TAB_CHANNEL, name: 'describeAction' })).toBe(true);
  expect(isTabMessage({ channel: TAB_CHANNEL, name: 'openTaskForm' })).toBe(true);
  expect(isTabMessage({ channel: TAB_CHANNEL, name: 'createTicket' })).toBe(false);
  expect(isTabMessage({ channel: 'snt/1', name: 'openTaskForm' })).toBe(false);
  expect(isTabMessage({ channel: TAB_CHANNEL, name: 'openTaskForm', action: { title: 'x' } })).toBe(false);
  expect(isTabMessage(null)).toBe(false);
});

test('senders: our popup, options page and worker; never a content script or another extension', () => {
  expect(isFromOwnExtension({ id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }, OWN_ID, OWN_ORIGIN)).toBe(true);
  expect(isFromOwnExtension({ id: OWN_ID, url: `${OWN_ORIGIN}background.js` }, OWN_ID, OWN_ORIGIN)).toBe(true);
  // Our own content script in another portal tab: its url is the page's.
  expect(isFromOwnExtension({ id: OWN_ID, url: 'https://security.microsoft.com/homepage' }, OWN_ID, OWN_ORIGIN)).toBe(
    false,
  );
  expect(
    isFromOwnExtension(
      { id: 'otherextension', url: 'chrome-extension://otherextension/popup.html' },
      OWN_ID,
      OWN_ORIGIN,
    ),
  ).toBe(false);
  expect(isFromOwnExtension({ id: OWN_ID, url: undefined }, OWN_ID, OWN_ORIGIN)).toBe(false);
  // An origin that merely starts like ours.
  expect(isFromOwnExtension({ id: OWN_ID, url: `chrome-extension://${OWN_ID}x/popup.html` }, OWN_ID, OWN_ORIGIN)).toBe(
    false,
  );
});
