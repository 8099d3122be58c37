import { expect, test } from 'vitest';
import { E2E_EXTENSION_DIR } from '../support/world';
import { FULL, runBench, type BenchCounts } from './bench';
import { formatTable, ROW_IDS } from './table';

// Keeps `npm run bench` runnable: the whole bench with small counts, against the e2e build that
// the e2e global setup makes. It checks that every row is there with a number; it never checks a
// figure against its target (timings on a shared machine are not test material).

const SMALL: BenchCounts = {
  ...FULL,
  openings: 4,
  churnMs: 1500,
  heapOpenings: 4,
  heapNavigations: 2,
  popupOpens: 2,
  tickets: 2,
  syncTickets: 300,
  syncChanged: 2,
  syncRuns: 1,
};

test('the bench runs and prints every figure with a number', { timeout: 300_000 }, async () => {
  const { rows, notes } = await runBench({ buildDir: E2E_EXTENSION_DIR, counts: SMALL });
  expect(rows.map((r) => r.id)).toEqual([...ROW_IDS]);
  for (const row of rows) expect(Number.isFinite(row.value), `${row.id}: ${row.value}`).toBe(true);
  const table = formatTable(rows);
  expect(table.split('\n')).toHaveLength(ROW_IDS.length + 2);
  expect(notes.length).toBeGreaterThan(0);
});
