import { aptInstall, canInstallWithApt } from './apt-install';
import { findFirefox } from './firefox';

// Runs before the tests: finds Firefox for the Firefox end-to-end tests, and on Debian/Ubuntu as
// root (CI) installs Debian's firefox-esr with apt. Anywhere else it prints what to install.

try {
  findFirefox();
} catch (error) {
  if (!canInstallWithApt()) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  aptInstall('firefox-esr');
  findFirefox();
}
