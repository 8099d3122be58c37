import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. End-to-end tests have their own config (vitest.e2e.config.ts).
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
  },
});
