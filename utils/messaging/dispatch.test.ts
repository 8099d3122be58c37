import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from './dispatch';
import type { Handlers } from './protocol';
import { classifySender } from './sender';
import { MESSAGE_SPECS } from './specs';

const OWN_ID = 'cpkeknfkjeijkaciapgpgphiimkbilje';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
const tab = { id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false };

describe('classifySender', () => {
  test.each([
    [{ id: OWN_ID, url: 'https://security.microsoft.com/securescore?viewid=actions', tab }, 'portal'],
    [{ id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }, 'extension-page'],
    [{ id: OWN_ID, url: `${OWN_ORIGIN}options.html#x` }, 'extension-page'],
    [{ id: 'otherextensionid', url: `chrome-extension://otherextensionid/x.html` }, null],
    [{ id: OWN_ID, url: 'https://security.microsoft.com.evil.com/', tab }, null],
    [{ id: OWN_ID, url: 'http://security.microsoft.com/', tab }, null],
    [{ id: OWN_ID, url: 'https://evil.example/', tab }, null],
    [{ id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab }, 'extension-page'], // options open in a tab
    [{ id: OWN_ID, url: 'https://security.microsoft.com/' }, null], // portal URL but no tab
    [{ id: OWN_ID }, null],
    [{ id: OWN_ID, url: 'not a url' }, null],
  ])('%j → %s', (sender, kind) => {
    expect(classifySender(sender, OWN_ID, OWN_ORIGIN)).toBe(kind);
  });
});

describe('dispatch', () => {
  const calls: string[] = [];
  const handlers = {
    ping: async ({ note }: { note: string }) => {
      calls.push(note);
      return { pong: true as const, note, version: '1' };
    },
  } as unknown as Handlers;

  beforeEach(() => {
    fakeBrowser.reset();
    calls.length = 0;
  });

  const portalSender = { id: fakeBrowser.runtime.id, url: 'https://security.microsoft.com/', tab };

  test('runs a valid message from an allowed sender', async () => {
    const reply = await dispatch(handlers, { channel: 'snt/1', name: 'ping', payload: { note: 'hi' } }, portalSender);
    expect(reply).toEqual({ ok: true, value: { pong: true, note: 'hi', version: '1' } });
  });

  test('refuses unknown names, including prototype keys', async () => {
    for (const name of ['getTokens', '__proto__', 'constructor', 'toString']) {
      const reply = await dispatch(handlers, { channel: 'snt/1', name, payload: {} }, portalSender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    }
  });

  test('refuses malformed payloads without running the handler', async () => {
    for (const payload of [null, 'x', { note: 1 }, { note: 'x', more: true }, { note: 'x'.repeat(201) }]) {
      const reply = await dispatch(handlers, { channel: 'snt/1', name: 'ping', payload }, portalSender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    }
    expect(calls).toEqual([]);
  });

  test('refuses senders that are not ours', async () => {
    const reply = await dispatch(
      handlers,
      { channel: 'snt/1', name: 'ping', payload: { note: 'x' } },
      { id: 'other', url: 'https://security.microsoft.com/', tab },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
  });

  test('the portal may not save connection settings, not even a first-time setup', async () => {
    const save = vi.fn(async () => ({}) as never);
    const reply = await dispatch(
      { ...handlers, saveConnection: save },
      { channel: 'snt/1', name: 'saveConnection', payload: { instance: 'contoso', clientId: 'client' } },
      portalSender,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    expect(save).not.toHaveBeenCalled();
  });

  test('messages reserved for extension pages are refused from the portal', async () => {
    expect(MESSAGE_SPECS.disconnect.from).toEqual(['extension-page']);
    const reply = await dispatch(
      handlers,
      { channel: 'snt/1', name: 'disconnect', payload: { forget: true } },
      portalSender,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
  });
});
