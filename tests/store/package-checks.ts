import { EXTENSION_ICON_SIZES, TOOLBAR_ICON_SIZES, TOOLBAR_ICON_STATES, toolbarIconPath } from '../../utils/toolbar/icon-paths';
import type { PackageFiles } from './package-files';
import { pngSize } from './png';

// What the stores check on upload that can be checked here, over a built package (the store
// zip or its folder). Each problem is one sentence saying what is wrong and where.

export type Store = 'chrome' | 'edge' | 'firefox';

/**
 * Listing limits, in characters, of the name and description after localization: Chrome Web
 * Store name 75, Microsoft Edge Add-ons name 45, addons.mozilla.org name 50; the manifest
 * description at most 132 (Chrome; Firefox shows the same).
 */
export const STORE_LIMITS: Record<Store, { name: number; description: number; manifestVersion: number }> = {
  chrome: { name: 75, description: 132, manifestVersion: 3 },
  edge: { name: 45, description: 132, manifestVersion: 3 },
  firefox: { name: 50, description: 132, manifestVersion: 2 },
};

/** PRIVACY.md, bundled for the options page's link (wxt.config.ts). */
export const PRIVACY_STATEMENT = 'privacy.txt';

/** The product's languages, as _locales folders. */
export const EXPECTED_LOCALES = ['de', 'en', 'fr', 'it', 'ja', 'zh_CN'];

interface Manifest {
  manifest_version?: number;
  name?: string;
  description?: string;
  default_locale?: string;
  key?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> | string };
  browser_action?: { default_icon?: Record<string, string> | string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown } };
}

export async function checkPackage(files: PackageFiles, store: Store): Promise<string[]> {
  const problems: string[] = [];
  const manifestText = (await files.read('manifest.json'))?.toString('utf8');
  if (!manifestText) return [`${files.source}: no manifest.json`];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch (error) {
    return [`${files.source}: manifest.json is not JSON (${String(error)})`];
  }
  const limits = STORE_LIMITS[store];

  if (manifest.manifest_version !== limits.manifestVersion) problems.push(`manifest_version is ${manifest.manifest_version}, the ${store} package should have ${limits.manifestVersion}`);
  if ('key' in manifest) problems.push('manifest has a "key": the store assigns the id; build store packages with STORE_BUILD=true (npm run zip)');

  for (const size of EXTENSION_ICON_SIZES) {
    const path = manifest.icons?.[String(size)];
    if (!path) problems.push(`icons has no ${size} px icon`);
    else problems.push(...(await checkPng(files, path, size, `icons.${size}`)));
  }
  const action = manifestVersion(manifest) === 2 ? manifest.browser_action : manifest.action;
  const actionKey = manifestVersion(manifest) === 2 ? 'browser_action' : 'action';
  const defaultIcon = action?.default_icon;
  if (!defaultIcon || typeof defaultIcon === 'string') problems.push(`${actionKey}.default_icon should list icons by size`);
  else for (const [size, path] of Object.entries(defaultIcon)) problems.push(...(await checkPng(files, path, Number(size), `${actionKey}.default_icon.${size}`)));
  // The toolbar states the worker switches to (utils/toolbar/toolbar-badge.ts).
  for (const state of TOOLBAR_ICON_STATES) {
    for (const size of TOOLBAR_ICON_SIZES) problems.push(...(await checkPng(files, toolbarIconPath(state, size), size, `toolbar icon ${state}`)));
  }

  problems.push(...(await checkTexts(files, manifest, store)));
  if (!(await files.read(PRIVACY_STATEMENT))?.toString('utf8').includes('# Privacy statement')) {
    problems.push(`${PRIVACY_STATEMENT} (the privacy statement the options page links to) is not in the package`);
  }

  if (store === 'firefox') {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!gecko?.id) problems.push('browser_specific_settings.gecko.id is missing: AMO and the OAuth redirect URL need a fixed id');
    if (!gecko?.data_collection_permissions) problems.push('browser_specific_settings.gecko.data_collection_permissions is missing: AMO asks for it');
  }
  return problems;
}

function manifestVersion(manifest: Manifest): number {
  return manifest.manifest_version ?? 0;
}

async function checkPng(files: PackageFiles, path: string, size: number, what: string): Promise<string[]> {
  const data = await files.read(path.replace(/^\//, ''));
  if (!data) return [`${what}: ${path} is not in the package`];
  try {
    const { width, height } = pngSize(data);
    return width === size && height === size ? [] : [`${what}: ${path} is ${width}×${height}, expected ${size}×${size}`];
  } catch {
    return [`${what}: ${path} is not a PNG`];
  }
}

/** Name and description in every locale, with __MSG_…__ resolved as the browser does. */
export async function localizedTexts(files: PackageFiles, manifest: Pick<Manifest, 'name' | 'description'>): Promise<Record<string, { name: string; description: string }>> {
  const locales = [...new Set(files.paths.map((p) => /^_locales\/([^/]+)\/messages\.json$/.exec(p)?.[1]).filter((l): l is string => Boolean(l)))];
  const texts: Record<string, { name: string; description: string }> = {};
  for (const locale of locales.sort()) {
    const messages = JSON.parse((await files.read(`_locales/${locale}/messages.json`))!.toString('utf8')) as Record<string, { message?: string }>;
    const lookup = new Map(Object.entries(messages).map(([key, value]) => [key.toLowerCase(), value.message ?? '']));
    const resolve = (text = '') => text.replace(/__MSG_([A-Za-z0-9_@]+)__/g, (whole, key: string) => lookup.get(key.toLowerCase()) ?? whole);
    texts[locale] = { name: resolve(manifest.name), description: resolve(manifest.description) };
  }
  return texts;
}

async function checkTexts(files: PackageFiles, manifest: Manifest, store: Store): Promise<string[]> {
  const problems: string[] = [];
  const limits = STORE_LIMITS[store];
  const texts = await localizedTexts(files, manifest);
  const locales = Object.keys(texts);
  if (locales.join() !== EXPECTED_LOCALES.join()) problems.push(`_locales has ${locales.join(', ') || 'nothing'}, expected ${EXPECTED_LOCALES.join(', ')}`);
  if (!manifest.default_locale || !texts[manifest.default_locale]) problems.push(`default_locale ${manifest.default_locale ?? '(missing)'} has no _locales folder`);
  for (const [locale, { name, description }] of Object.entries(texts)) {
    for (const [field, text, max] of [['name', name, limits.name], ['description', description, limits.description]] as const) {
      const length = [...text].length;
      if (!text.trim()) problems.push(`${locale}: ${field} is empty`);
      else if (/__MSG_/.test(text)) problems.push(`${locale}: ${field} "${text}" names a message that _locales/${locale}/messages.json does not have`);
      else if (length > max) problems.push(`${locale}: ${field} has ${length} characters, the ${store} store allows ${max}: "${text}"`);
    }
  }
  return problems;
}
