import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium';

// Runs before the tests and the demo: finds Chromium, and on Debian/Ubuntu as root (CI) installs
// it with apt. Anywhere else it prints what to install.

try {
  findChromium();
} catch (error) {
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && hasApt();
  if (!canApt) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  console.log('Chromium is missing: installing the Debian package "chromium"…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  findChromium();
}

function hasApt(): boolean {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
