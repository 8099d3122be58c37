// Page data "service": the improvement actions arrive at once, or after `slow` ms (slow=1: 1.5 s),
// like the real portal's API calls.
import { useSyncExternalStore } from 'react';
import { getSwitches } from '../switches';
import { ACTIONS } from './actions';
import type { ImprovementAction } from './types';

export interface ActionsState {
  loaded: boolean;
  actions: readonly ImprovementAction[];
}

let state: ActionsState = { loaded: false, actions: [] };
let loading: Promise<readonly ImprovementAction[]> | undefined;
const listeners = new Set<() => void>();

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Loads the actions once per page load. */
export function loadActions(): Promise<readonly ImprovementAction[]> {
  loading ??= (async () => {
    const { slow } = getSwitches();
    if (slow) await delay(slow);
    state = { loaded: true, actions: ACTIONS };
    listeners.forEach((l) => l());
    return ACTIONS;
  })();
  return loading;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useActions(): ActionsState {
  const s = useSyncExternalStore(subscribe, () => state);
  if (!s.loaded) void loadActions();
  return s;
}
