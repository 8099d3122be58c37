import browser from 'webextension-polyfill';
import { findShareButtons } from './selectors';

// Built into e2e test builds only (import.meta.env.MODE === 'e2e'), never into the product:
// lets a test in the page send raw envelopes as this content script (to prove the background
// refuses what it must) and ask what the content script sees.

interface BridgeRequest {
  source: 'snt-e2e';
  id: number;
  kind: 'send' | 'probe';
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
        reply =
          kind === 'send'
            ? await browser.runtime.sendMessage(envelope)
            : { shareButtons: findShareButtons(document).length, url: location.href };
      } catch (error) {
        reply = { thrown: String(error) };
      }
      postMessage({ source: 'snt-e2e-reply', id, reply }, location.origin);
    },
    { signal },
  );
  document.documentElement.dataset.sntE2e = 'ready';
}
