// Test switches of the imitation portal.
//
// Read from the query string on first load (e.g. `/?lang=de&rerender=1`), kept in sessionStorage so
// they survive in-app navigation and reloads of the same tab, and changeable at runtime through
// `window.__portal` (see portalApi.ts). `?reset=1` clears the stored switches first. The server may
// give defaults for a fresh tab (`<meta name="portal-switch-defaults" content="markup=bare">`, see
// server.ts); stored and query values override them.
import { parseMarkup, type Markup } from './markup';

export { MARKUPS, type Markup } from './markup';

export const LANGS = ['en', 'de', 'fr', 'ja', 'it', 'zh-cn'] as const;
export type Lang = (typeof LANGS)[number];

export type ShareButtonMode = 'commandbar' | 'standalone';

export interface Switches {
  /** UI language of the portal chrome. */
  lang: Lang;
  /** 0 = off; otherwise the interval (ms) of forced whole-app re-renders. `rerender=1` means 150 ms. */
  rerender: number;
  /** 0 = off; otherwise page data and flyout content each arrive after this many ms. `slow=1` means SLOW_DELAY_MS. */
  slow: number;
  /** Heavy unrelated DOM churn in the body and in the layer host. */
  churn: boolean;
  /** How the flyout's Share control is rendered. */
  sharebutton: ShareButtonMode;
  /** Which DOM the pages are rendered with (see markup.ts). */
  markup: Markup;
}

export const DEFAULT_SWITCHES: Switches = {
  lang: 'en',
  rerender: 0,
  slow: 0,
  churn: false,
  sharebutton: 'commandbar',
  markup: 'default',
};

export const SLOW_DELAY_MS = 1500;
export const DEFAULT_RERENDER_MS = 150;

const STORAGE_KEY = 'portal.switches';
const SWITCH_NAMES = Object.keys(DEFAULT_SWITCHES) as (keyof Switches)[];

export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase().replace('_', '-');
  if ((LANGS as readonly string[]).includes(v)) return v as Lang;
  if (v === 'zh' || v === 'zh-hans' || v.startsWith('zh-hans')) return 'zh-cn';
  const base = v.split('-')[0];
  if (base && base !== 'zh' && (LANGS as readonly string[]).includes(base)) return base as Lang;
  return undefined;
}

function parseBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on', ''].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}

/** Off (0), on (`1`/`true` → the default interval) or an explicit number of milliseconds. */
function parseMillis(value: unknown, onValue: number, min: number): number | undefined {
  if (typeof value === 'boolean') return value ? onValue : 0;
  const b = parseBool(value);
  if (b === false) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isFinite(n) && n > 1) return Math.max(min, Math.round(n));
  return b === true || n === 1 ? onValue : undefined;
}

function parseShareButton(value: unknown): ShareButtonMode | undefined {
  if (value === 'standalone' || value === 'commandbar') return value;
  return undefined;
}

/** Normalizes one switch value; undefined when the value is not understood. */
export function parseSwitch<K extends keyof Switches>(name: K, value: unknown): Switches[K] | undefined {
  switch (name) {
    case 'lang':
      return parseLang(value) as Switches[K] | undefined;
    case 'rerender':
      return parseMillis(value, DEFAULT_RERENDER_MS, 16) as Switches[K] | undefined;
    case 'slow':
      return parseMillis(value, SLOW_DELAY_MS, 10) as Switches[K] | undefined;
    case 'churn':
      return parseBool(value) as Switches[K] | undefined;
    case 'sharebutton':
      return parseShareButton(value) as Switches[K] | undefined;
    case 'markup':
      return parseMarkup(value) as Switches[K] | undefined;
    default:
      return undefined;
  }
}

function readStored(): Partial<Switches> {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const out: Partial<Switches> = {};
    if (parsed && typeof parsed === 'object') {
      for (const name of SWITCH_NAMES) {
        const v = parseSwitch(name, (parsed as Record<string, unknown>)[name]);
        if (v !== undefined) (out as Record<string, unknown>)[name] = v;
      }
    }
    return out;
  } catch {
    return {};
  }
}

function store(s: Switches): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    /* storage unavailable: switches still work for this page */
  }
}

/** The understood switches of a query string (`lang=de&markup=bare`). */
function fromQuery(query: string): Partial<Switches> {
  const params = new URLSearchParams(query);
  const out: Partial<Switches> = {};
  for (const name of SWITCH_NAMES) {
    if (!params.has(name)) continue;
    const v = parseSwitch(name, params.get(name));
    if (v !== undefined) (out as Record<string, unknown>)[name] = v;
  }
  return out;
}

/**
 * Switches of this page load: the server's defaults (`serverDefaults`, a query string), then what
 * sessionStorage kept for this tab, then the query string of `search`.
 */
export function readInitialSwitches(search: string, serverDefaults = ''): Switches {
  const params = new URLSearchParams(search);
  if (parseBool(params.get('reset') ?? undefined) === true) {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      /* ignore */
    }
  }
  const s: Switches = { ...DEFAULT_SWITCHES, ...fromQuery(serverDefaults), ...readStored(), ...fromQuery(search) };
  store(s);
  return s;
}

type Listener = () => void;
let current: Switches = DEFAULT_SWITCHES;
const listeners = new Set<Listener>();

export function initSwitches(search: string, serverDefaults?: string): Switches {
  current = readInitialSwitches(search, serverDefaults);
  return current;
}

export function getSwitches(): Switches {
  return current;
}

export function setSwitch<K extends keyof Switches>(name: K, value: unknown): void {
  const v = parseSwitch(name, value);
  if (v === undefined) throw new Error(`portal: invalid value for switch ${String(name)}: ${String(value)}`);
  if (current[name] === v) return;
  current = { ...current, [name]: v };
  store(current);
  listeners.forEach((l) => l());
}

export function subscribeSwitches(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { SWITCH_NAMES };
