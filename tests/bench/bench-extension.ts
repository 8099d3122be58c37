import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/certs';

// The extension the bench loads: a copy of a build plus one blank extension page, the reference
// for the popup's paint time (same browser, same extension origin, nothing of ours in it). The
// copy keeps the manifest key, so the extension id is the same; the shipped build is untouched.

export const BLANK_PAGE = 'bench-blank.html';

const BLANK_HTML = `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Blank</title></head>
  <body style="margin: 0"><p id="bench-blank">Blank extension page</p></body>
</html>
`;

export function benchExtension(buildDir: string): string {
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No extension build in ${buildDir}: run "wxt build" first.`);
  const dir = join(PROJECT_ROOT, '.tmp', `bench-extension-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(join(dir, BLANK_PAGE), BLANK_HTML);
  return dir;
}

export function removeBenchExtension(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
