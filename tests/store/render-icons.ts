import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { iconFiles, PROJECT_ROOT, PUBLIC_DIR, readIconSource, renderIcon } from './icons';

// npm run icons: renders public/icon/*.png from public/icon/icon.svg. Commit the result;
// tests/store/icons.test.ts fails when a PNG is missing or no longer matches the drawing.

const source = readIconSource();
for (const file of iconFiles()) {
  const out = join(PUBLIC_DIR, file.path);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderIcon(source, file));
  console.log(`${relative(PROJECT_ROOT, out)}  ${file.size}×${file.size}  ${file.variant}`);
}
