import type { ConnectionState } from '../domain/connection-status';
import { send } from '../messaging';
import { cachedStatus } from '../storage';

// Exactly one kind of ServiceNow card shows on the home page: "Do you use ServiceNow?" while not
// connected (F1.7), the ticket cards otherwise (F3.1) — also while reconnect is needed, so the
// cached tickets stay visible next to the message. Both follow the worker's published status,
// so connecting or disconnecting elsewhere switches the cards without a reload.

export type HomeCardMode = 'connect' | 'tickets';

export function homeCardMode(state: ConnectionState): HomeCardMode {
  return state === 'not_configured' || state === 'not_connected' ? 'connect' : 'tickets';
}

/** Runs `show` while the home page is in `mode`, aborting its signal when the mode changes. */
export async function whileHomeMode(
  mode: HomeCardMode,
  show: (signal: AbortSignal, state: ConnectionState) => void,
  signal: AbortSignal,
): Promise<void> {
  let current: AbortController | undefined;
  let shownFor: ConnectionState | undefined;
  const apply = (state: ConnectionState) => {
    if (signal.aborted) return;
    const wanted = homeCardMode(state) === mode;
    if (wanted && current && shownFor === state) return;
    current?.abort();
    current = undefined;
    if (!wanted) return;
    current = new AbortController();
    shownFor = state;
    show(current.signal, state);
  };
  const stop = cachedStatus.watch((status) => status && apply(status.state));
  signal.addEventListener(
    'abort',
    () => {
      stop();
      current?.abort();
    },
    { once: true },
  );
  const cached = await cachedStatus.get();
  const status = cached ?? (await send('getStatus', { refresh: false }).catch(() => null));
  if (status) apply(status.state);
}
