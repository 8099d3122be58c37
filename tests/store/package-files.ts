import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

// The files of a built extension, from its output folder or its store zip, by package path
// ("manifest.json", "icon/16.png").

export interface PackageFiles {
  source: string;
  paths: string[];
  read(path: string): Promise<Buffer | undefined>;
}

export async function openPackage(source: string): Promise<PackageFiles> {
  if (!existsSync(source)) throw new Error(`${source} does not exist: run npm run build or npm run zip first.`);
  if (statSync(source).isDirectory()) {
    const paths = walk(source).map((file) => relative(source, file).split(sep).join('/'));
    return { source, paths, read: async (path) => (paths.includes(path) ? readFileSync(join(source, path)) : undefined) };
  }
  const zip = await JSZip.loadAsync(readFileSync(source));
  const paths = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  return { source, paths, read: async (path) => zip.file(path)?.async('nodebuffer') };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
