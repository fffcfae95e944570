import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../libs/database/src/embedded-postgres';
import { createTestDatabase } from './support/test-app';
import { waitFor } from './support/wait';

const ROOT = path.join(__dirname, '..');

/**
 * Issue 20: the pools of every process (DB_POOL_SIZE each, DB_PROCESSES of them) are checked on start-up against
 * the server's max_connections minus its reserved slots. The worker is started from dist as in production.
 */
describe('connection budget: DB_POOL_SIZE × DB_PROCESSES against max_connections', () => {
  let databaseUrl: string;
  let available: number;
  let maxConnections: number;
  const running: { child: ChildProcess; dataDir: string }[] = [];

  /** Starts the worker with these variables; resolves with everything it printed once it serves /health. */
  async function workerOutput(env: Record<string, string>): Promise<string> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'inovasi-budget-'));
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.REDIS_URL!,
        QUEUE_PREFIX: `budget-${randomBytes(4).toString('hex')}`,
        WORKER_PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push({ child, dataDir });
    const output: string[] = [];
    child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    await waitFor(
      'the worker to serve /health',
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${output.join('')}`);
        return (
          (await fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.status,
            () => 0,
          )) === 200
        );
      },
      120_000,
      100,
    );
    return output.join('');
  }

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    databaseUrl = await createTestDatabase();
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      `SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int + COALESCE(current_setting('reserved_connections', true), '0')::int AS reserved`,
    );
    await db.end();
    maxConnections = rows[0].max;
    available = rows[0].max - rows[0].reserved;
  }, 180_000);

  afterAll(async () => {
    for (const { child, dataDir } of running) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a pool larger than max_connections: the worker starts and warns, naming the variables and the arithmetic', async () => {
    const poolSize = maxConnections + 1;
    const output = await workerOutput({ DB_POOL_SIZE: String(poolSize), DB_PROCESSES: '1' });
    expect(output).toContain(`connection budget exceeded: DB_POOL_SIZE=${poolSize} × DB_PROCESSES=1 may open `);
    expect(output).toContain(
      `but PostgreSQL takes ${available} (max_connections ${maxConnections} − ${maxConnections - available} reserved)`,
    );
    expect(output).toContain(`lower DB_POOL_SIZE to at most ${available - 1} or raise max_connections`);
  }, 180_000);

  it('pools that fit with room to spare: no warning', async () => {
    const output = await workerOutput({ DB_POOL_SIZE: '2', DB_PROCESSES: '1' });
    expect(output).toContain('worker running');
    expect(output).not.toContain('connection budget exceeded');
  }, 180_000);
});
