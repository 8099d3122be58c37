import type { ChecklistStep } from '../domain/connection-status';

/**
 * What the worker knows about the connection beyond storage, for as long as it runs: whether a
 * sign-in is under way, how many disconnects there were (a sign-in or refresh that started
 * before one must not store tokens), and the last checklist run.
 */
export interface ConnectionProgress {
  connecting: boolean;
  disconnects: number;
  checklist?: ChecklistStep[];
}

export function createConnectionProgress(): ConnectionProgress {
  return { connecting: false, disconnects: 0 };
}
