// `churn` switch: heavy DOM churn unrelated to menus, in the body (visible widget) and inside
// Fluent's layer host (hidden), every 50 ms, so tests can prove the extension's observer stays cheap.
import { getSwitches } from './switches';

const CHURN_INTERVAL_MS = 50;
const NODES_PER_TICK = 300;

let timer: number | undefined;
let bodyWidget: HTMLElement | undefined;
let ticks = 0;

/** Our data-* hooks only in markup=default. */
const marked = () => getSwitches().markup === 'default';

function fill(target: HTMLElement): void {
  const frag = document.createDocumentFragment();
  for (let i = 0; i < NODES_PER_TICK; i++) {
    const span = document.createElement('span');
    span.className = 'churn-dot';
    span.textContent = String((ticks + i) % 10);
    frag.appendChild(span);
  }
  target.replaceChildren(frag);
  if (marked()) target.setAttribute('data-churn-tick', String(ticks));
}

function layerHostChurn(): HTMLElement | undefined {
  const host = document.getElementById('fluent-default-layer-host');
  if (!host) return undefined;
  let el = host.querySelector<HTMLElement>(':scope > .portal-churn-layer');
  if (!el) {
    el = document.createElement('div');
    el.className = 'portal-churn-layer';
    if (marked()) el.setAttribute('data-testid', 'churn-layer');
    el.setAttribute('aria-hidden', 'true');
    el.style.display = 'none';
    host.appendChild(el);
  }
  return el;
}

export function startChurn(): void {
  if (timer !== undefined) return;
  bodyWidget = document.createElement('div');
  bodyWidget.className = 'churn-widget';
  if (marked()) bodyWidget.setAttribute('data-testid', 'churn-widget');
  bodyWidget.setAttribute('aria-hidden', 'true');
  // Before #fluent-default-layer-host (when it exists), which stays the last child of body.
  const host = document.getElementById('fluent-default-layer-host');
  document.body.insertBefore(bodyWidget, host && host.parentNode === document.body ? host : null);
  timer = window.setInterval(() => {
    ticks++;
    if (bodyWidget) {
      fill(bodyWidget);
      bodyWidget.style.visibility = ticks % 20 < 10 ? 'visible' : 'hidden';
    }
    const layer = layerHostChurn();
    if (layer) fill(layer);
  }, CHURN_INTERVAL_MS);
}

export function stopChurn(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
  bodyWidget?.remove();
  bodyWidget = undefined;
  document.querySelectorAll('.portal-churn-layer').forEach((el) => el.remove());
}

export function churnTicks(): number {
  return ticks;
}
