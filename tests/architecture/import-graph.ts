import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

// The layers of the product code, lowest first. A file may import files of its own layer or of
// a layer below it, never above; and no chain of imports may come back to where it started.

export interface Layer {
  name: string;
  /** Path prefixes (relative to the repository root, `/` separated). */
  paths: string[];
}

export const LAYERS: Layer[] = [
  { name: 'i18n', paths: ['utils/i18n/'] },
  { name: 'errors', paths: ['utils/errors.ts'] },
  { name: 'domain', paths: ['utils/domain/'] },
  { name: 'servicenow', paths: ['utils/servicenow/'] },
  { name: 'auth, storage', paths: ['utils/auth/', 'utils/storage/'] },
  { name: 'services', paths: ['utils/connection/', 'utils/outbox/', 'utils/sync/', 'utils/tickets/', 'utils/toolbar/'] },
  { name: 'messaging', paths: ['utils/messaging/'] },
  { name: 'app', paths: ['utils/worker/', 'utils/portal/', 'components/', 'entrypoints/'] },
];

export const PRODUCT_ROOTS = ['utils', 'components', 'entrypoints'];
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;

/** Product source files (no tests), path → text. */
export function readProductFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !TEST.test(name)) files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  for (const top of PRODUCT_ROOTS) walk(join(root, top));
  return files;
}

const SPECIFIERS = [
  /\bimport\s+(?:type\s+)?[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Module specifiers of a file's imports and re-exports. */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) for (const match of text.matchAll(pattern)) found.add(match[1] as string);
  return [...found];
}

/** The product file a specifier names, or null (packages, assets, files outside the product). */
export function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('@/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), bare));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

export function layerOf(path: string, layers: Layer[] = LAYERS): number {
  return layers.findIndex((layer) => layer.paths.some((prefix) => path === prefix || path.startsWith(prefix)));
}

export interface Violation {
  kind: 'unlayered' | 'upward' | 'cycle';
  message: string;
}

/** Every file in a layer, every import to the same layer or below, and no import cycle. */
export function checkImportGraph(files: Map<string, string>, layers: Layer[] = LAYERS): Violation[] {
  const violations: Violation[] = [];
  const names = new Set(files.keys());
  const edges = new Map<string, string[]>();
  for (const [path, text] of files) {
    const from = layerOf(path, layers);
    if (from === -1) violations.push({ kind: 'unlayered', message: `${path} belongs to no layer` });
    const targets = importsOf(text).map((s) => resolve(path, s, names)).filter((t): t is string => t !== null);
    edges.set(path, targets);
    for (const target of targets) {
      const to = layerOf(target, layers);
      if (from !== -1 && to > from) {
        violations.push({ kind: 'upward', message: `${path} (${layers[from]?.name}) imports ${target} (${layers[to]?.name})` });
      }
    }
  }
  violations.push(...findCycles(edges).map((cycle) => ({ kind: 'cycle' as const, message: `import cycle: ${cycle.join(' → ')}` })));
  return violations;
}

/** One cycle per strongly connected group of files (depth-first search). */
function findCycles(edges: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
