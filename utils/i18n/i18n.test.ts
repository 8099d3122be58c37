import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { de } from './de';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { catalogFor, type Catalog } from './index';
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

describe('catalogFor', () => {
  test.each([
    ['de', de], ['de-DE', de], ['de-AT', de], ['de-CH', de], ['DE_at', de],
    ['fr', fr], ['fr-FR', fr], ['fr-CA', fr], ['fr-BE', fr],
    ['it', itCatalog], ['it-IT', itCatalog], ['it-CH', itCatalog],
    ['ja', ja], ['ja-JP', ja],
    ['zh', zhCn], ['zh-CN', zhCn], ['zh_CN', zhCn], ['zh-SG', zhCn], ['zh-Hans', zhCn], ['zh-Hans-CN', zhCn], ['zh-Hans-HK', zhCn],
  ])('%s → its catalog', (language, catalog) => {
    expect(catalogFor(language)).toBe(catalog);
  });

  test.each(['en', 'en-US', 'en-GB', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN', 'es', 'pt-BR', 'nl', 'dea', '', 'constructor', '__proto__'])(
    '%j → English',
    (language) => {
      expect(catalogFor(language)).toEqual({});
    },
  );
});

describe('t', () => {
  // index.ts picks the catalog once and keeps it in a module variable: each test loads a fresh copy.
  async function loadWithUiLanguage(language: string) {
    vi.resetModules();
    const getUILanguage = vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
    const { t } = await import('./index');
    return { t, getUILanguage };
  }

  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('follows the browser language', async () => {
    const { t } = await loadWithUiLanguage('de-AT');
    expect(t('save')).toBe('Speichern');
  });

  test('uses Simplified Chinese for zh-CN and English for zh-TW', async () => {
    expect((await loadWithUiLanguage('zh-CN')).t('typeChange')).toBe('变更请求');
    expect((await loadWithUiLanguage('zh-TW')).t('typeChange')).toBe(en.typeChange);
  });

  test('falls back to English for other languages', async () => {
    const { t } = await loadWithUiLanguage('es-ES');
    expect(t('save')).toBe(en.save);
  });

  test('substitutes placeholders in the translated text', async () => {
    const { t } = await loadWithUiLanguage('ja-JP');
    expect(t('pageRange', 1, 25, 80)).toBe('80 件中 1–25 件');
    expect(t('state_connected', 'svc.integration', 'contoso')).toBe('svc.integration として contoso に接続済み');
  });

  test('error messages built in utils follow the browser language', async () => {
    await loadWithUiLanguage('de-DE');
    const { parseInstance } = await import('../servicenow/instance');
    expect(() => parseInstance('')).toThrow(de.errInstanceEmpty!);
  });

  test('ServiceNow\'s own words are passed through untranslated, and CJK sentences are not spaced', async () => {
    await loadWithUiLanguage('ja-JP');
    const { mapHttpError } = await import('../servicenow/errors');
    const error = mapHttpError(404, { error: { message: 'No Record found' } }, new Headers(), 'contoso.service-now.com');
    expect(error.message).toBe(`${ja.errNotFound}${ja.serviceNowSaid!.replace('{0}', 'No Record found')}`);
  });

  test('asks for the browser language once', async () => {
    const { t, getUILanguage } = await loadWithUiLanguage('fr-FR');
    expect(t('save')).toBe('Enregistrer');
    expect(t('cancel')).toBe('Annuler');
    expect(getUILanguage).toHaveBeenCalledTimes(1);
  });
});
