import { useEffect, useState } from 'react';
import { useSwitches } from '../hooks';

/** With `slow`, false for `slow` ms after `key` changes (flyout content "loading"). */
export function useDelayedContent(key: string | undefined): boolean {
  const { slow } = useSwitches();
  const [readyFor, setReadyFor] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!key || !slow) return undefined;
    const id = window.setTimeout(() => setReadyFor(key), slow);
    return () => window.clearTimeout(id);
  }, [key, slow]);
  return !slow || (key !== undefined && readyFor === key);
}
