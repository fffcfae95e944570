import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openMigrated } from '../libs/database/src';
import { MIGRATIONS } from '../libs/database/src/migrations';
import { FailedLogins } from '../libs/identity/src/auth/failed-logins';
import { HitLog, PostgresHitLog, RedisHitLog } from '../libs/identity/src/auth/hit-log';
import { ChangeBus } from '../libs/database/src/change-bus';
import { bearer, completeProposal, login, openCompetition, seedDemo, uploadPdf } from './support/factories';
import { startS3Server, type S3Server } from './support/s3-server';
import { closeTestApps, createEmptyDatabase, createTestApp, createTestAppPair, createTestDatabase, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

const ROOT = path.join(__dirname, '..');

describe('several instances on one database (in process)', () => {
  it('two instances migrating an empty database at the same moment both start, and each migration is applied once (advisory lock)', async () => {
    const url = await createEmptyDatabase();
    const options = { ...dataSourceOptions(url, []), logging: false as const };
    const [one, two] = await Promise.all([openMigrated(options), openMigrated(options)]);
    try {
      const rows = await one.query(`SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name`);
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    } finally {
      await one.destroy();
      await two.destroy();
    }
  });

  describe('two API apps on one database, without Redis', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      [a, b] = await createTestAppPair({ REDIS_URL: '', LOGIN_RATE_LIMIT: '10' });
      await seedDemo(a);
    });
    afterAll(() => closeTestApps(a, b));

    it('login limits live in PostgreSQL without Redis: 10 failures through A, the 11th through B is 429 (the counts are rows, so a restart forgets none)', async () => {
      for (let i = 0; i < 10; i++)
        expect(
          (
            await a
              .http()
              .post('/api/auth/login')
              .send({ email: 'juror5@demo.local', password: `salah-${i}` })
          ).status,
        ).toBe(401);
      expect((await b.http().post('/api/auth/login').send({ email: 'juror5@demo.local', password: 'salah-x' })).status).toBe(429);
      const rows = await a.db.query(`SELECT count(*)::int AS n FROM rate_limit_hits`);
      expect(rows.rows[0].n).toBeGreaterThan(0);
    });

    it('an instance whose listening connection was cut reconnects, drops what it kept, and hears the next revocation', async () => {
      const s = await login(a, 'juror1@demo.local');
      expect((await b.http().get('/api/me').set(bearer(s.accessToken))).status).toBe(200);
      const bus = b.app.get(ChangeBus);
      // Terminate every listening connection of the database (A's and B's): both must come back.
      await a.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'inovasi-daerah-changes' AND datname = current_database()`,
      );
      await waitFor(
        'B listening again',
        async () => {
          const r = await a.db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'inovasi-daerah-changes' AND datname = current_database()`,
          );
          return r.rows[0].n === 2 && bus.listening;
        },
        20_000,
        50,
      );
      expect((await b.http().get('/api/me').set(bearer(s.accessToken))).status).toBe(200);
      expect((await a.http().post('/api/auth/logout').set(bearer(s.accessToken)).send({})).status).toBe(204);
      expect((await b.http().get('/api/me').set(bearer(s.accessToken))).status).toBe(401);
    });
  });
});

/** The shared counters' contract, on both adapters against the real servers. */
describe.each(['postgres', 'redis'] as const)('HitLog contract: %s', (kind) => {
  let ds: DataSource;
  let log: HitLog;
  let again: HitLog;
  const t0 = Date.now();
  beforeAll(async () => {
    ds = await new DataSource({ ...dataSourceOptions(await createTestDatabase(), []), logging: false }).initialize();
    const prefix = `hits-${randomBytes(4).toString('hex')}`;
    const fallback = new PostgresHitLog(ds);
    log = kind === 'redis' ? new RedisHitLog(process.env.REDIS_URL!, prefix, fallback) : fallback;
    // A second client of the same store: another instance, or this one after a restart.
    again = kind === 'redis' ? new RedisHitLog(process.env.REDIS_URL!, prefix, fallback) : new PostgresHitLog(ds);
  });
  afterAll(async () => {
    for (const l of [log, again]) (l as { onApplicationShutdown?: () => void }).onApplicationShutdown?.();
    await ds?.destroy();
  });

  it('adds hits and answers those within the window, oldest first, keeping the newest `keep`', async () => {
    expect(await log.add('k1', t0, 60_000, 3)).toEqual([t0]);
    expect(await log.add('k1', t0 + 10, 60_000, 3)).toEqual([t0, t0 + 10]);
    expect(await again.add('k1', t0 + 20, 60_000, 3)).toEqual([t0, t0 + 10, t0 + 20]);
    expect(await log.add('k1', t0 + 30, 60_000, 3)).toEqual([t0 + 10, t0 + 20, t0 + 30]);
    expect(await again.list('k1', t0 + 30, 60_000)).toEqual([t0 + 10, t0 + 20, t0 + 30]);
  });

  it('drops hits that left the window; other keys are separate', async () => {
    await log.add('k2', t0, 1_000, 5);
    expect(await log.add('k2', t0 + 1_500, 1_000, 5)).toEqual([t0 + 1_500]);
    expect(await log.list('k3', t0, 1_000)).toEqual([]);
  });

  (kind === 'redis' ? it : it.skip)('a Redis that does not answer leaves the counts to PostgreSQL, so logins stay limited', async () => {
    const fallback = new PostgresHitLog(ds);
    const down = new RedisHitLog('redis://127.0.0.1:1', 'nowhere', fallback);
    try {
      expect(await down.add('k4', t0, 60_000, 5)).toEqual([t0]);
      expect(await down.add('k4', t0 + 1, 60_000, 5)).toEqual([t0, t0 + 1]);
      expect(await fallback.list('k4', t0 + 2, 60_000)).toEqual([t0, t0 + 1]);
    } finally {
      down.onApplicationShutdown();
    }
  });

  it('FailedLogins on it: an address at the limit waits until its oldest failure leaves the window, seen by every instance', async () => {
    const first = new FailedLogins(log, 2, 60_000);
    const second = new FailedLogins(again, 2, 60_000);
    await first.record('203.0.113.9', t0);
    expect(await second.retryAfterMs('203.0.113.9', t0 + 1)).toBe(0);
    await second.record('::ffff:203.0.113.9', t0 + 1_000);
    expect(await first.retryAfterMs('203.0.113.9', t0 + 2_000)).toBe(58_000);
  });
});

describe('storage:migrate (CLI)', () => {
  let t: TestApp;
  let s3: S3Server;
  let dataDir: string;
  /** Runs the CLI as its own process (async: s3rver answers from this process's event loop). */
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'cli.mjs'), 'storage:migrate', ...args], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: t.databaseUrl,
          LOG_LEVEL: 'error',
          ...s3.env,
          STORAGE: 'local',
          DATA_DIR: dataDir,
          ...extra,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  beforeAll(async () => {
    s3 = await startS3Server();
    t = await createTestApp();
    dataDir = t.env.dataDir;
    await seedDemo(t);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('copies every document to the bucket with its sha256 checked, skips them on a rerun, and copies back into an empty disk', async () => {
    const org = await login(t, 'organizer@demo.local');
    const { id } = await openCompetition(t, org.accessToken, { slug: 'migrasi-berkas' });
    const opd = await login(t, 'opd.rsud@demo.local');
    const draft = await t.http().post(`/api/competitions/${id}/innovations`).set(bearer(opd.accessToken)).send(completeProposal('SiTaro'));
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) expect((await uploadPdf(t, opd.accessToken, draft.body.id, name)).status).toBe(201);
    const docs = (await t.db.query(`SELECT count(*)::int AS n FROM documents`)).rows[0].n as number;
    expect(docs).toBeGreaterThanOrEqual(3);

    const bad = await cli(['--from', 'local', '--to', 'local']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('usage: npm run -s cli -- storage:migrate')]);

    const first = await cli(['--from', 'local', '--to', 's3']);
    expect([first.status, first.stdout.trim()]).toEqual([
      0,
      `storage:migrate local → s3: ${docs} copied, 0 already there, 0 missing from local, 0 not matching their sha256`,
    ]);
    const rerun = await cli(['--from', 'local', '--to', 's3']);
    expect(rerun.stdout.trim()).toBe(
      `storage:migrate local → s3: 0 copied, ${docs} already there, 0 missing from local, 0 not matching their sha256`,
    );

    // The app switched to the bucket serves the files.
    const onS3 = await createTestApp(s3.env, { databaseUrl: t.databaseUrl });
    try {
      const doc = (await t.db.query(`SELECT id, sha256 FROM documents WHERE innovation_id = $1 LIMIT 1`, [draft.body.id])).rows[0];
      const res = await onS3.http().get(`/api/documents/${doc.id}`).set(bearer(opd.accessToken));
      expect([res.status, res.headers['x-checksum-sha256']]).toEqual([200, doc.sha256]);
    } finally {
      await onS3.close();
    }

    const emptyDisk = mkdtempSync(path.join(tmpdir(), 'inovasi-migrate-back-'));
    try {
      const back = await cli(['--from', 's3', '--to', 'local'], { DATA_DIR: emptyDisk });
      expect([back.status, back.stdout.trim()]).toEqual([
        0,
        `storage:migrate s3 → local: ${docs} copied, 0 already there, 0 missing from s3, 0 not matching their sha256`,
      ]);
    } finally {
      rmSync(emptyDisk, { recursive: true, force: true });
    }
    // A row whose file is in neither place is reported, and the run says so with exit 1.
    await t.db.query(`UPDATE documents SET storage_key = 'zz/tidak-ada.pdf' WHERE id = (SELECT id FROM documents LIMIT 1)`);
    const missing = await cli(['--from', 'local', '--to', 's3']);
    expect([missing.status, missing.stdout]).toEqual([1, expect.stringContaining('1 missing from local')]);
  });
});
