import { useEffect } from 'preact/hooks';
import type { SendOutcome } from '@/utils/outbox/outbox';
import { send } from '@/utils/messaging';
import { cachedStatus } from '@/utils/storage';

/**
 * While the outbox retries a sent ticket on its own, follows it until it is in ServiceNow. The
 * worker republishes the connection status (storage) whenever an outbox item changes, which
 * reaches every context, the portal's content script too: that notice triggers a look.
 */
export function useOutboxItem(outcome: SendOutcome | null, onChange: (next: SendOutcome) => void): void {
  useEffect(() => {
    if (!outcome || outcome.state === 'sent') return;
    let live = true;
    const follow = () => {
      void send('listOutbox', {})
        .then((items) => {
          const item = items.find((i) => i.id === outcome.outboxId);
          if (live && item && (item.state !== outcome.state || item.result)) {
            onChange({
              outboxId: item.id,
              state: item.state === 'sending' ? 'pending' : item.state,
              result: item.result,
              error: item.lastError,
            });
          }
        })
        .catch(() => undefined);
    };
    const stop = cachedStatus.watch(follow);
    follow();
    return () => {
      live = false;
      stop();
    };
  }, [outcome]);
}
