import { useState } from 'preact/hooks';
import { toAppError, type AppError } from '@/utils/errors';

/**
 * Runs one user action at a time: `busy` while it runs, its failure as a user-readable `error`,
 * and `onError` (e.g. reload the status) after a failure. Shared by popup, options and portal views.
 */
export function useAction({ onStart, onError }: { onStart?(): void; onError?(): Promise<unknown> | void } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    onStart?.();
    try {
      await action();
    } catch (e) {
      setError(toAppError(e));
      await onError?.();
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, run };
}
