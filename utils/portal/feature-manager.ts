import { onDomChange } from './observe';

// refined-github's shape: every overlay feature says which portal addresses it is for and starts
// with one AbortSignal. On in-app navigation (History API, no reload) every running feature is
// aborted and the matching ones start again, so nothing outlives its page.

export interface Feature {
  id: string;
  include(url: URL): boolean;
  init(signal: AbortSignal): void | Promise<void>;
}

export function startFeatures(features: Feature[], lifetime: AbortSignal): void {
  let current: AbortController | undefined;
  let lastHref = '';

  const restart = () => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    current?.abort();
    if (lifetime.aborted) return;
    current = new AbortController();
    const url = new URL(location.href);
    for (const feature of features) {
      if (!feature.include(url)) continue;
      Promise.resolve()
        .then(() => feature.init(current!.signal))
        .catch((error: unknown) => console.error(`[ServiceNow Tickets] ${feature.id} failed`, error));
    }
  };

  restart();
  // The portal changes the DOM whenever it navigates; popstate covers back/forward.
  onDomChange(restart, { signal: lifetime });
  addEventListener('popstate', restart, { signal: lifetime });
  lifetime.addEventListener('abort', () => current?.abort(), { once: true });
}

/** Path test that ignores case and a trailing slash. */
export function isPath(url: URL, ...paths: string[]): boolean {
  const path = url.pathname.replace(/\/+$/, '').toLowerCase() || '/';
  return paths.some((p) => p.toLowerCase() === path);
}
