import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOCALES, messagesJson } from './utils/i18n/locales';

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
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'ServiceNow Tickets for Microsoft 365 Security',
    default_locale: 'en',
    description:
      'Send Microsoft Secure Score improvement actions to ServiceNow and track the tickets in the Microsoft Defender portal.',
    permissions: ['storage', 'identity', 'alarms'],
    host_permissions: ['https://*.service-now.com/*'],
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
              strict_min_version: '115.0',
              // Nothing is collected: no telemetry (README, "Data this extension exchanges").
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
