import { Client } from 'pg';
import { JudgingRepository } from '@app/judging';
import { createTestApp, type TestApp } from './support/test-app';
import { acceptInvitation, bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';
import { waitFor } from './support/wait';

/**
 * A juror's draft saves after the first one are one conditional write, the checks' inputs (rubric, conflict
 * rules) kept in memory per assignment (JuryService.trySaveDraft). Each case below types a few saves first, so
 * that context is kept, then changes something under it — a stale version, a submitted sheet, a declared
 * conflict, a new affiliation, a removed assignment, a closed stage — and expects the next save refused with
 * the same answer the locked path gives, and no version row written.
 */
const CODES = ['RSUD-KOTA-BEKASI', 'DISDUKCAPIL-KOTA-BEKASI', 'DPMPTSP-KOTA-BEKASI', 'DINKES-KOTA-BEKASI', 'DISKOMINFO-KOTA-BANDUNG'];
const FULL = { kebaruan: 70, efektivitas: 70, kemanfaatan: 70, replikasi: 70, keberlanjutan: 70 };

describe('juror draft saves with a kept context (e2e)', () => {
  let t: TestApp;
  let org: string;
  let juror: { id: string; token: string };
  let cid: string;
  const assignmentOf: Record<string, string> = {};
  const innovationOf: Record<string, string> = {};
  const put = (id: string, body: object) => t.http().put(`/api/assignments/${id}/sheet`).set(bearer(juror.token)).send(body);
  const post = (path: string, token: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);
  const versions = async (id: string) =>
    Number(
      (
        await t.db.query(
          `SELECT count(*) AS n FROM score_sheet_versions v JOIN score_sheets s ON s.id = v.sheet_id WHERE s.assignment_id = $1`,
          [id],
        )
      ).rows[0].n,
    );
  const stored = async (id: string) =>
    (await t.db.query(`SELECT status, version, scores, comment FROM score_sheets WHERE assignment_id = $1`, [id])).rows[0];

  /** First save (locked path), a second (reads the context, keeps it), a third (kept context): version 3. */
  async function typeAway(code: string): Promise<string> {
    const id = assignmentOf[code];
    expect((await put(id, { scores: { kebaruan: 60 }, confirmNoConflict: true })).body).toMatchObject({ status: 'draft', version: 1 });
    expect((await put(id, { scores: { kebaruan: 61 }, comment: 'catatan awal', version: 1 })).body).toMatchObject({
      status: 'draft',
      version: 2,
    });
    const third = await put(id, { scores: { kebaruan: 62, efektivitas: 70 }, version: 2 });
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ status: 'draft', version: 3, scores: { kebaruan: 62, efektivitas: 70 }, comment: 'catatan awal' });
    expect(await versions(id)).toBe(3);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    org = (await login(t, 'organizer@demo.local')).accessToken;
    cid = (await openCompetition(t, org, { slug: 'ketik' })).id;
    const ids = await seedSubmitted(
      t,
      cid,
      CODES.map((code) => ({ code, title: `Ketik ${code}` })),
    );
    for (const code of CODES) innovationOf[code] = ids[`Ketik ${code}`];
    expect((await post(`/api/competitions/${cid}/stages/submission/close`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/screening/open`, org)).status).toBe(200);
    expect(
      (
        await post(`/api/competitions/${cid}/screening`, org, {
          decisions: Object.values(innovationOf).map((innovationId) => ({ innovationId, decision: 'pass' })),
        })
      ).status,
    ).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/screening/close`, org)).status).toBe(200);
    const csv = ['email,name,role,organization,region,affiliations,password,locale', 'juri@ketik.local,Juri Ketik,juror,,,,,id'].join('\n');
    const imported = await t.http().post('/api/imports/users').set(bearer(admin)).set('content-type', 'text/csv').send(csv);
    expect(imported.status).toBe(201);
    await acceptInvitation(t, 'juri@ketik.local', 'juri-ketik-2025-rahasia');
    juror = { id: imported.body.items[0].id, token: (await login(t, 'juri@ketik.local', 'juri-ketik-2025-rahasia')).accessToken };
    for (const code of CODES) {
      const res = await post(`/api/competitions/${cid}/stages/desk_review/assignments/manual`, org, {
        jurorId: juror.id,
        innovationId: innovationOf[code],
      });
      expect(res.status).toBe(201);
      assignmentOf[code] = res.body.id;
    }
    expect((await post(`/api/competitions/${cid}/stages/desk_review/open`, org)).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('a stale version is a 409 naming both versions, and a bad value a 400 naming the criterion; neither writes', async () => {
    const id = await typeAway(CODES[0]);
    const stale = await put(id, { scores: FULL, version: 2 });
    expect([stale.status, stale.body.code]).toEqual([409, 'JUDGING_VERSION_CONFLICT']);
    expect(stale.body.details).toMatchObject({ expectedVersion: 2, currentVersion: 3 });
    const bad = await put(id, { scores: { ...FULL, replikasi: 101 }, version: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['scores.replikasi']);
    expect(await versions(id)).toBe(3);
    expect(await stored(id)).toMatchObject({ version: 3, scores: { kebaruan: 62, efektivitas: 70 } });
    // Saving on from the version held still works, and a comment sent replaces the kept one.
    expect((await put(id, { scores: FULL, comment: 'lengkap', version: 3 })).body).toMatchObject({
      version: 4,
      comment: 'lengkap',
      scores: FULL,
    });
  });

  it('a comment with the characters an array literal or JSON escapes arrives as typed', async () => {
    // The first case's sheet, kept and at version 4 (its later cases read the version from the database).
    const id = assignmentOf[CODES[0]];
    const comment = `"kutip" \\ garis {kurung}, koma NULL 'tunggal' é ✓ 🙂\nbaris baru\tdan tab`;
    const saved = await put(id, { scores: { ...FULL, kebaruan: 55 }, comment, version: 4 });
    expect([saved.status, saved.body.comment]).toEqual([200, comment]);
    expect(await stored(id)).toMatchObject({ version: 5, comment, scores: { ...FULL, kebaruan: 55 } });
    const row = (
      await t.db.query(
        `SELECT v.comment, v.scores FROM score_sheet_versions v JOIN score_sheets s ON s.id = v.sheet_id WHERE s.assignment_id = $1 AND v.version = 5`,
        [id],
      )
    ).rows[0];
    expect(row).toEqual({ comment, scores: { ...FULL, kebaruan: 55 } });
  });

  it('a submitted sheet is locked to the kept context too', async () => {
    const id = await typeAway(CODES[1]);
    expect((await put(id, { scores: FULL, version: 3 })).status).toBe(200);
    expect((await post(`/api/assignments/${id}/sheet/submit`, juror.token, { version: 4 })).body).toMatchObject({
      status: 'submitted',
      version: 5,
    });
    const locked = await put(id, { scores: { ...FULL, kebaruan: 10 }, version: 5 });
    expect([locked.status, locked.body.code]).toEqual([409, 'JUDGING_SHEET_LOCKED']);
    expect(await versions(id)).toBe(5);
    expect(await stored(id)).toMatchObject({ status: 'submitted', scores: FULL });
  });

  it('a conflict the juror declares meanwhile blocks the next save', async () => {
    const id = await typeAway(CODES[2]);
    expect(
      (await post(`/api/innovations/${innovationOf[CODES[2]]}/conflicts`, juror.token, { reason: 'Saudara kandung kepala dinas' })).status,
    ).toBe(201);
    // The declaration releases the juror's assignment (issue 18): the kept context's next save finds none.
    const blocked = await put(id, { scores: FULL, version: 3 });
    expect([blocked.status, blocked.body.code]).toEqual([404, 'ASSIGNMENT_NOT_FOUND']);
    expect(await versions(id)).toBe(3);
  });

  it('an affiliation with the innovation’s organization recorded meanwhile blocks the next save', async () => {
    const id = await typeAway(CODES[3]);
    await t.db.query(
      `UPDATE users SET affiliations = jsonb_build_array(jsonb_build_object('type', 'organization', 'organizationId', (SELECT organization_id FROM innovations WHERE id = $2)::text)) WHERE id = $1`,
      [juror.id, innovationOf[CODES[3]]],
    );
    try {
      const blocked = await put(id, { scores: FULL, version: 3 });
      expect([blocked.status, blocked.body.code]).toEqual([409, 'JUDGING_CONFLICT']);
      expect(await versions(id)).toBe(3);
    } finally {
      await t.db.query(`UPDATE users SET affiliations = '[]' WHERE id = $1`, [juror.id]);
    }
  });

  it('an assignment the organizer removed meanwhile is not found any more', async () => {
    const id = await typeAway(CODES[4]);
    expect((await t.http().delete(`/api/assignments/${id}`).set(bearer(org)).send({ reason: 'diganti juri lain' })).status).toBe(204);
    const gone = await put(id, { scores: FULL, version: 3 });
    expect(gone.status).toBe(404);
    expect(await versions(id)).toBe(3);
  });

  it('drafts written together: each row is guarded on its own, and only the ones that hold are written', async () => {
    // The sheets as the cases above left them: 0 a draft (kept), 1 submitted, 2 under a declared conflict,
    // 3 a draft at v3 (the affiliation was taken back), 4 removed.
    const repo = t.app.get(JudgingRepository);
    const ctx = async (code: string) => (await repo.draftSaveContext(assignmentOf[code], juror.id))!;
    const c3 = await ctx(CODES[3]);
    const c0 = await ctx(CODES[0]);
    const sheetId = async (code: string) =>
      (await t.db.query(`SELECT id FROM score_sheets WHERE assignment_id = $1`, [assignmentOf[code]])).rows[0].id as string;
    const draft = { scores: FULL, comment: null, jurorId: juror.id };
    const before = await Promise.all(CODES.map((c) => versions(assignmentOf[c])));
    const written = await repo.writeDrafts([
      { ...draft, sheetId: await sheetId(CODES[1]), version: 5, basis: c3.basis }, // submitted
      { ...draft, sheetId: c3.sheet.id, version: 3, basis: c3.basis, comment: 'bersama' }, // holds
      { ...draft, sheetId: c0.sheet.id, version: c0.sheet.version, basis: 'not-the-basis' }, // something under the context changed
      { ...draft, sheetId: await sheetId(CODES[2]), version: 3, basis: c3.basis }, // conflict declared
      { ...draft, sheetId: await sheetId(CODES[4]), version: 3, basis: c3.basis }, // assignment removed
    ]);
    expect(written.map((w) => (w ? { version: w.version, comment: w.comment, scores: w.scores } : null))).toEqual([
      null,
      { version: 4, comment: 'bersama', scores: FULL },
      null,
      null,
      null,
    ]);
    const after = await Promise.all(CODES.map((c) => versions(assignmentOf[c])));
    expect(after).toEqual(before.map((n, i) => (i === 3 ? n + 1 : n)));
    const row = (
      await t.db.query(
        `SELECT v.version, v.status, v.saved_by, v.comment FROM score_sheet_versions v WHERE v.sheet_id = $1 ORDER BY v.version DESC LIMIT 1`,
        [c3.sheet.id],
      )
    ).rows[0];
    expect(row).toEqual({ version: 4, status: 'draft', saved_by: juror.id, comment: 'bersama' });
  });

  it('concurrent saves of one version: one is written, the others are 409 with the version that won', async () => {
    const id = assignmentOf[CODES[0]];
    const other = assignmentOf[CODES[3]];
    const current = (await stored(id)).version as number;
    const otherVersion = (await stored(other)).version as number;
    const before = await versions(id);
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, n) => put(id, { scores: { ...FULL, kebaruan: 40 + n }, version: current })),
      put(other, { scores: FULL, version: otherVersion }),
    ]);
    const mine = answers.slice(0, 8);
    expect(mine.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = mine.find((a) => a.status === 200)!;
    expect(winner.body.version).toBe(current + 1);
    for (const lost of mine.filter((a) => a.status === 409))
      expect(lost.body.details).toMatchObject({ expectedVersion: current, currentVersion: current + 1 });
    expect(answers[8].status).toBe(200);
    expect(await versions(id)).toBe(before + 1);
    expect(await stored(id)).toMatchObject({ version: current + 1, scores: winner.body.scores });
  });

  it('a sheet another transaction holds is skipped by a batch, and its save waits for it alone on the locked path', async () => {
    const repo = t.app.get(JudgingRepository);
    const busy = (await repo.draftSaveContext(assignmentOf[CODES[3]], juror.id))!;
    const free = (await repo.draftSaveContext(assignmentOf[CODES[0]], juror.id))!;
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM score_sheets WHERE id = $1 FOR UPDATE`, [busy.sheet.id]);
      const draft = { scores: FULL, comment: null, jurorId: juror.id };
      const written = await repo.writeDrafts([
        { ...draft, sheetId: busy.sheet.id, version: busy.sheet.version, basis: busy.basis },
        { ...draft, sheetId: free.sheet.id, version: free.sheet.version, basis: free.basis },
      ]);
      expect(written.map((w) => w?.version ?? null)).toEqual([null, free.sheet.version + 1]);
      let settled = false;
      const waiting = put(assignmentOf[CODES[3]], { scores: { ...FULL, kebaruan: 33 }, version: busy.sheet.version }).then(
        (r) => ((settled = true), r),
      );
      // The save is on the locked path, blocked by the holder: PostgreSQL shows its backend waiting on our lock.
      const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      await waitFor('the save to wait on the held row lock', async () => {
        const blocked = await t.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))`,
          [holderPid],
        );
        return blocked.rowCount! > 0;
      });
      expect(settled).toBe(false);
      await holder.query('COMMIT');
      const saved = await waiting;
      expect([saved.status, saved.body.version, saved.body.scores.kebaruan]).toEqual([200, busy.sheet.version + 1, 33]);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });

  it('a stage that is no longer open takes no saves', async () => {
    // The first case's sheet, its context kept by a save: the stage is closed under it (as a close would leave it).
    const id = assignmentOf[CODES[0]];
    const current = (await stored(id)).version as number;
    expect((await put(id, { scores: FULL, version: current })).body.version).toBe(current + 1);
    await t.db.query(`UPDATE competition_stages SET status = 'closed' WHERE competition_id = $1 AND key = 'desk_review'`, [cid]);
    const closed = await put(id, { scores: { ...FULL, kebaruan: 11 }, version: current + 1 });
    expect(closed.status).toBe(409);
    expect(await versions(id)).toBe(current + 1);
  });
});
