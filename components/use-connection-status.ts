import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { toAppError, type AppError } from '@/utils/errors';
import { send } from '@/utils/messaging';
import { cachedStatus } from '@/utils/storage';

/**
 * Paints from the cached status at once, then asks the worker for a fresh one (running the
 * checklist when `check` is set), and follows later changes. `initial`: the cached status read
 * before the first render, so even the first frame shows it.
 */
export function useConnectionStatus({ check, initial = null }: { check: boolean; initial?: ConnectionStatus | null }) {
  const [status, setStatus] = useState<ConnectionStatus | null>(initial);
  const [error, setError] = useState<AppError | null>(null);

  const refresh = useCallback(async (withCheck: boolean) => {
    try {
      setStatus(await send('getStatus', { refresh: withCheck }));
    } catch (e) {
      setError(toAppError(e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    void cachedStatus.get().then((cached) => {
      if (live && cached) setStatus((current) => current ?? cached);
    });
    void refresh(check);
    const stop = cachedStatus.watch((next) => next && setStatus(next));
    return () => {
      live = false;
      stop();
    };
  }, [check, refresh]);

  return { status, setStatus, error, setError, refresh };
}
