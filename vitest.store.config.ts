import { defineConfig } from 'vitest/config';

// Store readiness: builds the store zips (npm run zip) once, then checks them as the stores do
// (tests/store/*.store.ts). The checks themselves have unit tests in the main config.
export default defineConfig({
  test: {
    include: ['tests/store/**/*.store.ts'],
    environment: 'node',
    globalSetup: ['tests/store/global-setup.ts'],
    // web-ext lint reads every file of the zip: a few seconds, more on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
