import { defineConfig } from 'vitest/config';

// Browser tests, in two projects:
// - e2e: real Chromium with the built extension against the local portal and the ServiceNow
//   stand-in; globalSetup builds both once per run.
// - portal: the imitation portal alone in Chromium (tests/portal/*.e2e.ts); builds only the portal.
// - standin: the ServiceNow stand-in against real Chromium's network stack (tests/servicenow/*.e2e.ts);
//   builds nothing. Kept out of the unit suite, which runs no browser.
// A project's globalSetup runs only when that project has files in the run.
// Timeouts fit a loaded 2-core machine; tests wait on signals (locators, events), never on sleeps.
const browserTest = {
  environment: 'node',
  testTimeout: 120_000,
  hookTimeout: 180_000,
  retry: process.env.CI ? 1 : 0,
} as const;

export default defineConfig({
  test: {
    // Each file runs its own browser (~0.5 GB); two at a time fits a 2-core CI machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...browserTest,
          name: 'e2e',
          // tests/bench: only the bench's smoke test (`npm run bench` itself is not a test).
          include: ['tests/e2e/**/*.e2e.ts', 'tests/bench/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          ...browserTest,
          name: 'portal',
          include: ['tests/portal/**/*.e2e.ts'],
          globalSetup: ['tests/portal/global-setup.ts'],
        },
      },
      {
        test: {
          ...browserTest,
          name: 'standin',
          include: ['tests/servicenow/**/*.e2e.ts'],
        },
      },
    ],
  },
});
