import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './package-checks';

// The packages `npm run zip` writes to .output/: <name>-<version>-<browser>.zip, and for AMO the
// sources zip.

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const STORES: Store[] = ['chrome', 'edge', 'firefox'];

function packageJson(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
}

export function storeZip(store: Store | 'sources'): string {
  const { name, version } = packageJson();
  return join(PROJECT_ROOT, '.output', `${name}-${version}-${store}.zip`);
}
