// The one DOM observer of the content script. Each `observe` registration gets every element
// matching its selector once (handled nodes are remembered); `onDomChange` callbacks run after
// each batch (for self-healing checks). However many mutations the portal makes, there is at
// most one check per animation frame. `onMutations` callbacks get the records themselves, at
// once (before the browser paints what changed): for the few jobs that must not wait a frame
// and can tell from the records alone whether they have anything to do. Everything stops when
// its signal aborts.

type Registration =
  | { kind: 'match'; selector: string; callback: (element: Element) => void; seen: WeakSet<Element> }
  | { kind: 'change'; callback: () => void }
  | { kind: 'records'; callback: (records: MutationRecord[]) => void };

const registrations = new Set<Registration>();
let observer: MutationObserver | undefined;
let scheduled = false;

function check(): void {
  scheduled = false;
  for (const registration of registrations) {
    if (registration.kind === 'records') continue;
    if (registration.kind === 'change') {
      registration.callback();
      continue;
    }
    for (const element of document.querySelectorAll(registration.selector)) {
      if (registration.seen.has(element)) continue;
      registration.seen.add(element);
      registration.callback(element);
    }
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(check);
}

function onRecords(records: MutationRecord[]): void {
  for (const registration of registrations) {
    if (registration.kind === 'records') registration.callback(records);
  }
  schedule();
}

function register(registration: Registration, signal: AbortSignal): void {
  if (signal.aborted) return;
  registrations.add(registration);
  observer ??= new MutationObserver(onRecords);
  if (registrations.size === 1) {
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-expanded'],
    });
  }
  schedule();
  signal.addEventListener(
    'abort',
    () => {
      registrations.delete(registration);
      if (registrations.size === 0) observer?.disconnect();
    },
    { once: true },
  );
}

export function observe(
  selector: string,
  callback: (element: Element) => void,
  { signal }: { signal: AbortSignal },
): void {
  register({ kind: 'match', selector, callback, seen: new WeakSet() }, signal);
}

export function onDomChange(callback: () => void, { signal }: { signal: AbortSignal }): void {
  register({ kind: 'change', callback }, signal);
}

export function onMutations(callback: (records: MutationRecord[]) => void, { signal }: { signal: AbortSignal }): void {
  register({ kind: 'records', callback }, signal);
}
