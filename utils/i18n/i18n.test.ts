import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { de } from './de';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { t, uiLang } from './index';
import { LOCALES, messagesJson, toBrowserMessage, type Catalog } from './locales';
import { it as itCatalog } from './it';
import { ja } from './ja';
import { zhCn } from './zh-cn';

const translations: [string, Catalog][] = [
  ['de', de],
  ['fr', fr],
  ['it', itCatalog],
  ['ja', ja],
  ['zh-cn', zhCn],
];
const keys = Object.keys(en) as MessageKey[];

/** The substitutions of a text, sorted: "{1} of {0}" → ["{0}", "{1}"]. */
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

describe.each(translations)('%s catalog', (_, catalog) => {
  test('translates every English key', () => {
    expect(keys.filter((key) => !Object.hasOwn(catalog, key))).toEqual([]);
  });

  test('has no keys English does not have', () => {
    expect(Object.keys(catalog).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });

  test('no translation is empty', () => {
    expect(keys.filter((key) => catalog[key] !== undefined && !catalog[key]?.trim())).toEqual([]);
  });

  test('keeps exactly the placeholders of the English text', () => {
    const wrong = keys
      .filter((key) => catalog[key] !== undefined)
      .map((key) => ({ key, en: placeholders(en[key]), translated: placeholders(catalog[key] ?? '') }))
      .filter((p) => p.en.join() !== p.translated.join());
    expect(wrong).toEqual([]);
  });
});

describe('_locales', () => {
  test('one folder per product language, named as Chrome and Firefox expect', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(['de', 'en', 'fr', 'it', 'ja', 'zh_CN']);
  });

  test("placeholders become the browser's $n and a literal $ is escaped", () => {
    expect(toBrowserMessage('{1} of {0} cost $5')).toBe('$2 of $1 cost $$5');
  });

  test.each(Object.keys(LOCALES))('%s/messages.json holds every key with its text', (locale) => {
    const messages = JSON.parse(messagesJson(LOCALES[locale]!)) as Record<string, { message: string }>;
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(messages.langTag?.message).toBeTruthy();
  });
});

describe('t', () => {
  /** What the browser's i18n.getMessage does with the generated messages.json of `locale`. */
  function useBrowserLocale(locale: string) {
    const messages = JSON.parse(messagesJson(LOCALES[locale]!)) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
      const list = typeof subs === 'string' ? [subs] : (subs ?? []);
      return (messages[key]?.message ?? '').replace(/\$(\d|\$)/g, (_, n: string) =>
        n === '$' ? '$' : (list[Number(n) - 1] ?? ''),
      );
    }) as typeof fakeBrowser.i18n.getMessage);
  }

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  test("follows the browser's choice of language", () => {
    useBrowserLocale('de');
    expect(t('save')).toBe('Speichern');
    expect(uiLang()).toBe('de');
    useBrowserLocale('zh_CN');
    expect(t('typeChange')).toBe('变更请求');
    expect(uiLang()).toBe('zh-CN');
  });

  test('substitutes placeholders in the translated text', () => {
    useBrowserLocale('ja');
    expect(t('pageRange', 1, 25, 80)).toBe('80 件中 1–25 件');
    expect(t('state_connected', 'svc.integration', 'contoso')).toBe('svc.integration として contoso に接続済み');
  });

  test('without a browser i18n API (tests, Node) English answers', () => {
    expect(t('save')).toBe(en.save);
    expect(t('state_connected', 'a', 'b')).toBe('Connected as a to b');
    expect(uiLang()).toBe('en');
  });

  test('no catalog is bundled: the product imports the English catalog for its types only', () => {
    const index = readFileSync('utils/i18n/index.ts', 'utf8');
    expect(index).toMatch(/import type \{ MessageKey \} from '\.\/en'/);
    expect(index).not.toMatch(/import \{[^}]*\ben\b[^}]*\} from '\.\/en'/);
  });

  test('error messages built in utils follow the browser language', async () => {
    useBrowserLocale('de');
    const { parseInstance } = await import('../servicenow/instance');
    expect(() => parseInstance('')).toThrow(de.errInstanceEmpty!);
  });

  test("ServiceNow's own words are passed through untranslated, and CJK sentences are not spaced", async () => {
    useBrowserLocale('ja');
    const { mapHttpError } = await import('../servicenow/errors');
    const error = mapHttpError(
      404,
      { error: { message: 'No Record found' } },
      new Headers(),
      'contoso.service-now.com',
    );
    expect(error.message).toBe(`${ja.errNotFound}${ja.serviceNowSaid!.replace('{0}', 'No Record found')}`);
  });
});
