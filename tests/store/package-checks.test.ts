import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXTENSION_ICON_SIZES, TOOLBAR_ICON_SIZES, TOOLBAR_ICON_STATES, toolbarIconPath } from '../../utils/toolbar/icon-paths';
import { checkPackage, EXPECTED_LOCALES } from './package-checks';
import type { PackageFiles } from './package-files';

// The package checks on small in-memory packages: a good one passes, each defect is named.

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const png = (path: string) => readFileSync(join(PUBLIC, path));

function mv3Package(change: (files: Map<string, Buffer>, manifest: Record<string, unknown>) => void = () => undefined): PackageFiles {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: Object.fromEntries(EXTENSION_ICON_SIZES.map((s) => [String(s), `icon/${s}.png`])),
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
  };
  const files = new Map<string, Buffer>();
  for (const s of EXTENSION_ICON_SIZES) files.set(`icon/${s}.png`, png(`icon/${s}.png`));
  for (const state of TOOLBAR_ICON_STATES) for (const s of TOOLBAR_ICON_SIZES) files.set(toolbarIconPath(state, s), png(toolbarIconPath(state, s)));
  for (const locale of EXPECTED_LOCALES) {
    files.set(`_locales/${locale}/messages.json`, Buffer.from(JSON.stringify({ extName: { message: `Tickets ${locale}` }, extDescription: { message: `Sends tickets (${locale}).` } })));
  }
  files.set('privacy.txt', Buffer.from('\uFEFF# Privacy statement\n'));
  change(files, manifest);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return { source: 'test.zip', paths: [...files.keys()], read: async (path) => files.get(path) };
}

describe('checkPackage', () => {
  test('a complete package passes for Chrome and Edge', async () => {
    expect(await checkPackage(mv3Package(), 'chrome')).toEqual([]);
    expect(await checkPackage(mv3Package(), 'edge')).toEqual([]);
  });

  test('a manifest key is refused', async () => {
    const problems = await checkPackage(mv3Package((_, m) => (m.key = 'MIIB…')), 'chrome');
    expect(problems).toEqual([expect.stringContaining('has a "key"')]);
  });

  test('a missing size, a missing file and a wrong size are each named', async () => {
    const problems = await checkPackage(
      mv3Package((files, m) => {
        delete (m.icons as Record<string, string>)['48'];
        files.delete('icon/96.png');
        files.set('icon/128.png', png('icon/32.png'));
      }),
      'chrome',
    );
    expect(problems).toEqual([
      'icons has no 48 px icon',
      'icons.96: icon/96.png is not in the package',
      'icons.128: icon/128.png is 32×32, expected 128×128',
    ]);
  });

  test('a missing toolbar state icon is named', async () => {
    const problems = await checkPackage(mv3Package((files) => files.delete('icon/attention-24.png')), 'chrome');
    expect(problems).toEqual(['toolbar icon attention: icon/attention-24.png is not in the package']);
  });

  test('a package without the privacy statement is refused', async () => {
    const problems = await checkPackage(mv3Package((files) => files.delete('privacy.txt')), 'chrome');
    expect(problems).toEqual([expect.stringContaining('privacy.txt (the privacy statement the options page links to) is not in the package')]);
  });

  test('texts are measured after localization, against each store\'s own limit', async () => {
    const longName = 'N'.repeat(46);
    const pkg = mv3Package((files) => {
      files.set('_locales/fr/messages.json', Buffer.from(JSON.stringify({ extName: { message: longName }, extDescription: { message: 'D'.repeat(133) } })));
    });
    expect(await checkPackage(pkg, 'chrome')).toEqual([expect.stringMatching(/^fr: description has 133 characters, the chrome store allows 132/)]);
    expect(await checkPackage(pkg, 'edge')).toEqual([
      expect.stringMatching(/^fr: name has 46 characters, the edge store allows 45/),
      expect.stringMatching(/^fr: description has 133 characters/),
    ]);
  });

  test('characters are counted, not UTF-16 units or bytes', async () => {
    const pkg = mv3Package((files) => {
      files.set('_locales/ja/messages.json', Buffer.from(JSON.stringify({ extName: { message: '𠮷'.repeat(45) }, extDescription: { message: '追跡'.repeat(66) } })));
    });
    expect(await checkPackage(pkg, 'edge')).toEqual([]);
  });

  test('an unresolved message and a missing language are reported', async () => {
    const pkg = mv3Package((files) => {
      files.delete('_locales/it/messages.json');
      files.set('_locales/de/messages.json', Buffer.from(JSON.stringify({ extDescription: { message: 'Beschreibung' } })));
    });
    expect(await checkPackage(pkg, 'chrome')).toEqual([
      '_locales has de, en, fr, ja, zh_CN, expected de, en, fr, it, ja, zh_CN',
      'de: name "__MSG_extName__" names a message that _locales/de/messages.json does not have',
    ]);
  });

  test('Firefox packages need the gecko id and the data collection declaration', async () => {
    const pkg = mv3Package((_, m) => {
      m.manifest_version = 2;
      m.browser_action = m.action;
      delete m.action;
    });
    expect(await checkPackage(pkg, 'firefox')).toEqual([
      expect.stringContaining('gecko.id is missing'),
      expect.stringContaining('data_collection_permissions is missing'),
    ]);
  });
});
