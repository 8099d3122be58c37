import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// Portal and ServiceNow text never goes through an HTML parser. This keeps the one web-ext lint
// warning we accept (innerHTML inside Preact, tests/store/firefox-lint.ts) unreachable: Preact
// assigns innerHTML only for an element rendered with the dangerouslySetInnerHTML prop.

const ROOT = join(import.meta.dirname, '..', '..');
const PRODUCT_DIRS = ['entrypoints', 'utils', 'components'];
const HTML_SINKS = /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*\+?=(?!=)|insertAdjacentHTML|document\.write(?:ln)?\(|createContextualFragment|parseFromString|srcdoc/;

function productSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productSources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML parsing in product code', () => {
  const files = PRODUCT_DIRS.flatMap((dir) => productSources(join(ROOT, dir)));

  test('finds the product sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  test('no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && HTML_SINKS.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  test('the pattern catches each sink', () => {
    for (const sample of ['el.innerHTML = text', 'el.outerHTML=x', 'el.innerHTML += x', 'el.insertAdjacentHTML("beforeend", x)', 'document.write(x)', '<div dangerouslySetInnerHTML={{ __html: x }} />']) {
      expect(HTML_SINKS.test(sample), sample).toBe(true);
    }
    expect(HTML_SINKS.test('if (el.innerHTML === "")')).toBe(false);
  });
});
