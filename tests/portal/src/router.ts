// Minimal History API router: in-app navigation is pushState (no document reload), and the app
// follows back/forward through popstate, like the real portal.
import { useSyncExternalStore } from 'react';

export interface PortalLocation {
  pathname: string;
  search: string;
  /** Query parameters of `search`. */
  params: URLSearchParams;
  href: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let snapshot: PortalLocation = read();

function read(): PortalLocation {
  const { pathname, search, href } = window.location;
  return { pathname, search, href, params: new URLSearchParams(search) };
}

function emit(): void {
  const next = read();
  if (next.href === snapshot.href) return;
  snapshot = next;
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', emit);

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Navigates inside the app with history.pushState (or replaceState). */
export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin) {
    window.location.assign(target.href);
    return;
  }
  if (target.href === window.location.href) return;
  if (opts.replace) history.replaceState(history.state, '', target.href);
  else history.pushState({ portal: true }, '', target.href);
  emit();
}

export function useLocation(): PortalLocation {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** Route keys of the shell. */
export type Route = 'home' | 'securescore' | 'unavailable';

export function routeOf(pathname: string): Route {
  const p = pathname.replace(/\/+$/, '').toLowerCase();
  if (p === '' || p === '/homepage') return 'home';
  if (p === '/securescore') return 'securescore';
  return 'unavailable';
}

export function secureScoreUrl(viewid: 'overview' | 'actions', actionId?: string): string {
  const q = new URLSearchParams({ viewid });
  if (actionId) q.set('actionId', actionId);
  return `/securescore?${q.toString()}`;
}
