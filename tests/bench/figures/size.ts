import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, type Section } from '../table';

// Content script size as the manifest loads it (every js and css file of every content_scripts
// entry), gzip level 9 like a store download would be; and whether the manifest exposes files to
// web pages (web_accessible_resources), which would let any site probe for the extension.

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: unknown[];
}

export function measureSize(buildDir: string): Section {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))];
  const sizes = files.map((file) => {
    const data = readFileSync(join(buildDir, file));
    return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  const gzip = sizes.reduce((n, s) => n + s.gzip, 0);
  const exposed = (manifest.web_accessible_resources ?? []).length;
  return {
    rows: [
      { id: 'content-script-gzip', figure: 'content script, gzip', value: gzip / 1024, measured: kb(gzip), target: '≤ 30.0 KB', baseline: '—', pass: gzip <= 30 * 1024 },
      { id: 'web-accessible-resources', figure: 'web_accessible_resources entries (files exposed to sites)', value: exposed, measured: String(exposed), target: '0', baseline: '—', pass: exposed === 0 },
    ],
    notes: [`content script files: ${sizes.map((s) => `${s.file} ${kb(s.raw)} raw / ${kb(s.gzip)} gzip`).join(', ')}`],
  };
}
