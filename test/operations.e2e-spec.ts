import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OperationsSweeper, OPERATIONS_SWEEP_TASK } from '@app/operations';
import { cliWithEnv } from './support/cli';
import { createTestApp, type TestApp } from './support/test-app';
import { bearer, login, seedDemo } from './support/factories';
import { readXlsx } from './support/documents';
import { waitFor } from './support/wait';

/**
 * Issue 23: long operations report progress in `operations` rows that any API instance reads. A slow
 * operation is made slow by holding what it waits for (an advisory lock, a row lock) on another connection;
 * the test waits on the observable state, never on time.
 */
describe('operations: progress of long operations, seen from another API instance (e2e)', () => {
  let t: TestApp;
  let other: TestApp;
  let org: string;
  let admin: string;
  let opd: string;
  let coordinator: string;
  let blocker: Client;
  let demo: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t, { judged: true });
    // A second API instance on the same database: progress is in rows, never in one process's memory.
    other = await createTestApp({}, { databaseUrl: t.databaseUrl });
    org = (await login(t, 'organizer@demo.local')).accessToken;
    admin = (await login(t, 'admin@demo.local')).accessToken;
    opd = (await login(t, 'opd.rsud@demo.local')).accessToken;
    coordinator = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    demo = (await t.db.query(`SELECT id FROM competitions WHERE status = 'published' ORDER BY created_at LIMIT 1`)).rows[0].id;
  });
  afterAll(async () => {
    await blocker?.end();
    await other?.close();
    await t?.close();
  });

  const operation = (app: TestApp, id: string, token = org) => app.http().get(`/api/operations/${id}`).set(bearer(token));

  it('an organizations import waiting for another import shows "waiting" on the other instance, then succeeds with every row done', async () => {
    const id = randomUUID();
    const csv = [
      'name,region,kind,code,email',
      'Dinas Progres Satu,32.75,opd,PRG-1,',
      'Dinas Progres Dua,32.75,opd,PRG-2,',
      'Dinas Progres Tiga,32.16,opd,PRG-3,',
    ].join('\n');
    await blocker.query(`SELECT pg_advisory_lock(hashtext('import:organizations'))`);
    const pending = t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(org))
      .set('x-operation-id', id)
      .set('content-type', 'text/csv')
      .send(csv)
      .then((r) => r);
    try {
      const running = await waitFor('the import to wait for the lock', async () => {
        const res = await operation(other, id);
        return res.status === 200 && res.body.phase === 'waiting' ? res.body : null;
      });
      expect(running).toMatchObject({
        id,
        kind: 'directory.import',
        state: 'running',
        done: 0,
        total: 3,
        errorCode: null,
        resultRef: null,
        finishedAt: null,
      });
      // Only its owner, admins (and, for a competition's operation, its organizers) see it.
      expect((await operation(other, id, admin)).status).toBe(200);
      for (const token of [opd, coordinator])
        expect((await operation(other, id, token)).body).toMatchObject({ code: 'OPERATION_NOT_FOUND' });
      expect((await other.http().get(`/api/operations/${id}`)).status).toBe(401);
    } finally {
      await blocker.query(`SELECT pg_advisory_unlock(hashtext('import:organizations'))`);
    }
    const res = await pending;
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(3);
    expect(res.headers['x-operation-id']).toBe(id);
    expect((await operation(other, id)).body).toMatchObject({
      state: 'succeeded',
      phase: 'done',
      done: 3,
      total: 3,
      resultRef: '3',
      errorCode: null,
      finishedAt: expect.any(String),
    });
  });

  it('a refused import ends failed with the code the route answered; a route called without an id answers one', async () => {
    const id = randomUUID();
    const refused = await t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(org))
      .set('x-operation-id', id)
      .set('content-type', 'text/csv')
      .send('name,region\nDinas Tanpa Wilayah,99.99\n');
    expect(refused.status).toBe(400);
    expect((await operation(t, id)).body).toMatchObject({ state: 'failed', phase: 'failed', errorCode: 'IMPORT_ORGANIZATIONS_INVALID' });

    const plain = await t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(org))
      .set('content-type', 'text/csv')
      .send('name,region\nDinas Tanpa Header,32.75\n');
    expect(plain.status).toBe(201);
    expect((await operation(t, plain.headers['x-operation-id'])).body).toMatchObject({
      kind: 'directory.import',
      state: 'succeeded',
      resultRef: '1',
    });
  });

  it('a bad or reused X-Operation-Id is refused before anything runs', async () => {
    const bad = await t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(org))
      .set('x-operation-id', 'not-a-uuid')
      .set('content-type', 'text/csv')
      .send('name,region\nDinas Id Salah,32.75\n');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'OPERATION_ID_INVALID', details: { fields: [{ field: 'x-operation-id' }] } });
    const id = randomUUID();
    expect(
      (
        await t
          .http()
          .post('/api/imports/organizations')
          .set(bearer(org))
          .set('x-operation-id', id)
          .set('content-type', 'text/csv')
          .send('name,region\nDinas Id Pertama,32.75\n')
      ).status,
    ).toBe(201);
    const again = await t
      .http()
      .post('/api/imports/organizations')
      .set(bearer(org))
      .set('x-operation-id', id)
      .set('content-type', 'text/csv')
      .send('name,region\nDinas Id Kedua,32.75\n');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('OPERATION_ID_TAKEN');
    const rows = await t.db.query(`SELECT name FROM organizations WHERE name LIKE 'Dinas Id %' ORDER BY name`);
    expect(rows.rows.map((r) => r.name)).toEqual(['Dinas Id Pertama']);
  });

  it('a users import reports its rows', async () => {
    const id = randomUUID();
    await blocker.query(`SELECT pg_advisory_lock(hashtext('import:users'))`);
    const pending = t
      .http()
      .post('/api/imports/users')
      .set(bearer(admin))
      .set('x-operation-id', id)
      .set('content-type', 'text/csv')
      .send('email,name,role\njuri.progres1@demo.local,Juri Progres Satu,juror\njuri.progres2@demo.local,Juri Progres Dua,juror\n')
      .then((r) => r);
    try {
      await waitFor('the users import to wait', async () => (await operation(other, id, admin)).body.phase === 'waiting');
    } finally {
      await blocker.query(`SELECT pg_advisory_unlock(hashtext('import:users'))`);
    }
    expect((await pending).status).toBe(201);
    expect((await operation(other, id, admin)).body).toMatchObject({
      kind: 'users.import',
      state: 'succeeded',
      done: 2,
      total: 2,
      resultRef: '2',
    });
  });

  it('a publication waiting for the competition shows its phase, then the snapshot it made; the organizers of the competition follow it', async () => {
    const id = randomUUID();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT id FROM competitions WHERE id = $1 FOR UPDATE`, [demo]);
    const pending = t
      .http()
      .post(`/api/competitions/${demo}/rankings/publish`)
      .set(bearer(admin))
      .set('x-operation-id', id)
      .send({ reason: 'Koreksi penulisan nama OPD' })
      .then((r) => r);
    try {
      const running = await waitFor('the publication to wait for the competition', async () => {
        const res = await operation(other, id);
        // The row exists from the start ("started"); the publication then reports that it waits.
        return res.status === 200 && res.body.phase === 'waiting' ? res.body : null;
      });
      // The organizer did not start it, but runs the competition.
      expect(running).toMatchObject({
        kind: 'results.publish',
        state: 'running',
        phase: 'waiting',
        done: 0,
        total: 5,
        competitionId: demo,
      });
      expect((await operation(other, id, opd)).status).toBe(404);
    } finally {
      await blocker.query('ROLLBACK');
    }
    const res = await pending;
    expect(res.status).toBe(201);
    expect((await operation(other, id)).body).toMatchObject({
      state: 'succeeded',
      phase: 'done',
      done: 5,
      total: 5,
      resultRef: res.body.id,
    });
  });

  it('the CLI prints the progress of an import on stderr (plain lines when not a terminal) and its result on stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-progress-'));
    const env = { NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error', DATA_DIR: dir };
    const file = path.join(dir, 'opd.csv');
    writeFileSync(file, 'name,region\nDinas Baris Satu,32.75\nDinas Baris Dua,32.75\n');
    const ok = cliWithEnv(env, 'import:organizations', file, '--as', 'organizer@demo.local');
    expect([ok.status, ok.stderr]).toEqual([0, expect.any(String)]);
    expect(ok.stderr.split('\n').filter((l) => l.startsWith('import:organizations:'))).toEqual([
      'import:organizations: waiting 0/2 (0%)',
      'import:organizations: checking 1/2 (50%)',
      'import:organizations: checking 2/2 (100%)',
      'import:organizations: saving 0/2 (0%)',
      'import:organizations: done 1/1 (100%)',
    ]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ created: 2 });

    const refused = cliWithEnv(env, 'import:organizations', file, '--as', 'organizer@demo.local');
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('IMPORT_ORGANIZATIONS_INVALID')]);
    expect(cliWithEnv(env, 'jury:assign', demo).status).toBe(2);
  });

  it('an automatic assignment refused by the stage ends failed with its code', async () => {
    const id = randomUUID();
    const res = await t
      .http()
      .post(`/api/competitions/${demo}/stages/desk_review/assignments`)
      .set(bearer(org))
      .set('x-operation-id', id)
      .send({});
    expect(res.status).toBe(409);
    expect((await operation(other, id)).body).toMatchObject({ kind: 'judging.assign', state: 'failed', errorCode: res.body.code });
  });
  it('an export of the published ranking waits for a publication under way ("waiting" on the other instance), then serves its file: the public download’s bytes, name and type', async () => {
    const id = randomUUID();
    const slug = (await t.db.query(`SELECT slug FROM competitions WHERE id = $1`, [demo])).rows[0].slug;
    const bytes = (app: TestApp, url: string, token?: string) => {
      const req = app.http().get(url);
      if (token) req.set(bearer(token));
      return req.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    };
    // A publication holds the competition's lock (space 7301) exclusively; the export takes it shared.
    await blocker.query(`SELECT pg_advisory_lock(7301, hashtext($1))`, [demo]);
    const pending = t
      .http()
      .post(`/api/competitions/${demo}/rankings/exports`)
      .set(bearer(org))
      .set('x-operation-id', id)
      .send({ format: 'csv' })
      .then((r) => r);
    try {
      const running = await waitFor('the export to wait for the publication', async () => {
        const res = await operation(other, id);
        return res.status === 200 && res.body.phase === 'waiting' ? res.body : null;
      });
      expect(running).toMatchObject({ id, kind: 'results.export', state: 'running', competitionId: demo, finishedAt: null });
      expect((await other.http().get(`/api/operations/${id}/file`).set(bearer(org))).body.code).toBe('OPERATION_FILE_NOT_FOUND');
    } finally {
      await blocker.query(`SELECT pg_advisory_unlock(7301, hashtext($1))`, [demo]);
    }
    const res = await pending;
    expect(res.status).toBe(201);
    expect(res.headers['x-operation-id']).toBe(id);
    const pub = await bytes(t, `/api/public/competitions/${slug}/rankings.csv`);
    const fileName = /filename="([^"]+)"/.exec(pub.headers['content-disposition'])![1];
    expect(res.body).toEqual({
      operationId: id,
      fileName,
      mediaType: 'text/csv; charset=utf-8',
      size: (pub.body as Buffer).length,
      href: `/api/operations/${id}/file`,
    });
    expect((await operation(other, id)).body).toMatchObject({ state: 'succeeded', phase: 'done', resultRef: fileName });

    // Another instance serves the file (after a reload, the page asks it there), to whoever follows the operation.
    const file = await bytes(other, res.body.href, admin);
    expect([file.status, file.headers['content-type'], file.headers['content-disposition']]).toEqual([
      200,
      pub.headers['content-type'],
      pub.headers['content-disposition'],
    ]);
    expect((file.body as Buffer).equals(pub.body as Buffer)).toBe(true);
    expect((await other.http().get(res.body.href).set(bearer(opd))).status).toBe(404);

    // XLSX: the workbook the public download sends (its rows; a workbook's own timestamps differ).
    const xlsx = await t.http().post(`/api/competitions/${demo}/rankings/exports`).set(bearer(org)).send({ format: 'xlsx' });
    expect([xlsx.status, xlsx.body.fileName]).toEqual([201, fileName.replace(/\.csv$/, '.xlsx')]);
    const workbook = await bytes(other, xlsx.body.href, org);
    expect(workbook.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await readXlsx(workbook.body as Buffer)).toEqual(
      await readXlsx((await bytes(t, `/api/public/competitions/${slug}/rankings.xlsx`)).body as Buffer),
    );

    // Refused before anything is read: an unknown format, a competition the caller does not run.
    expect((await t.http().post(`/api/competitions/${demo}/rankings/exports`).set(bearer(org)).send({ format: 'pdf' })).status).toBe(400);
    const refused = randomUUID();
    const foreign = await t
      .http()
      .post(`/api/competitions/${demo}/rankings/exports`)
      .set(bearer(opd))
      .set('x-operation-id', refused)
      .send({ format: 'csv' });
    expect(foreign.status).toBe(403);
  });

  it('the sweep deletes finished operations older than OPERATIONS_RETENTION_DAYS (7) on one instance, never a fresh or a running one; the CLI never sweeps', async () => {
    const owner = (await t.db.query(`SELECT id FROM users WHERE email = 'organizer@demo.local'`)).rows[0].id;
    const rows = {
      oldSucceeded: { state: 'succeeded', finished: '8 days' },
      oldFailed: { state: 'failed', finished: '30 days' },
      fresh: { state: 'succeeded', finished: '6 days' },
      running: { state: 'running', finished: null },
    };
    const ids = Object.fromEntries(Object.keys(rows).map((k) => [k, randomUUID()])) as Record<keyof typeof rows, string>;
    for (const [key, row] of Object.entries(rows) as [keyof typeof rows, (typeof rows)[keyof typeof rows]][]) {
      await t.db.query(
        `INSERT INTO operations (id, kind, owner_id, state, phase, created_at, updated_at, finished_at)
         VALUES ($1, 'results.export', $2, $3, $3, now() - interval '40 days', now() - interval '40 days', now() - $4::interval)`,
        [ids[key], owner, row.state, row.finished],
      );
    }
    const left = async () =>
      (await t.db.query(`SELECT id FROM operations WHERE id = ANY($1) ORDER BY id`, [Object.values(ids)])).rows.map((r) => r.id).sort();

    // A CLI command boots every context but none of the API's background loops: nothing is swept.
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-sweep-'));
    const file = path.join(dir, 'opd.csv');
    writeFileSync(file, 'name,region\nDinas Sapu Satu,32.75\n');
    const run = cliWithEnv(
      { NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error', DATA_DIR: dir },
      'import:organizations',
      file,
      '--as',
      'organizer@demo.local',
    );
    expect(run.status).toBe(0);
    expect(await left()).toEqual(Object.values(ids).sort());

    // Both API instances run the hourly sweep at once: one claims the period and deletes the two old finished rows.
    await t.db.query(`DELETE FROM scheduled_tasks WHERE task = $1`, [OPERATIONS_SWEEP_TASK]);
    const swept = await Promise.all([t.app.get(OperationsSweeper).scheduled(), other.app.get(OperationsSweeper).scheduled()]);
    expect(swept.filter((n) => n !== null)).toEqual([2]);
    expect(await left()).toEqual([ids.fresh, ids.running].sort());
    expect((await t.db.query(`SELECT runs::int FROM scheduled_tasks WHERE task = $1`, [OPERATIONS_SWEEP_TASK])).rows).toEqual([
      { runs: 1 },
    ]);
    // The remaining rows are still answered.
    expect((await operation(other, ids.fresh)).body).toMatchObject({ state: 'succeeded' });
  });
});
