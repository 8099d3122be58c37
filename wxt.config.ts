import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOCALES, messagesJson } from './utils/i18n/locales';
import { PORTAL_ORIGIN } from './utils/domain/portal-links';
import { EXTENSION_ICON_SIZES, extensionIconPath, iconSet } from './utils/toolbar/icon-paths';

// Public half of the development key: pins the extension id (cpkeknfkjeijkaciapgpgphiimkbilje)
// of development and test builds, so the OAuth redirect URL https://<id>.chromiumapp.org/ stays
// the same on every machine. Store packages leave it out (STORE_BUILD=true): stores assign the id.
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw3Rctgm49Bqaq86S+CHvYWMwXEyS8UIos4HlpW5+hBhONfJ+2swK9mkjIsd6evKUxKVhrZQ21XOWpz+mTwuqyhlSA+/uaAll5jLS/DWKgY4oqN59UYgnz6Xb0D2U8cZnQWnwRz6CXNT8sQgU/On09w1CKq2mWTWninzs7LYrByhk76U6A50da60xTPXFGYkVmZpUrq1Hjei2EkmgzvLKm3uQJoJnXFyOF/azR9jjqehyQrVU3TAYg2l7nOOnZ32EaPwEy25h4W05HcPODnmNbG8DI40hAOyuvB5U97mpymCtD3F+UzEovyr+YeWd29jQYg2rWcA2FRBa+0ZwVYV4IwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Store packages build into their own folders, so the pinned development build stays loadable.
  ...(process.env.STORE_BUILD === 'true' ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-store' } : {}),
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // UI text for the browser's own i18n: _locales/<locale>/messages.json from utils/i18n.
    'build:publicAssets': (_wxt, files) => {
      for (const [locale, catalog] of Object.entries(LOCALES)) {
        files.push({ relativeDest: `_locales/${locale}/messages.json`, contents: messagesJson(catalog) });
      }
      // The privacy statement, linked from the options page, readable offline: PRIVACY.md as
      // plain text (the byte order mark tells the browser it is UTF-8).
      files.push({ relativeDest: 'privacy.txt', contents: `\uFEFF${readFileSync('PRIVACY.md', 'utf8')}` });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // From the catalogs (utils/i18n: extName, extDescription), in the browser's language.
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // public/icon/, rendered from public/icon/icon.svg (npm run icons). The worker switches the
    // toolbar icon by connection state (utils/toolbar/toolbar-badge.ts); this is the neutral one.
    icons: iconSet(EXTENSION_ICON_SIZES, extensionIconPath),
    ...(manifestVersion === 2
      ? { browser_action: { default_icon: iconSet([16, 32], extensionIconPath) } }
      : { action: { default_icon: iconSet([16, 32], extensionIconPath) } }),
    // Chromium only: scripting and the portal's origin (where the content script runs anyway) put
    // the new overlay into portal tabs open before an install or update (utils/worker/
    // overlay-takeover.ts). The content script's matches alone do not let the worker find or script
    // those tabs (checked in Chromium 156). Firefox injects into open tabs by itself.
    permissions: ['storage', 'identity', 'alarms', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: ['https://*.service-now.com/*', ...(browser === 'firefox' ? [] : [`${PORTAL_ORIGIN}/*`])],
    // Alt+Shift+S: the task form for the improvement action shown (utils/worker/commands.ts).
    commands: {
      'create-ticket': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdCreateTicket__' },
    },
    // A ServiceNow custom domain is asked for at connect time, for that one origin only
    // (MV2, Firefox's default, lists optional hosts among optional_permissions).
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    ...(browser !== 'firefox' && process.env.STORE_BUILD !== 'true' ? { key: DEV_KEY } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'servicenow-tickets@m365-security.example',
              // data_collection_permissions needs Firefox 140 (142 on Android); older versions
              // would install without reading the declaration.
              strict_min_version: '140.0',
              // Nothing is collected: no telemetry (README, "Data this extension exchanges").
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
