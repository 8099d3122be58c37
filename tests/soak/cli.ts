import buildOnce from '../e2e/global-setup';
import { runSoak } from './soak';
import { failures, formatReport } from './report';

// npm run test:soak [-- --creations N --seed S]
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
await buildOnce(); // the e2e extension and the portal (E2E_SKIP_BUILD=true to reuse them)
const report = await runSoak({
  creations: arg('creations', 500),
  seed: arg('seed', 42),
  settleMs: 300_000,
  log: (line) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`),
});
console.log(formatReport(report));
const problems = failures(report);
if (problems.length) {
  console.error(`SOAK FAILED:\n${problems.join('\n')}`);
  process.exit(1);
}
