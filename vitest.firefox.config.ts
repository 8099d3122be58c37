import { defineConfig } from 'vitest/config';

// Firefox end-to-end tests: Debian's stock firefox-esr over WebDriver BiDi (puppeteer-core) with
// the Firefox build as a temporary add-on, against the same local portal and ServiceNow stand-in.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/firefox/global-setup.ts'],
    // Firefox starts in 5-15 s on a 2-core machine, far longer when it is loaded (launch waits
    // up to 90 s); one sign-in takes a few seconds more.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    // The steps of a file share one browser and build on each other: a retry would start mid-way.
    retry: 0,
  },
});
