// Our own test hooks (data-testid and the other data-* attributes we add) exist only in
// markup=default. Shared parts (shell, menus, message bars) spread `mark(...)` where they used to
// write the attributes; the page content of bare/alt is written as separate components.
import { useSwitches } from './hooks';
import type { Markup } from './markup';

export type DataAttributes = { [name: `data-${string}`]: string | number | undefined };
/** `data-testid` (when given) and other data-* attributes, in markup=default only. */
export type Mark = (testId: string | undefined, data?: DataAttributes) => DataAttributes;

const NONE: DataAttributes = {};

export function markFor(markup: Markup): Mark {
  if (markup !== 'default') return () => NONE;
  return (testId, data) => (testId === undefined ? { ...data } : { 'data-testid': testId, ...data });
}

export function useMark(): Mark {
  return markFor(useSwitches().markup);
}
