import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pngSize } from '../store/png';
import { SCREENSHOT_DIR, SHOTS } from '../screenshots/shots';

// The README's user guide shows the pictures `npm run screenshots` writes: each one it refers to
// must exist (a PNG that is not empty), and each one the script writes must be in the guide.

const root = process.cwd();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Local images in Markdown (`![alt](path)`) and HTML (`<img src="path">`). */
function imagesOf(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const htmlImages = [...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...markdownImages, ...htmlImages].filter((src) => !/^[a-z]+:/i.test(src));
}

describe('README screenshots', () => {
  const images = imagesOf(readme);

  test('every picture the README refers to exists as a PNG with pixels', () => {
    expect(images.length).toBeGreaterThan(0);
    for (const src of images) {
      const path = join(root, decodeURI(src));
      expect(existsSync(path), `README refers to ${src}, which is missing: run npm run screenshots`).toBe(true);
      const size = pngSize(readFileSync(path));
      expect(size.width * size.height, `${src} is empty`).toBeGreaterThan(0);
    }
  });

  test('every screenshot npm run screenshots writes is shown in the README', () => {
    for (const file of Object.values(SHOTS)) expect(images).toContain(`${SCREENSHOT_DIR}/${file}`);
  });

  test('image references are read from Markdown and HTML, web addresses left out', () => {
    const text = '![Share](tests/a.png) ![x](tests/b.png "t") <img alt="y" src="tests/c.png"> ![w](https://x.test/d.png)';
    expect(imagesOf(text)).toEqual(['tests/a.png', 'tests/b.png', 'tests/c.png']);
  });
});
