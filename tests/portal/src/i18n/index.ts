import type { Lang } from '../switches';
import { useSwitches } from '../hooks';
import type { Strings } from './types';
import { en } from './en';
import { de } from './de';
import { fr } from './fr';
import { ja } from './ja';
import { it } from './it';
import { zhCn } from './zh-cn';

export type { Strings } from './types';

export const STRINGS: Record<Lang, Strings> = { en, de, fr, ja, it, 'zh-cn': zhCn };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang] ?? en;
}

/** Strings of the current language (re-renders when `lang` changes at runtime). */
export function useStrings(): Strings {
  return stringsFor(useSwitches().lang);
}

/** Replaces `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
