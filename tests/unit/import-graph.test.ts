import { describe, expect, test } from 'vitest';
import { checkImportGraph, importsOf, readProductFiles } from '../architecture/import-graph';

const root = process.cwd();

describe('import graph of the product code', () => {
  test('every file sits in a layer, imports only its own layer or below, and there is no cycle', () => {
    const files = readProductFiles(root);
    expect(files.size).toBeGreaterThan(100);
    expect(checkImportGraph(files).map((v) => v.message)).toEqual([]);
  });

  test('an upward import added to the real tree is reported', () => {
    const files = readProductFiles(root);
    const path = 'utils/domain/ticket-type.ts';
    files.set(path, `import { send } from '@/utils/messaging';\n${files.get(path)}`);
    expect(checkImportGraph(files)).toContainEqual({
      kind: 'upward',
      message: 'utils/domain/ticket-type.ts (domain) imports utils/messaging/index.ts (messaging)',
    });
  });

  test('a cycle, an upward re-export and a file outside every layer are reported', () => {
    const files = new Map([
      ['utils/domain/a.ts', "import type { B } from './b';\nexport type A = B;"],
      ['utils/domain/b.ts', "import { a } from './a.ts';\nexport const b = a;"],
      ['utils/servicenow/c.ts', "export * from '../sync/d';"],
      ['utils/sync/d.ts', 'export const d = 1;'],
      ['utils/elsewhere.ts', "import fluent from '@/components/fluent.css?inline';"],
    ]);
    const kinds = checkImportGraph(files).map((v) => `${v.kind}: ${v.message}`);
    expect(kinds).toEqual([
      'upward: utils/servicenow/c.ts (servicenow) imports utils/sync/d.ts (services)',
      'unlayered: utils/elsewhere.ts belongs to no layer',
      'cycle: import cycle: utils/domain/a.ts → utils/domain/b.ts → utils/domain/a.ts',
    ]);
  });

  test('imports are read from every form of import and re-export', () => {
    const text = [
      "import browser from 'webextension-polyfill';",
      "import type { X } from '../x';",
      "import {\n  a,\n  b,\n} from './ab';",
      "export { c } from './c';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../x', './ab', './c', './lazy', './side-effect', 'webextension-polyfill']);
  });
});
