import { expect, test } from 'vitest';
import { failures, formatReport } from '../soak/report';
import { runSoak } from '../soak/soak';

// The short creation soak of the README test command (issue 11): 50 tickets under the mixed
// fault schedule, worker stops, a browser restart and an offline period. Fails on lost tickets,
// wrong fields, waiting items and live duplicates. The 500-ticket run is `npm run test:soak`.
test('50 creations under faults: every request exactly one live ticket, every field exact', { timeout: 420_000 }, async () => {
  const report = await runSoak({ creations: 50, seed: 7, settleMs: 180_000, log: (line) => console.log(`[soak] ${line}`) });
  console.log(formatReport(report));
  expect(failures(report)).toEqual([]);
});
