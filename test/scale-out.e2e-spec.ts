import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { freePort } from '../libs/database/src/embedded-postgres';
import { MIGRATIONS } from '../libs/database/src/migrations';
import { bearer, completeProposal, DEMO_PASSWORD, openCompetition, tinyPdf } from './support/factories';
import { startS3Server, type S3Server } from './support/s3-server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createEmptyDatabase, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

const ROOT = path.join(__dirname, '..');
const PUBLIC_URL = 'http://inovasi.scale.test';

interface Proc {
  name: string;
  child: ChildProcess;
  output: string[];
  dataDir: string;
}

/**
 * Two API processes and a worker, started from the built dist as separate Node processes (as in
 * production), on ONE empty PostgreSQL database, one Redis prefix and one S3 bucket (s3rver, a real
 * S3-protocol server). Everything asserted goes over HTTP to the instances, or reads the rows and mails
 * they leave behind.
 */
describe('scale-out: two API instances and a worker on one PostgreSQL, Redis and S3 bucket', () => {
  let s3: S3Server;
  let smtp: SmtpSink;
  let db: Client;
  let databaseUrl: string;
  const procs: Proc[] = [];
  let a: string;
  let b: string;
  const http = (base: string) => request(base);
  /** The factories' view of one instance (they only use http()). */
  const via = (base: string) => ({ http: () => http(base) }) as unknown as TestApp;

  function start(name: string, script: string, env: Record<string, string>): Proc {
    const dataDir = mkdtempSync(path.join(tmpdir(), `inovasi-scale-${name}-`));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', script)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc: Proc = { name, child, output: [], dataDir };
    child.stdout!.on('data', (d: Buffer) => proc.output.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => proc.output.push(d.toString()));
    procs.push(proc);
    return proc;
  }
  async function healthy(proc: Proc, url: string): Promise<void> {
    await waitFor(
      `${proc.name} healthy (output: ${proc.output.join('').slice(-2000)})`,
      async () => {
        if (proc.child.exitCode !== null)
          throw new Error(`${proc.name} exited ${proc.child.exitCode}: ${proc.output.join('').slice(-2000)}`);
        return (
          (await fetch(url).then(
            (r) => r.status,
            () => 0,
          )) === 200
        );
      },
      240_000,
      250,
    );
  }
  const loginVia = async (base: string, email: string, password = DEMO_PASSWORD) => {
    const res = await http(base).post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { accessToken: string; refreshToken: string };
  };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    // An EMPTY database: both APIs migrate and seed it at the same time.
    databaseUrl = await createEmptyDatabase();
    s3 = await startS3Server();
    smtp = await startSmtpSink();
    const [portA, portB, workerPort] = [await freePort(), await freePort(), await freePort()];
    const shared = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL!,
      QUEUE_PREFIX: `scale-${randomBytes(4).toString('hex')}`,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      JWT_ACCESS_SECRET: 'scale-access-secret-0123456789-0123456789',
      JWT_REFRESH_SECRET: 'scale-refresh-secret-0123456789-0123456789',
      LOGIN_RATE_LIMIT: '10',
      LOGIN_ADDRESS_FAILURE_LIMIT: '1000',
      SEED_DEMO: 'true',
      NOTIFY_POLL_MS: '100',
      LOG_LEVEL: 'error',
      ...s3.env,
    };
    const apiA = start('api-a', 'apps/api/src/main.js', { ...shared, PORT: String(portA) });
    const apiB = start('api-b', 'apps/api/src/main.js', { ...shared, PORT: String(portB) });
    a = `http://127.0.0.1:${portA}`;
    b = `http://127.0.0.1:${portB}`;
    await Promise.all([healthy(apiA, `${a}/health`), healthy(apiB, `${b}/health`)]);
    const worker = start('worker', 'apps/worker/src/main.js', { ...shared, WORKER_PORT: String(workerPort) });
    await healthy(worker, `http://127.0.0.1:${workerPort}/health`);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    for (const p of procs) {
      p.child.kill('SIGTERM');
      await new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)));
      rmSync(p.dataDir, { recursive: true, force: true });
    }
    await smtp?.close();
    await s3?.close();
  }, 60_000);

  it('two APIs started together on an empty database: one migrates and seeds, the other waits, both serve', async () => {
    const applied = await db.query(`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(applied.rows[0].n).toBe(MIGRATIONS.length);
    const seeded = await db.query(
      `SELECT (SELECT count(*)::int FROM users WHERE email = 'admin@demo.local') AS admins, (SELECT count(*)::int FROM competitions WHERE slug = 'iga-2024-demo') AS editions, (SELECT count(*)::int FROM ranking_snapshots s JOIN competitions c ON c.id = s.competition_id WHERE c.slug = 'iga-2024-demo') AS snapshots, (SELECT count(*)::int FROM index_snapshots) AS "indexSnapshots"`,
    );
    // Seeded once: the demo edition's ranking and the demo index (the region award builds on it) published one time each.
    expect(seeded.rows[0]).toEqual({ admins: 1, editions: 1, snapshots: 1, indexSnapshots: 1 });
    for (const base of [a, b]) expect((await http(base).get('/api/public/competitions/iga-2024-demo/rankings')).status).toBe(200);
  });

  it('a document uploaded through one instance is served by the other (S3 bucket), and a delete through one is a 404 on both', async () => {
    const org = await loginVia(a, 'organizer@demo.local');
    const { id: competitionId } = await openCompetition(via(a), org.accessToken, { slug: `scale-${randomBytes(3).toString('hex')}` });
    const opd = await loginVia(a, 'opd.rsud@demo.local');
    const draft = await http(a)
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(opd.accessToken))
      .send(completeProposal('SiTaro lintas instans'));
    expect(draft.status).toBe(201);
    const pdf = tinyPdf('Bukti dukung SiTaro, diunggah ke instans A');
    const up = await http(a)
      .post(`/api/innovations/${draft.body.id}/documents`)
      .set(bearer(opd.accessToken))
      .attach('file', pdf, { filename: 'bukti.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    const down = await http(b)
      .get(`/api/documents/${up.body.id}`)
      .set(bearer(opd.accessToken))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
    expect(down.headers['x-checksum-sha256']).toBe(up.body.sha256);

    expect((await http(b).delete(`/api/documents/${up.body.id}`).set(bearer(opd.accessToken))).status).toBe(204);
    for (const base of [a, b])
      expect((await http(base).get(`/api/documents/${up.body.id}`).set(bearer(opd.accessToken))).body.code).toBe('DOCUMENT_NOT_FOUND');
    // No orphan: the bucket holds neither the file nor a trashed copy once the delete settled.
    const row = await db.query(`SELECT count(*)::int AS n FROM documents WHERE id = $1`, [up.body.id]);
    expect(row.rows[0].n).toBe(0);
  });

  it('a document row whose file is missing from the store is a 404 DOCUMENT_FILE_MISSING, not a 500', async () => {
    const opd = await loginVia(a, 'opd.rsud@demo.local');
    const doc = await db.query(
      `SELECT d.id FROM documents d JOIN innovations i ON i.id = d.innovation_id JOIN users u ON u.organization_id = i.organization_id WHERE u.email = 'opd.rsud@demo.local' LIMIT 1`,
    );
    await db.query(`UPDATE documents SET storage_key = 'zz/hilang.pdf' WHERE id = $1`, [doc.rows[0].id]);
    const res = await http(b).get(`/api/documents/${doc.rows[0].id}`).set(bearer(opd.accessToken));
    expect([res.status, res.body.code]).toEqual([404, 'DOCUMENT_FILE_MISSING']);
  });

  it('logout through one instance revokes the session on the other at once (its 5 s session cache is told)', async () => {
    const s = await loginVia(a, 'juror2@demo.local');
    expect((await http(b).get('/api/me').set(bearer(s.accessToken))).status).toBe(200); // B now holds the session as live
    expect((await http(a).post('/api/auth/logout').set(bearer(s.accessToken)).send({})).status).toBe(204);
    expect((await http(b).get('/api/me').set(bearer(s.accessToken))).status).toBe(401);
  });

  it('refresh-token reuse through one instance ends the session on the other at once', async () => {
    const first = await loginVia(a, 'juror3@demo.local');
    const rotated = await http(a).post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect((await http(b).get('/api/me').set(bearer(rotated.body.accessToken))).status).toBe(200);
    expect((await http(a).post('/api/auth/refresh').send({ refreshToken: first.refreshToken })).status).toBe(401); // reuse: the family is revoked
    expect((await http(b).get('/api/me').set(bearer(rotated.body.accessToken))).status).toBe(401);
  });

  it('a publication through one instance is served by both at once (no stale version from the rankings cache)', async () => {
    for (const base of [a, b])
      expect((await http(base).get('/api/public/competitions/iga-2024-demo/rankings')).body.snapshot.version).toBe(1);
    const org = await loginVia(a, 'organizer@demo.local');
    const cid = (await db.query(`SELECT id FROM competitions WHERE slug = 'iga-2024-demo'`)).rows[0].id;
    const v2 = await http(a)
      .post(`/api/competitions/${cid}/rankings/publish`)
      .set(bearer(org.accessToken))
      .send({ reason: 'Koreksi data kategori (uji skala)' });
    expect(v2.status).toBe(201);
    expect(v2.body.url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    for (const base of [b, a])
      expect((await http(base).get('/api/public/competitions/iga-2024-demo/rankings')).body.snapshot.version).toBe(2);
  });

  it('login limits are shared: 10 failures through A, the 11th attempt through B is 429', async () => {
    for (let i = 0; i < 10; i++)
      expect(
        (
          await http(a)
            .post('/api/auth/login')
            .send({ email: 'juror4@demo.local', password: `salah-${i}` })
        ).status,
      ).toBe(401);
    const eleventh = await http(b).post('/api/auth/login').send({ email: 'juror4@demo.local', password: 'salah-11' });
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    const counted = await db.query(`SELECT count(*)::int AS n FROM rate_limit_hits`);
    expect(counted.rows[0].n).toBe(0); // with REDIS_URL the counters live in Redis, not in the table
  });

  it('scheduled work runs once, not once per instance: one storage sweep of the shared bucket, every notification mailed once, with PUBLIC_URL links from the worker', async () => {
    // Both instances swept on start (their own staging); the bucket's trash was settled by one of them.
    const sweeps = await db.query(`SELECT task, runs::int FROM scheduled_tasks WHERE task LIKE 'storage-sweep:%'`);
    expect(sweeps.rows).toEqual([{ task: `storage-sweep:s3:${s3.endpoint}/${s3.env.S3_BUCKET}`, runs: 1 }]);
    // The publications' e-mails (the seed's and the correction's), relayed by two APIs and delivered by the worker: each exactly once.
    const rows = await waitFor(
      'the publication e-mails delivered',
      async () => {
        // The demo edition's: the seed also publishes the region award (its own e-mails, links to its own page).
        const r = await db.query(
          `SELECT address, status, note FROM outbox_messages WHERE type = 'results_published' AND channel = 'email' AND competition_id = (SELECT id FROM competitions WHERE slug = 'iga-2024-demo')`,
        );
        return r.rows.length > 0 && r.rows.every((x: { status: string }) => x.status === 'sent')
          ? (r.rows as { address: string; note: string | null }[])
          : null;
      },
      90_000,
      200,
    );
    const expected = rows
      .filter((r) => r.note === null)
      .map((r) => r.address)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const mailed = smtp.mails.filter((m) => m.text.includes('/rankings/iga-2024-demo'));
    expect(mailed.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(mailed.every((m) => m.text.includes(`${PUBLIC_URL}/`) && !m.text.includes('localhost'))).toBe(true);
  });
});
