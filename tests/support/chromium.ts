import { existsSync } from 'node:fs';

// Finds a Chromium that still honours --load-extension (Google-branded Chrome >= 137 does not).
// CHROMIUM_PATH wins; then the usual Linux and macOS places.

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian: the real binary behind the /usr/bin/chromium wrapper
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests and the demo.',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  macOS:         brew install --cask chromium   (or Chrome for Testing)',
      '  Elsewhere:     set CHROMIUM_PATH to a Chromium or Chrome for Testing binary.',
      'Google-branded Chrome 137+ cannot load unpacked extensions from the command line.',
    ].join('\n'),
  );
}
