import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from '../support/certs';
import { findChromium } from '../support/chromium';
import { buildPortal } from '../portal/build';

/** Builds the e2e flavour of the extension (with the test bridge) and the portal, once. */
export default async function setup(): Promise<void> {
  findChromium(); // fail early, with install instructions, when there is no browser
  if (process.env.E2E_SKIP_BUILD !== 'true') {
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  await buildPortal();
}
