import { de } from './de';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { zhCn } from './zh-cn';

// The catalogs as the browser's own i18n wants them: `_locales/<locale>/messages.json`, written at
// build time (wxt.config.ts). The browser then loads only the user's language and picks it with
// its own fallback rules (zh_TW → English, de_AT → de), so no catalog weighs on our bundles.

export type Catalog = Partial<Record<MessageKey, string>>;

/** Folder names of _locales (Chrome and Firefox use underscores). */
export const LOCALES: Record<string, Catalog> = { en, de, fr, it, ja, zh_CN: zhCn };

/** `{0}` → `$1` (the browser's substitutions), `$` → `$$`. */
export function toBrowserMessage(text: string): string {
  return text.replace(/\$/g, '$$$$').replace(/\{(\d)\}/g, (_, n: string) => `$${Number(n) + 1}`);
}

export function messagesJson(catalog: Catalog): string {
  const messages: Record<string, { message: string }> = {};
  for (const key of Object.keys(en) as MessageKey[]) {
    messages[key] = { message: toBrowserMessage(catalog[key] ?? en[key]) };
  }
  return JSON.stringify(messages, null, 1);
}
