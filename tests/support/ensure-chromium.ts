import { aptInstall, canInstallWithApt } from './apt-install';
import { findChromium } from './chromium';

// Runs before the tests and the demo: finds Chromium, and on Debian/Ubuntu as root (CI) installs
// it with apt. Anywhere else it prints what to install.

try {
  findChromium();
} catch (error) {
  if (!canInstallWithApt()) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  aptInstall('chromium');
  findChromium();
}
