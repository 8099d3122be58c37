import { readdirSync } from 'node:fs';
import { expect, test } from 'vitest';

// The top level is the layout WXT and the README's table describe: product code in entrypoints/,
// components/ and utils/, what ships as is in public/, everything else (tests, stand-ins, the icon
// renderer, screenshots) under tests/. A new folder such as assets/ or scripts/ belongs in one of
// these; tool output and dot-folders (.output, .wxt, .ci, node_modules) are not part of it.

const FOLDERS = ['components', 'entrypoints', 'public', 'tests', 'utils'];
const FILE = /^(README|CHANGELOG|PRIVACY)\.md$|^package(-lock)?\.json$|^tsconfig\.json$|^(eslint|wxt|vitest(\.\w+)?)\.config\.(ts|js)$/;

test('the top level holds only the documented folders and files', () => {
  const unexpected = readdirSync(process.cwd(), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .filter((entry) => (entry.isDirectory() ? !FOLDERS.includes(entry.name) : !FILE.test(entry.name)))
    .map((entry) => entry.name);
  expect(unexpected).toEqual([]);
});
