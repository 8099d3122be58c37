import { useCallback, useEffect, useState } from 'preact/hooks';
import { toAppError, type AppError } from '@/utils/errors';
import { send } from '@/utils/messaging';
import { stateNames, syncState } from '@/utils/storage';
import { INITIAL_SYNC_STATE, type SyncState } from '@/utils/domain/sync-state';
import { resolveStateNames } from '@/utils/domain/state-names';
import { defaultStateNames, type StateNames } from '@/utils/domain/states';
import type { TicketOverview } from '@/utils/domain/ticket';

// Hooks of the tracking views. Every context (portal tab, popup, options) watches storage:
// state names (storage.sync) apply live when renamed anywhere, and the worker's sync state
// (storage.local) says when the cached tickets changed (`revision`) so a view fetches again.

export function useStateNames(): StateNames {
  const [names, setNames] = useState<StateNames>(defaultStateNames);
  useEffect(() => {
    let live = true;
    void stateNames.get().then((stored) => live && setNames(resolveStateNames(stored)));
    const stop = stateNames.watch((stored) => setNames(resolveStateNames(stored)));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return names;
}

export function useSyncState(): SyncState | null {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let live = true;
    void syncState.get().then((stored) => live && setState((current) => current ?? stored ?? INITIAL_SYNC_STATE));
    const stop = syncState.watch((next) => setState(next ?? INITIAL_SYNC_STATE));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

/** Runs `load` at once and again whenever the worker's cached tickets change. */
export function useCachedQuery<T>(load: () => Promise<T>, deps: unknown[], revision: number | undefined) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (next) => live && (setValue(next), setError(null)),
      (e: unknown) => live && setError(toAppError(e)),
    );
    return () => {
      live = false;
    };
  }, [...deps, revision]);
  return { value, error };
}

export function useTicketOverview(revision: number | undefined) {
  return useCachedQuery<TicketOverview>(() => send('getTicketOverview', {}), [], revision);
}

/** Sync now: asks the worker and reports a failure to send (sync errors come with the sync state). */
export function useSyncNow() {
  const [error, setError] = useState<AppError | null>(null);
  const [asked, setAsked] = useState(false);
  const syncNow = useCallback(() => {
    setError(null);
    setAsked(true);
    send('syncNow', {})
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setAsked(false));
  }, []);
  return { syncNow, asked, error };
}
