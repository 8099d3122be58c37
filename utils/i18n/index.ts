import browser from 'webextension-polyfill';
import { de } from './de';
import { en, type MessageKey } from './en';

// UI text in the browser's language (F5.1), English where a translation is missing.

const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { de };

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator === 'undefined' ? 'en' : navigator.language;
  }
}

let catalog: Partial<Record<MessageKey, string>> | undefined;

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  catalog ??= catalogs[uiLanguage().toLowerCase().split('-')[0] ?? 'en'] ?? {};
  const text: string = catalog[key] ?? en[key];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(subs[Number(i)] ?? ''));
}

export type { MessageKey };
