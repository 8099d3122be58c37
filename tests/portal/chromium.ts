// Headless Chromium for the portal's own tests and fixture capture (playwright-core, system Chromium).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { PORTAL_DIR } from './build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Launches headless Chromium with its profile/cache folders under <repo>/.tmp (gitignored). */
export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  const tmp = join(resolve(PORTAL_DIR, '..', '..'), '.tmp', 'chromium');
  const config = join(tmp, 'config');
  const cache = join(tmp, 'cache');
  mkdirSync(config, { recursive: true });
  mkdirSync(cache, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache } as Record<string, string>,
    ...extra,
  });
}
