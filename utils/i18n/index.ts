import type { Browser } from 'webextension-polyfill';
import { de } from './de';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { zhCn } from './zh-cn';

// UI text in the browser's language (F5.1), English where a translation is missing.

export type Catalog = Partial<Record<MessageKey, string>>;

/** Translations by primary language subtag. Chinese is handled in `catalogFor` (script/region). */
const catalogs = new Map<string, Catalog>([
  ['de', de],
  ['fr', fr],
  ['it', it],
  ['ja', ja],
]);

/** Chinese written in Traditional characters: these get English, as there is no Traditional catalog. */
const TRADITIONAL_CHINESE = /^(hant|tw|hk|mo)$/;

/**
 * The catalog for a BCP 47 language tag ("de-AT", "zh-Hans-CN", Firefox's "zh-CN", "pt_BR"):
 * matched by its language; Chinese only when Simplified (zh, zh-CN, zh-SG, zh-Hans…), so zh-TW,
 * zh-HK and zh-Hant fall back to English. An empty catalog means English.
 */
export function catalogFor(language: string): Catalog {
  const [lang = '', ...rest] = language.toLowerCase().split(/[-_]/);
  if (lang === 'zh') {
    // The script subtag decides when present (zh-Hant-CN is Traditional), else the region.
    const script = rest.find((s) => s === 'hans' || s === 'hant');
    return TRADITIONAL_CHINESE.test(script ?? rest[0] ?? '') ? {} : zhCn;
  }
  return catalogs.get(lang) ?? {};
}

// The extension API is read from the global, not imported through webextension-polyfill: error
// messages are built with `t` in modules that also run outside the extension (the sync benchmark
// under Node), where importing the polyfill throws. `i18n.getUILanguage` is synchronous in every
// context and browser, so the polyfill adds nothing here.
function uiLanguage(): string {
  try {
    const api = globalThis as { browser?: Partial<Browser>; chrome?: Partial<Browser> };
    return (api.browser?.i18n ?? api.chrome?.i18n)!.getUILanguage();
  } catch {
    return typeof navigator === 'undefined' ? 'en' : navigator.language;
  }
}

// Chosen once per page or worker: the browser's UI language does not change while it runs.
let catalog: Catalog | undefined;

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  catalog ??= catalogFor(uiLanguage());
  const text: string = catalog[key] ?? en[key];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(subs[Number(i)] ?? ''));
}

/** The language our UI text is in (for `lang` attributes, so screen readers pick the right voice). */
export function uiLang(): string {
  catalog ??= catalogFor(uiLanguage());
  if (Object.keys(catalog).length === 0) return 'en';
  return catalog === zhCn ? 'zh-CN' : uiLanguage().toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/**
 * Sentences as one text (a message, then what ServiceNow said, then how to fix it): separated by a
 * space, except in Japanese and Chinese, which do not space sentences. Empty parts are left out.
 */
export function sentences(...parts: string[]): string {
  const lang = uiLang();
  return parts.filter(Boolean).join(lang === 'ja' || lang === 'zh-CN' ? '' : ' ');
}

export type { MessageKey };
