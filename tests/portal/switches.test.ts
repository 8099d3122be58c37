// The markup switch's parsing and precedence, and how the server hands defaults to fresh tabs.
// (The browser tests of the portal are *.e2e.ts, in vitest.e2e.config.ts.)
import { beforeEach, describe, expect, test } from 'vitest';
import { markupFromEnv, withSwitchDefaults } from './server';
import { parseSwitch, readInitialSwitches } from './src/switches';

beforeEach(() => sessionStorage.clear());

describe('markup switch', () => {
  test('parses default, bare and alt; nothing else', () => {
    expect(parseSwitch('markup', 'bare')).toBe('bare');
    expect(parseSwitch('markup', ' ALT ')).toBe('alt');
    expect(parseSwitch('markup', 'default')).toBe('default');
    expect(parseSwitch('markup', 'plain')).toBeUndefined();
    expect(parseSwitch('markup', 1)).toBeUndefined();
  });

  test('server defaults < stored switches of the tab < query string', () => {
    expect(readInitialSwitches('', '').markup).toBe('default');
    sessionStorage.clear(); // a fresh tab
    expect(readInitialSwitches('', 'markup=alt').markup).toBe('alt');
    // The tab stored markup=alt on its first load: a new server default does not change it.
    expect(readInitialSwitches('?lang=de', 'markup=bare')).toMatchObject({ markup: 'alt', lang: 'de' });
    expect(readInitialSwitches('?markup=bare', 'markup=alt').markup).toBe('bare');
    expect(readInitialSwitches('?reset=1', 'markup=alt')).toMatchObject({ markup: 'alt', lang: 'en' });
    // Invalid values are ignored wherever they come from.
    sessionStorage.clear();
    expect(readInitialSwitches('?markup=fancy', 'markup=weird').markup).toBe('default');
  });
});

describe('server switch defaults', () => {
  const html = '<!doctype html>\n<html lang="en-US">\n  <head>\n    <meta charset="utf-8" />\n  </head><body></body></html>';

  test('go into index.html as one meta element, escaped', () => {
    expect(withSwitchDefaults(html, { markup: 'bare', lang: 'de' })).toContain('<head>\n    <meta name="portal-switch-defaults" content="markup=bare&amp;lang=de" />');
    expect(withSwitchDefaults(html, { lang: '"><script>' })).toContain('content="lang=%22%3E%3Cscript%3E"');
  });

  test('none: index.html is served unchanged', () => {
    expect(withSwitchDefaults(html, {})).toBe(html);
    expect(withSwitchDefaults(html, { markup: undefined })).toBe(html);
  });

  test('PORTAL_MARKUP names one markup; a typo is an error, not the default markup', () => {
    expect(markupFromEnv({})).toBeUndefined();
    expect(markupFromEnv({ PORTAL_MARKUP: '' })).toBeUndefined();
    expect(markupFromEnv({ PORTAL_MARKUP: 'alt' })).toBe('alt');
    expect(() => markupFromEnv({ PORTAL_MARKUP: 'bar' })).toThrow('PORTAL_MARKUP=bar is not a portal markup; use one of default, bare, alt');
  });
});
