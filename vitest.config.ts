import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. Browser tests (tests/e2e/**/*.e2e.ts, tests/portal/**/*.e2e.ts) have
// their own config with browser-sized timeouts (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'utils/**/*.test.ts',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/servicenow/**/*.test.ts',
      'tests/portal/**/*.test.ts',
      'tests/store/**/*.test.ts',
    ],
    restoreMocks: true,
    setupFiles: ['tests/support/english-outside-the-browser.ts'],
  },
});
