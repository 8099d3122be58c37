import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { formatLintReport, lintFirefox } from './firefox-lint';
import { checkPackage } from './package-checks';
import { openPackage } from './package-files';
import { PROJECT_ROOT, storeZip, STORES } from './store-packages';

// npm run check:store (after npm run zip): the store checks that can run here, as a report.
// The test command runs the same checks as tests (tests/store/store-packages.store.ts).

let failed = false;
for (const store of STORES) {
  const zip = storeZip(store);
  const problems = await checkPackage(await openPackage(zip), store);
  console.log(`${relative(PROJECT_ROOT, zip)}: ${problems.length === 0 ? 'ok' : `${problems.length} problems`}`);
  for (const problem of problems) console.log(`  ${problem}`);
  failed ||= problems.length > 0;
}
if (!existsSync(storeZip('sources'))) {
  console.log(`${relative(PROJECT_ROOT, storeZip('sources'))} is missing (AMO asks for the sources)`);
  failed = true;
}
const lint = await lintFirefox(storeZip('firefox'));
console.log(formatLintReport(relative(PROJECT_ROOT, storeZip('firefox')), lint));
failed ||= lint.errors.length > 0 || lint.warnings.length > 0;
process.exit(failed ? 1 : 0);
