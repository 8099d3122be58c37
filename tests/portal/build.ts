// Builds the imitation Defender portal (React 18 + @fluentui/react 8) with Vite's JS API into
// tests/portal/dist. Skips the work when dist is newer than every source file. Safe to call from
// several processes at once (a lock directory under <repo>/.tmp serializes builds; the output is
// built in a temporary directory and swapped in).
//
//   npx tsx tests/portal/build.ts          # build (or reuse the cache)
//   npx tsx tests/portal/build.ts --force  # rebuild
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PORTAL_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(PORTAL_DIR, 'dist');
const REPO_DIR = resolve(PORTAL_DIR, '..', '..');
const TMP_DIR = join(REPO_DIR, '.tmp');
const LOCK_DIR = join(TMP_DIR, 'portal-build.lock');
const STAMP = join(DIST_DIR, '.build-stamp.json');
const STALE_LOCK_MS = 5 * 60_000;

/** Inputs whose change invalidates the cached build. */
const SOURCE_ENTRIES = [
  'index.html',
  'src',
  'build.ts',
  'tsconfig.json',
  join('..', '..', 'node_modules', '@fluentui', 'react', 'package.json'),
  join('..', '..', 'node_modules', 'react', 'package.json'),
  join('..', '..', 'node_modules', 'react-dom', 'package.json'),
];

async function newestMtime(path: string): Promise<number> {
  let st;
  try {
    st = await stat(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

async function sourcesMtime(): Promise<number> {
  const times = await Promise.all(SOURCE_ENTRIES.map((p) => newestMtime(join(PORTAL_DIR, p))));
  return Math.max(...times);
}

/** True when dist holds a complete build newer than every source. */
async function isFresh(): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(STAMP, 'utf8')) as { sourcesMtime: number; files: string[] };
    if (!existsSync(join(DIST_DIR, 'index.html'))) return false;
    if (!stamp.files.every((f) => existsSync(join(DIST_DIR, f)))) return false;
    return (await sourcesMtime()) <= stamp.sourcesMtime;
  } catch {
    return false;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function acquireLock(): Promise<() => Promise<void>> {
  await mkdir(TMP_DIR, { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      await writeFile(join(LOCK_DIR, 'owner'), String(process.pid));
      return () => rm(LOCK_DIR, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Someone else is building: wait, unless the lock is stale.
    try {
      const st = await stat(LOCK_DIR);
      const owner = Number(await readFile(join(LOCK_DIR, 'owner'), 'utf8').catch(() => 'NaN'));
      const stale = Date.now() - st.mtimeMs > STALE_LOCK_MS || (Number.isInteger(owner) && owner > 0 && !pidAlive(owner));
      if (stale) await rm(LOCK_DIR, { recursive: true, force: true });
    } catch {
      /* lock vanished meanwhile */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

async function runVite(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const fluentPkg = JSON.parse(await readFile(join(REPO_DIR, 'node_modules', '@fluentui', 'react', 'package.json'), 'utf8')) as { version: string };
  await build({
    configFile: false,
    envFile: false,
    root: PORTAL_DIR,
    base: '/',
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [],
    // The portal is React (the extension is Preact): JSX through esbuild's automatic runtime.
    esbuild: { jsx: 'automatic', jsxImportSource: 'react', jsxDev: false },
    // Production React/Fluent even when called from a test runner (NODE_ENV=test).
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), __FLUENT_VERSION__: JSON.stringify(fluentPkg.version) },
    resolve: { dedupe: ['react', 'react-dom'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return; // "use client" in Fluent packages
          warn(warning);
        },
      },
    },
  });
}

let inFlight: Promise<string> | undefined;

/** Builds the portal if needed and returns the dist directory. */
export function buildPortal(opts: { force?: boolean } = {}): Promise<string> {
  if (inFlight && !opts.force) return inFlight;
  const run = (async () => {
    if (!opts.force && (await isFresh())) return DIST_DIR;
    const release = await acquireLock();
    try {
      if (!opts.force && (await isFresh())) return DIST_DIR;
      const mtime = await sourcesMtime();
      const outDir = join(TMP_DIR, `portal-dist-${process.pid}-${Date.now()}`);
      await runVite(outDir);
      const files = await listFiles(outDir);
      await writeFile(join(outDir, '.build-stamp.json'), JSON.stringify({ sourcesMtime: mtime, builtAt: new Date().toISOString(), files }, null, 2));
      const old = `${outDir}-old`;
      if (existsSync(DIST_DIR)) await rename(DIST_DIR, old);
      await rename(outDir, DIST_DIR);
      await rm(old, { recursive: true, force: true });
      return DIST_DIR;
    } finally {
      await release();
    }
  })();
  inFlight = run;
  const settle = () => {
    if (inFlight === run) inFlight = undefined;
  };
  run.then(settle, settle);
  return run;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const started = Date.now();
  buildPortal({ force: process.argv.includes('--force') })
    .then(async (dir) => {
      const files = await listFiles(dir);
      let total = 0;
      for (const f of files) total += (await stat(join(dir, f))).size;
      console.log(`portal built in ${Date.now() - started} ms → ${dir} (${files.length} files, ${(total / 1024).toFixed(0)} KiB)`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
