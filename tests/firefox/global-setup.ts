import { execFileSync } from 'node:child_process';
import { buildPortal } from '../portal/build';
import { PROJECT_ROOT } from '../support/certs';
import { findFirefox } from '../support/firefox';

/** Builds the Firefox add-on as users get it (wxt build -b firefox) and the portal, once. */
export default async function setup(): Promise<void> {
  findFirefox(); // fail early, with install instructions, when there is no Firefox
  if (process.env.E2E_SKIP_BUILD !== 'true') {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  await buildPortal();
}
