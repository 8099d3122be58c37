import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The bench's in-page scripts (tests/bench/in-page/*.js) are plain JavaScript read from disk: the
// TypeScript runner would otherwise compile helpers into them that do not exist in the page.

export type PageScript = 'frame-sampler' | 'share-probe' | 'list-churn' | 'naive-poller' | 'paint-probe';

export function pageScript(name: PageScript, replacements: Record<string, string | number> = {}): string {
  let source = readFileSync(join(import.meta.dirname, 'in-page', `${name}.js`), 'utf8');
  for (const [key, value] of Object.entries(replacements)) source = source.replaceAll(key, String(value));
  // The URL the DevTools profiler reports for its functions.
  return `${source}\n//# sourceURL=bench-${name}.js\n`;
}
