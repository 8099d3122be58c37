// What the last menu command did, shown in a MessageBar (data-testid="share-result") so tests can
// tell that a built-in menu item works.
import { useSyncExternalStore } from 'react';

export interface Feedback {
  /** Which command ran: copyLink | email | teams | planner | manage | notes | editStatus */
  command: string;
  actionId: string;
  seq: number;
}

let current: Feedback | undefined;
let seq = 0;
const listeners = new Set<() => void>();

export function reportCommand(command: string, actionId: string): void {
  current = { command, actionId, seq: ++seq };
  listeners.forEach((l) => l());
}

export function clearFeedback(): void {
  if (!current) return;
  current = undefined;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useFeedback(): Feedback | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
