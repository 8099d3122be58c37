import browser from 'webextension-polyfill';
import { findShareButtons } from './selectors';

// Built into e2e test builds only (import.meta.env.MODE === 'e2e'), never into the product:
// lets a test in the page send raw envelopes as this content script (to prove the background
// refuses what it must), write storage.local as code in the content-script world can (to prove
// the worker trusts nothing there), and ask what the content script sees.

interface BridgeRequest {
  source: 'snt-e2e';
  id: number;
  kind: 'send' | 'probe' | 'writeStorage';
  envelope?: unknown;
}

export function installE2eBridge(signal: AbortSignal): void {
  addEventListener(
    'message',
    async (event: MessageEvent<BridgeRequest>) => {
      if (event.source !== window || event.data?.source !== 'snt-e2e') return;
      const { id, kind, envelope } = event.data;
      let reply: unknown;
      try {
        if (kind === 'send') reply = await browser.runtime.sendMessage(envelope);
        else if (kind === 'writeStorage') reply = await browser.storage.local.set(envelope as Record<string, unknown>);
        else reply = { shareButtons: findShareButtons(document).length, url: location.href };
      } catch (error) {
        reply = { thrown: String(error) };
      }
      postMessage({ source: 'snt-e2e-reply', id, reply }, location.origin);
    },
    { signal },
  );
  document.documentElement.dataset.sntE2e = 'ready';
}
