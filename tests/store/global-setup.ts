import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from './store-packages';

/** Builds the store packages once: npm run zip (Chrome, Firefox with its sources, Edge). */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD !== 'true') execFileSync('npm', ['run', 'zip'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}
