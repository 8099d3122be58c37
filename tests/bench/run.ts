import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/certs';
import { FULL, PARTS, runBench, type Part } from './bench';
import { formatTable } from './table';

// `npm run bench` (after `wxt build`): every figure of issue 15 against its target, in one table.
// Prints; asserts nothing. See tests/bench/README.md for what each figure measures and how.

const buildDir = process.env.BENCH_BUILD_DIR ?? join(PROJECT_ROOT, '.output', 'chrome-mv3');
// BENCH_ONLY=share,main-thread runs only those parts (for work on one figure; the table is the full run).
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim()) as Part[] | undefined;
for (const part of only ?? []) if (!PARTS.includes(part)) throw new Error(`BENCH_ONLY: unknown part "${part}" (parts: ${PARTS.join(', ')})`);
const started = Date.now();
const { rows, notes } = await runBench({ buildDir, counts: FULL, log: (line) => console.error(line), only });
console.log(`\n${formatTable(rows)}\n`);
for (const note of notes) console.log(`- ${note}`);
const missed = rows.filter((r) => r.pass === false).map((r) => r.id);
console.log(`\n${missed.length ? `missed: ${missed.join(', ')}` : 'all targets met'} (bench took ${Math.round((Date.now() - started) / 1000)} s)`);
