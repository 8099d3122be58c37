// Runs end-to-end test files once per portal markup and prints which tests failed on which markup.
//
//   npx tsx tests/portal/run-markups.ts tests/e2e/share.e2e.ts [more files or vitest options]
//   npx tsx tests/portal/run-markups.ts --markups bare,alt tests/e2e/tracking.e2e.ts
//
// Each run is `vitest run -c vitest.e2e.config.ts --project e2e …` with PORTAL_MARKUP=<markup>
// (the portal serves every fresh tab in that markup). The extension is built by the first run
// only (E2E_SKIP_BUILD=true afterwards). Exit code 1 when any run failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../support/certs';
import { MARKUPS, parseMarkup, type Markup } from './src/markup';

interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

export interface MarkupRun {
  markup: Markup;
  exitCode: number;
  passed: number;
  failed: number;
  total: number;
  failures: { file: string; test: string; message: string }[];
}

function parseArgs(argv: string[]): { markups: Markup[]; vitestArgs: string[] } {
  const args = [...argv];
  let markups: Markup[] = [...MARKUPS];
  const at = args.indexOf('--markups');
  if (at >= 0) {
    const list = (args[at + 1] ?? '').split(',').map((m) => m.trim());
    const parsed = list.map(parseMarkup);
    if (!list.length || parsed.some((m) => m === undefined)) throw new Error(`--markups takes a comma list of ${MARKUPS.join(', ')}; got "${args[at + 1] ?? ''}"`);
    markups = parsed as Markup[];
    args.splice(at, 2);
  }
  return { markups, vitestArgs: args };
}

/** The first line of a failure that says what was expected (vitest's message, without colours). */
function firstLine(message: string): string {
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').find((l) => l.trim()) ?? plain;
}

export function runMarkups(markups: readonly Markup[], vitestArgs: readonly string[]): MarkupRun[] {
  const outDir = join(PROJECT_ROOT, '.tmp', 'markup-runs');
  mkdirSync(outDir, { recursive: true });
  const runs: MarkupRun[] = [];
  markups.forEach((markup, i) => {
    const report = join(outDir, `${markup}.json`);
    rmSync(report, { force: true }); // never read a previous run's results
    console.log(`\n=== markup=${markup} ===`);
    const result = spawnSync(
      'npx',
      ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
      {
        cwd: PROJECT_ROOT,
        stdio: 'inherit',
        env: { ...process.env, PORTAL_MARKUP: markup, ...(i > 0 ? { E2E_SKIP_BUILD: 'true' } : {}) },
      },
    );
    let json: JsonReport | undefined;
    try {
      json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    } catch {
      json = undefined;
    }
    runs.push({
      markup,
      exitCode: result.status ?? 1,
      passed: json?.numPassedTests ?? 0,
      failed: json?.numFailedTests ?? 0,
      total: json?.numTotalTests ?? 0,
      failures: (json?.testResults ?? []).flatMap((file) =>
        file.assertionResults
          .filter((t) => t.status === 'failed')
          .map((t) => ({ file: relative(PROJECT_ROOT, file.name), test: t.fullName, message: firstLine(t.failureMessages[0] ?? '') })),
      ),
    });
  });
  return runs;
}

export function summary(runs: readonly MarkupRun[]): string {
  const lines = ['', 'markup   passed  failed  total'];
  for (const r of runs) lines.push(`${r.markup.padEnd(8)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.total).padStart(5)}${r.exitCode && !r.failed ? '  (run failed before its tests)' : ''}`);
  for (const r of runs) {
    if (!r.failures.length) continue;
    lines.push('', `failed on markup=${r.markup}:`);
    for (const f of r.failures) lines.push(`  ${f.file} › ${f.test}`, `      ${f.message}`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && /run-markups\.ts$/.test(process.argv[1]);
if (isMain) {
  const { markups, vitestArgs } = parseArgs(process.argv.slice(2));
  const runs = runMarkups(markups, vitestArgs);
  console.log(summary(runs));
  process.exitCode = runs.some((r) => r.exitCode !== 0) ? 1 : 0;
}
