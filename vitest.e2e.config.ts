import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the built extension against the local portal and the
// ServiceNow stand-in. globalSetup builds both once per run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Each file runs its own browser (~0.5 GB); two at a time fits a 2-core CI machine.
    maxWorkers: 2,
    retry: process.env.CI ? 1 : 0,
  },
});
