import { useSyncExternalStore } from 'react';
import { getSwitches, subscribeSwitches, type Switches } from './switches';

/** The current switches; re-renders when a switch changes at runtime. */
export function useSwitches(): Switches {
  return useSyncExternalStore(subscribeSwitches, getSwitches);
}
