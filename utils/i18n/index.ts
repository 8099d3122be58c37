import type { Browser } from 'webextension-polyfill';
import type { MessageKey } from './en';

// UI text in the browser's language (F5.1), English where a translation is missing.

// Messages come from the browser's i18n API (`_locales`, generated from these catalogs at build
// time, every key in every language), so only the user's language is loaded and no catalog is
// bundled into our scripts. Outside the extension (unit tests, the Node benchmark) there is no
// such API: those set a catalog to answer instead (answerOutsideTheBrowserWith).
// The global is read directly instead of through webextension-polyfill: the polyfill throws when
// imported outside a browser, and `i18n.getMessage` is synchronous everywhere anyway.
type I18nApi = Pick<Browser['i18n'], 'getMessage'>;

function i18nApi(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

function format(text: string, subs: (string | number)[]): string {
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(subs[Number(i)] ?? ''));
}

type Catalog = Partial<Record<MessageKey, string>>;
let outsideTheBrowser: Catalog = {};

/** For tests and Node tools, which have no browser i18n API: the catalog that answers there. */
export function answerOutsideTheBrowserWith(catalog: Catalog): void {
  outsideTheBrowser = catalog;
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  let text = '';
  try {
    // The browser allows at most 9 substitutions and wants strings.
    text = i18nApi()?.getMessage(key, subs.map(String)) ?? '';
  } catch {
    // No i18n API here (tests, Node): English below.
  }
  return text || format(outsideTheBrowser[key] ?? key, subs);
}

/** The language our UI text is in (for `lang` attributes, so screen readers pick the right voice). */
export function uiLang(): string {
  return t('langTag');
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
