import { existsSync } from 'node:fs';

// Finds a stock Firefox for the Firefox end-to-end tests (driven over WebDriver BiDi, which
// release and ESR builds both speak). FIREFOX_PATH wins; then the usual Linux and macOS places.

const CANDIDATES = [
  '/usr/lib/firefox-esr/firefox-esr', // Debian's firefox-esr (the /usr/bin link points here)
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Firefox found for the Firefox end-to-end tests.',
      '  Debian/Ubuntu: sudo apt-get install -y firefox-esr',
      '  macOS:         brew install --cask firefox',
      '  Elsewhere:     set FIREFOX_PATH to a Firefox (140 or newer) binary.',
    ].join('\n'),
  );
}
