// Where the bench data lives: a fresh `bench_<timestamp>_<pid>` database on the server of
// BENCH_DATABASE_URL or DATABASE_URL, or else on an embedded PostgreSQL kept under ./data/bench-pg.
import { hostname } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';

/** Marks the databases this harness created (COMMENT ON DATABASE), so only those are ever dropped. */
const MARKER = 'inovasi-daerah bench';
/** A bench database whose creator is gone, or older than this, is dropped by the next run. */
const STALE_AFTER_MS = 6 * 3600_000;

export interface BenchServer {
  /** A URL on the server's maintenance database (the one given, or `postgres` when embedded). */
  adminUrl: string;
  embedded: boolean;
  describe: string;
  stop(): Promise<void>;
}

export async function openBenchServer(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => undefined,
): Promise<BenchServer> {
  const given = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  if (given) return { adminUrl: given, embedded: false, describe: `PostgreSQL at ${redact(given)}`, stop: async () => undefined };
  const dir = path.resolve(env.BENCH_PG_DIR || path.join('data', 'bench-pg'));
  log(`no BENCH_DATABASE_URL or DATABASE_URL: starting an embedded PostgreSQL in ${dir}`);
  const pg: EmbeddedDatabase = await startEmbeddedPostgres(dir, { database: 'postgres' });
  return { adminUrl: pg.url, embedded: true, describe: `embedded PostgreSQL (${dir})`, stop: () => pg.stop() };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops the bench databases earlier runs left behind: created here by a process that is gone, or old. */
export async function dropStaleBenchDatabases(adminUrl: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string; note: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname LIKE 'bench\\_%'`,
    );
    const dropped: string[] = [];
    for (const r of rows) {
      let note: { marker?: string; host?: string; pid?: number; at?: string; kept?: boolean };
      try {
        note = JSON.parse(r.note ?? '');
      } catch {
        continue; // not ours
      }
      if (note.marker !== MARKER || note.kept) continue; // kept on purpose (BENCH_KEEP=1, generate.js): dropped by hand
      const old = !note.at || Date.now() - Date.parse(note.at) > STALE_AFTER_MS;
      const orphan = note.host === hostname() && typeof note.pid === 'number' && !alive(note.pid);
      if (!old && !orphan) continue;
      await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      dropped.push(r.datname);
    }
    if (dropped.length) log(`dropped ${dropped.length} stale bench database(s): ${dropped.join(', ')}`);
    return dropped;
  });
}

/** Creates a fresh, empty bench database and returns its name and URL. */
export async function createBenchDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const name = `bench_${stamp}_${process.pid}_${Math.floor(Math.random() * 1e4)}`;
  await withClient(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE "${name}"`);
    const note = JSON.stringify({ marker: MARKER, host: hostname(), pid: process.pid, at: new Date().toISOString() });
    await c.query(`COMMENT ON DATABASE "${name}" IS '${note.replace(/'/g, "''")}'`);
  });
  return { name, url: withDatabase(adminUrl, name) };
}

/** Keeps a bench database from being dropped by later runs (drop it by hand: DROP DATABASE …). */
export async function markKept(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ note: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`,
      [name],
    );
    const note = JSON.stringify({ ...JSON.parse(rows[0]?.note || '{}'), kept: true });
    await c.query(`COMMENT ON DATABASE "${name}" IS '${note.replace(/'/g, "''")}'`);
  });
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop "${name}": not a bench database`);
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The app's own migrations (libs/database MIGRATIONS), as the API runs them on start. */
export async function migrate(url: string): Promise<number> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: ['error'],
  });
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'all' })).length;
  } finally {
    await ds.destroy();
  }
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v);
}
