// Compiles apps/*/src, libs/*/src and bench/ to dist/ with swc (CommonJS, decorators with metadata) and
// rewrites the `@app/<lib>` path aliases to relative requires. Type-checking is `npm run typecheck`.
// Then builds the web app (apps/web, Vite) into apps/web/dist.
// Usage: node scripts/build.mjs [--if-stale] [--quiet] [--api-only] [--web-only --web-out DIR] — with --if-stale each
// part is rebuilt only when one of its sources is newer than its output; --quiet prints nothing (not even on stderr)
// unless it fails; --web-only builds just the web app, into DIR with --web-out (a test checks what it makes).
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, stat, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const stamp = path.join(out, '.build-stamp');

async function walk(dir, files = []) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'web' && e.name !== 'dist') await walk(p, files);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.spec.ts')) files.push(p);
  }
  return files;
}

async function sources() {
  const dirs = [];
  for (const top of ['apps', 'libs']) {
    for (const e of await readdir(path.join(root, top), { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory() && e.name !== 'web') dirs.push(path.join(root, top, e.name, 'src'));
    }
  }
  dirs.push(path.join(root, 'bench'));
  const files = [];
  for (const d of dirs) await walk(d, files);
  return files;
}

async function isStale(files) {
  const built = await stat(stamp)
    .then((s) => s.mtimeMs)
    .catch(() => 0);
  if (!built) return true;
  for (const f of [...files, path.join(root, 'scripts', 'build.mjs'), path.join(root, '.swcrc')]) {
    if ((await stat(f)).mtimeMs > built) return true;
  }
  return false;
}

// One swc configuration for the build and both jest projects (@swc/jest reads .swcrc when given no options).
const swcOptions = { ...JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8')), swcrc: false };
delete swcOptions.$schema;

async function build(files) {
  await rm(out, { recursive: true, force: true });
  await Promise.all(
    files.map(async (file) => {
      const rel = path.relative(root, file);
      const target = path.join(out, rel.replace(/\.ts$/, '.js'));
      const { code, map } = await transformFile(file, {
        ...swcOptions,
        filename: file,
        sourceFileName: path.relative(path.dirname(target), file),
      });
      // `@app/<lib>` is a lib's index; `@app/<lib>/<file>` one of its files (only @app/database/entities).
      const fixed = code.replace(/require\("@app\/([a-z-]+)(?:\/([a-z-]+))?"\)/g, (_m, lib, file) => {
        let r = path.relative(path.dirname(target), path.join(out, 'libs', lib, 'src', `${file ?? 'index'}.js`));
        if (!r.startsWith('.')) r = './' + r;
        return `require(${JSON.stringify(r)})`;
      });
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, fixed + `\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) await writeFile(target + '.map', map);
    }),
  );
  await writeFile(stamp, new Date().toISOString());
}

const webDir = path.join(root, 'apps', 'web');

/** The web app's build inputs (tests excluded), for the staleness check. */
async function webSources() {
  const files = [];
  const visit = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'test') await visit(p);
      } else if (!/\.test\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  await visit(path.join(webDir, 'src'));
  await visit(path.join(webDir, 'public'));
  // The role guides (Markdown and screenshots) are built into the help section.
  await visit(path.join(root, 'docs', 'guides', 'id'));
  await visit(path.join(root, 'docs', 'guides', 'en'));
  await visit(path.join(root, 'docs', 'guides', 'img'));
  for (const f of ['index.html', 'vite.config.ts', 'tsconfig.json']) files.push(path.join(webDir, f));
  return files;
}

async function newerThan(files, output) {
  const built = await stat(output)
    .then((s) => s.mtimeMs)
    .catch(() => 0);
  for (const f of files)
    if (
      (await stat(f)
        .then((s) => s.mtimeMs)
        .catch(() => 0)) > built
    )
      return true;
  return false;
}

async function buildWeb() {
  // Node 20 cannot load a TypeScript config natively anyway; Vite's note about that is noise here.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build: vite } = await import('vite');
  // Vite takes NODE_ENV from the environment when it is set: a build started under jest (NODE_ENV=test), which the
  // browser specs do, made React's development bundle (479 KB instead of 262 KB, and a Lighthouse score of ~70 on the
  // public results page) — and `--if-stale` then kept it for `npm start`. The web app is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite({
      configFile: path.join(webDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: quiet ? 'silent' : 'warn',
      ...(webOut ? { build: { outDir: path.resolve(webOut), emptyOutDir: true } } : {}),
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

const ifStale = process.argv.includes('--if-stale');
const webOnly = process.argv.includes('--web-only');
const webOut = process.argv.includes('--web-out') ? process.argv[process.argv.indexOf('--web-out') + 1] : undefined;
const quiet = process.argv.includes('--quiet');
const log = (line) => {
  if (!quiet) process.stderr.write(line + '\n');
};

const files = webOnly ? [] : await sources();
if (!webOnly && (!ifStale || (await isStale(files)))) {
  const t0 = Date.now();
  await build(files);
  log(`built ${files.length} files into dist/ in ${Date.now() - t0} ms`);
}
if (!process.argv.includes('--api-only') && (await stat(webDir).catch(() => null))) {
  const web = await webSources();
  if (webOut || !ifStale || (await newerThan(web, path.join(webDir, 'dist', 'index.html')))) {
    const t0 = Date.now();
    await buildWeb();
    log(`built the web app into apps/web/dist/ in ${Date.now() - t0} ms`);
  }
}
