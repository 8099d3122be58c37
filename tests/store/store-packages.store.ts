import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatLintReport, lintFirefox } from './firefox-lint';
import { checkPackage } from './package-checks';
import { openPackage } from './package-files';
import { storeZip, STORES } from './store-packages';

// The three store packages as `npm run zip` wrote them (global setup): the stores' own checks
// that can run here, and AMO's linter on the Firefox zip.

describe.each(STORES)('%s store package', (store) => {
  test('passes the store checks: no key, every icon, texts within limits in every language', async () => {
    expect(await checkPackage(await openPackage(storeZip(store)), store)).toEqual([]);
  });
});

describe('Firefox (AMO)', () => {
  test('web-ext lint: no errors, no warnings of ours', async () => {
    const report = await lintFirefox(storeZip('firefox'));
    console.log(formatLintReport('firefox zip', report));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    // Preact's innerHTML for dangerouslySetInnerHTML, once in each bundle that renders Preact.
    expect(report.libraryWarnings.length).toBeLessThanOrEqual(4);
  });

  test('the sources zip AMO asks for is there', () => {
    expect(existsSync(storeZip('sources'))).toBe(true);
  });
});
