import { createTestApp, type TestApp } from './support/test-app';
import { bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';

type Item = { id: string; innovationId: string; title: string; stage: string; sheetStatus: string; version: number };

describe('stage pipeline and jury (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let org: string;
  let cid: string;
  let ids: Record<string, string>;
  const jurors: Record<string, string> = {};
  const jurorIds: Record<string, string> = {};
  const values: Record<string, number> = { A: 90, B: 80, C: 80, D: 40, E: 70, F: 60 };
  // English messages (the API answers in Indonesian by default): some cases read the message's details.
  const post = (path: string, token: string, body: object = {}) =>
    t.http().post(path).set(bearer(token)).set('accept-language', 'en').send(body);
  const put = (path: string, token: string, body: object) => t.http().put(path).set(bearer(token)).send(body);
  const get = (path: string, token: string) => t.http().get(path).set(bearer(token));

  /** Every assignment of `juror` in `stage` scored with the value of its innovation, then submitted. */
  async function scoreAll(juror: string, stage: string, value: (title: string) => number) {
    const mine = await get('/api/assignments/mine', jurors[juror]);
    const items: Item[] = mine.body.items.filter((i: Item) => i.stage === stage && i.sheetStatus !== 'submitted');
    for (const item of items) {
      const sheet = await get(`/api/assignments/${item.id}/sheet`, jurors[juror]);
      const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string }) => [c.key, value(item.title)]));
      const saved = await put(`/api/assignments/${item.id}/sheet`, jurors[juror], {
        scores,
        comment: 'Dinilai sesuai rubrik',
        confirmNoConflict: true,
        version: sheet.body.sheet.version,
      });
      expect(saved.status).toBe(200);
      const submitted = await post(`/api/assignments/${item.id}/sheet/submit`, jurors[juror], { version: saved.body.version });
      expect(submitted.status).toBe(200);
    }
    return items.length;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    for (const n of [1, 2, 3, 4, 5]) {
      const s = await login(t, `juror${n}@demo.local`);
      jurors[`j${n}`] = s.accessToken;
      jurorIds[`j${n}`] = s.user.id;
    }
    const c = await openCompetition(t, org, {
      slug: 'pipeline',
      mutate: (plan) => {
        const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
        desk.advance = { type: 'threshold', min: 50 };
        desk.jurorsPerInnovation = 2;
        const pres = plan.stages.find((s: { key: string }) => s.key === 'presentation');
        pres.advance = { type: 'top', n: 1 };
        pres.aggregation = 'zscore';
        // What the verifier checks on the visit (findings), apart from the rubric the stage is scored on.
        plan.stages.find((s: { key: string }) => s.key === 'field_verification').checklist = [
          {
            key: 'armada_beroperasi',
            label: { id: 'Armada beroperasi', en: 'Fleet in operation' },
            guidance: { id: 'Hitung motor pengantar obat yang beroperasi', en: 'Count the delivery motorcycles in use' },
          },
          {
            key: 'register_pasien',
            label: { id: 'Buku register pasien', en: 'Patient register' },
            guidance: { id: 'Cocokkan register dengan laporan', en: 'Match the register with the report' },
          },
        ];
      },
    });
    cid = c.id;
    ids = await seedSubmitted(t, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'A' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'B' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'C' },
      { code: 'DISDUKCAPIL-KOTA-DEPOK', title: 'D' },
      { code: 'BAPPEDA-KAB-BEKASI', title: 'E' },
      { code: 'DINKES-KAB-BOGOR', title: 'F' },
      { code: 'DPMPTSP-KOTA-DEPOK', title: 'G' },
    ]);
  });
  afterAll(async () => t?.close());

  it('refuses an out-of-order transition with 409 naming the current and allowed states', async () => {
    const res = await post(`/api/competitions/${cid}/stages/desk_review/open`, org);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STAGE_ILLEGAL_TRANSITION');
    expect(res.body.message).toContain('scheduled');
    expect(res.body.message).toContain('screening');
  });

  it('closing submission moves everything submitted to screening and starts judging (plan frozen)', async () => {
    const closed = await post(`/api/competitions/${cid}/stages/submission/close`, org);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ stage: 'submission', passed: 7, eliminated: 0 });
    const c = await get(`/api/competitions/${cid}`, org);
    expect(c.body.status).toBe('judging');
    const plan = c.body.plan;
    plan.stages[2].weight = 5;
    const frozen = await t.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ plan });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('COMPETITION_PLAN_FROZEN');
  });

  it('screens one by one and in bulk; a fail eliminates with its reason; undecided refuses the close', async () => {
    expect((await post(`/api/competitions/${cid}/stages/screening/open`, org)).body.pending).toBe(7);
    const noReason = await post(`/api/innovations/${ids.G}/screening`, org, { decision: 'fail' });
    expect(noReason.status).toBe(400);
    const fail = await post(`/api/innovations/${ids.G}/screening`, org, {
      decision: 'fail',
      reason: 'Belum diterapkan satu tahun',
      checklist: { implemented_one_year: false },
    });
    expect(fail.status).toBe(200);
    const early = await post(`/api/competitions/${cid}/stages/screening/close`, org);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STAGE_UNDECIDED');
    expect(early.body.details.undecided).toHaveLength(6);
    const bulk = await post(`/api/competitions/${cid}/screening`, org, {
      decisions: ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => ({ innovationId: ids[k], decision: 'pass' })),
    });
    expect(bulk.body).toEqual({ passed: 6, failed: 0 });
    const closed = await post(`/api/competitions/${cid}/stages/screening/close`, org);
    expect(closed.body).toMatchObject({ passed: 6, eliminated: 0 });
    const g = await t.db.query('SELECT status FROM innovations WHERE id = $1', [ids.G]);
    expect(g.rows[0].status).toBe('eliminated');
    const results = await get(`/api/innovations/${ids.G}/stages`, org);
    expect(results.body.find((r: { stage: string }) => r.stage === 'screening')).toMatchObject({
      status: 'eliminated',
      reason: 'Belum diterapkan satu tahun',
      checklist: { implemented_one_year: false },
    });
  });

  it('a juror without assignments has an empty list, complete', async () => {
    const res = await get('/api/assignments/mine', jurors.j1);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      progress: { total: 0, submitted: 0, draft: 0, notStarted: 0, complete: true },
      items: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
  });

  it('assigns desk review: k per innovation, never in conflict, balanced, and explains itself', async () => {
    const res = await post(`/api/competitions/${cid}/stages/desk_review/assignments`, org, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ k: 2, created: 12, shortfalls: [] });
    const loads = res.body.loads.map((l: { load: number }) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // juror1 is affiliated with Kota Bandung: never on C (Diskominfo Kota Bandung).
    const onC = await t.db.query('SELECT juror_id FROM assignments WHERE innovation_id = $1', [ids.C]);
    expect(onC.rows.map((r: { juror_id: string }) => r.juror_id)).not.toContain(jurorIds.j1);
    expect(res.body.avoidedConflicts).toBeGreaterThanOrEqual(1);
    const again = await post(`/api/competitions/${cid}/stages/desk_review/assignments`, org, {});
    expect(again.body.created).toBe(0);
    const manual = await post(`/api/competitions/${cid}/stages/desk_review/assignments/manual`, org, {
      innovationId: ids.C,
      jurorId: jurorIds.j1,
    });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('JUDGING_CONFLICT');
    const mails = await t.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'juror_assigned' AND channel = 'email'`);
    expect(mails.rows[0].n).toBe(12);
  });

  it('keeps sheets blind, validated, versioned and locked', async () => {
    expect((await post(`/api/competitions/${cid}/stages/desk_review/open`, org)).status).toBe(200);
    const j2 = (await get('/api/assignments/mine', jurors.j2)).body.items as Item[];
    const j3 = (await get('/api/assignments/mine', jurors.j3)).body.items as Item[];
    const mine = j2[0];
    // Another juror's sheet and an unassigned innovation are not found.
    expect((await get(`/api/assignments/${mine.id}/sheet`, jurors.j3)).status).toBe(404);
    const unassigned = Object.values(ids).find((id) => !j3.some((i) => i.innovationId === id) && id !== ids.G)!;
    expect((await get(`/api/innovations/${unassigned}`, jurors.j3)).status).toBe(404);
    const sheet = await get(`/api/assignments/${mine.id}/sheet`, jurors.j2);
    expect(sheet.status).toBe(200);
    expect(sheet.body.rubric.map((c: { key: string }) => c.key)).toEqual([
      'kebaruan',
      'efektivitas',
      'kemanfaatan',
      'replikasi',
      'keberlanjutan',
    ]);
    expect(JSON.stringify(sheet.body)).not.toMatch(/juror\d@demo/);

    const unconfirmed = await put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: { kebaruan: 80 } });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.details.fields[0].field).toBe('confirmNoConflict');
    const range = await put(`/api/assignments/${mine.id}/sheet`, jurors.j2, {
      scores: { kebaruan: 150, novelty: 3 },
      confirmNoConflict: true,
    });
    expect(range.status).toBe(400);
    expect(range.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['scores.kebaruan', 'scores.novelty']);
    const draft = await put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: { kebaruan: 80 }, confirmNoConflict: true });
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
    const missing = await post(`/api/assignments/${mine.id}/sheet/submit`, jurors.j2, { version: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['scores.efektivitas', 'scores.keberlanjutan', 'comment']),
    );

    // Two saves of version 1 at once: one wins, the other is a 409.
    const full = { kebaruan: 80, efektivitas: 80, kemanfaatan: 80, replikasi: 80, keberlanjutan: 80 };
    const [a, b] = await Promise.all([
      put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: full, comment: 'satu', version: 1 }),
      put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: { ...full, kebaruan: 10 }, comment: 'dua', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const submitted = await post(`/api/assignments/${mine.id}/sheet/submit`, jurors.j2, { version: winner.body.version });
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 3 });
    const edit = await put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: full, version: 3 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('JUDGING_SHEET_LOCKED');

    const reopened = await post(`/api/assignments/${mine.id}/sheet/reopen`, org, { reason: 'Nilai kebaruan perlu ditinjau' });
    expect(reopened.body).toMatchObject({ status: 'draft', version: 4 });
    const fixed = await put(`/api/assignments/${mine.id}/sheet`, jurors.j2, { scores: full, comment: 'ditinjau', version: 4 });
    expect(fixed.status).toBe(200);
    const versions = await get(`/api/assignments/${mine.id}/sheet/versions`, org);
    expect(versions.body.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual([
      '1:draft',
      '2:draft',
      '3:submitted',
      '4:reopened',
      '5:draft',
    ]);
    expect(versions.body[3].reason).toBe('Nilai kebaruan perlu ditinjau');
    // Issue 18: the juror hears of the reopened sheet, why, and until when (in their language; the stage label too).
    const told = await t.db.query(
      `SELECT channel, locale, payload FROM outbox_messages WHERE type = 'sheet_reopened' AND payload->>'assignmentId' = $1 ORDER BY channel`,
      [mine.id],
    );
    expect(told.rows.map((r: { channel: string }) => r.channel)).toEqual(['email', 'inbox']);
    expect(told.rows[0].payload).toMatchObject({
      reason: 'Nilai kebaruan perlu ditinjau',
      stage: { id: 'Penilaian proposal', en: expect.any(String) },
      dueAt: expect.any(String),
    });
    // Reset this sheet to the innovation's value when everyone scores below.
    await post(`/api/assignments/${mine.id}/sheet/submit`, jurors.j2, { version: 5 });
    await post(`/api/assignments/${mine.id}/sheet/reopen`, org, { reason: 'seragamkan nilai uji' });
  });

  it('the juror’s list (JSON made by PostgreSQL) reads as the competition, its plan, the innovations and the sheets say', async () => {
    const res = await get('/api/assignments/mine', jurors.j2);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = res.body.items as (Item & Record<string, unknown>)[];
    const competition = (await get(`/api/competitions/${cid}`, org)).body;
    const desk = competition.plan.stages.find((s: { key: string }) => s.key === 'desk_review');
    const sheets = await t.db.query<{ id: string; status: string | null; version: number | null }>(
      `SELECT a.id, s.status, s.version FROM assignments a LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.juror_id = $1 AND a.removed_at IS NULL`,
      [jurorIds.j2],
    );
    expect(items.map((i) => i.id).sort()).toEqual(sheets.rows.map((r) => r.id).sort());
    for (const item of items) {
      const innovation = (await get(`/api/innovations/${item.innovationId}`, org)).body;
      const sheet = sheets.rows.find((r) => r.id === item.id)!;
      expect(item).toEqual({
        id: sheet.id,
        competitionId: cid,
        competitionName: competition.name,
        stage: 'desk_review',
        stageStatus: competition.stages.find((s: { key: string }) => s.key === 'desk_review').status,
        dueAt: desk.closesAt,
        innovationId: innovation.id,
        title: innovation.title,
        category: innovation.category,
        sheetStatus: sheet.status ?? 'not_started',
        version: sheet.version ?? 0,
        correction: false, // an open stage's sheet (a correction is a closed stage's: test/results.e2e-spec.ts)
      });
    }
    // Assigned together, so ordered by title; the previous test left the first one a draft.
    expect(items.map((i) => i.title)).toEqual(items.map((i) => i.title).sort());
    expect(items.map((i) => i.sheetStatus)).toContain('draft');
    expect(items.map((i) => i.sheetStatus)).toContain('not_started');
    const count = (status: string) => items.filter((i) => i.sheetStatus === status).length;
    expect(res.body.progress).toEqual({
      total: items.length,
      submitted: count('submitted'),
      draft: count('draft'),
      notStarted: count('not_started'),
      complete: false,
    });
    expect([res.body.total, res.body.page, res.body.pageSize]).toEqual([items.length, 1, 50]);

    // A page at a time (a national juror has hundreds): the same order, the progress always over all of them.
    expect(items.length).toBeGreaterThanOrEqual(2);
    const pages = [];
    for (let page = 1; page <= items.length; page++) {
      const one = await get(`/api/assignments/mine?page=${page}&pageSize=1`, jurors.j2);
      expect([one.status, one.body.total, one.body.page, one.body.pageSize, one.body.progress]).toEqual([
        200,
        items.length,
        page,
        1,
        res.body.progress,
      ]);
      pages.push(...one.body.items);
    }
    expect(pages).toEqual(items);
    expect((await get(`/api/assignments/mine?page=${items.length + 1}&pageSize=1`, jurors.j2)).body.items).toEqual([]);
    for (const bad of ['pageSize=0', 'pageSize=201', 'page=0', 'page=x']) {
      const refused = await get(`/api/assignments/mine?${bad}`, jurors.j2);
      expect([bad, refused.status, refused.body.details.fields[0].field]).toEqual([bad, 400, bad.split('=')[0]]);
    }
  });

  it('a conflict declared after assignment releases it: off the juror’s list, flagged to the organizer, topped up', async () => {
    // Whoever reviews D declares a conflict with it (D is eliminated later, so the rest of the run is unaffected).
    // One who has not started D's sheet (the previous test scores j2's first assignment, which may be D).
    const onD = await t.db.query(
      `SELECT a.juror_id FROM assignments a LEFT JOIN score_sheets s ON s.assignment_id = a.id WHERE a.innovation_id = $1 AND a.removed_at IS NULL AND s.id IS NULL`,
      [ids.D],
    );
    const jj = Object.keys(jurorIds).find((k) => onD.rows.some((r: { juror_id: string }) => r.juror_id === jurorIds[k]))!;
    const item = ((await get('/api/assignments/mine', jurors[jj])).body.items as Item[]).find((i) => i.innovationId === ids.D)!;
    const sheet = await get(`/api/assignments/${item.id}/sheet`, jurors[jj]);
    const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string }) => [c.key, 50]));
    const saved = await put(`/api/assignments/${item.id}/sheet`, jurors[jj], { scores, comment: 'ok', confirmNoConflict: true });
    expect(saved.body).toMatchObject({ status: 'draft', version: 1 });
    // A bad value on an existing sheet is a 400 naming it, and writes nothing.
    const badValue = await put(`/api/assignments/${item.id}/sheet`, jurors[jj], {
      scores: { ...scores, [sheet.body.rubric[0].key]: -5 },
      version: saved.body.version,
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body.details.fields.map((f: { field: string }) => f.field)).toEqual([`scores.${sheet.body.rubric[0].key}`]);
    const declared = await post(`/api/innovations/${item.innovationId}/conflicts`, jurors[jj], { reason: 'Kerabat pimpinan OPD' });
    expect(declared.status).toBe(201);
    // Issue 18: the assignment leaves the juror's list (its sheet can no longer be saved or submitted) and the
    // organizer is told to reassign it.
    expect(declared.body.released).toEqual([{ assignmentId: item.id, stage: 'desk_review' }]);
    expect(((await get('/api/assignments/mine', jurors[jj])).body.items as Item[]).map((i) => i.id)).not.toContain(item.id);
    const blocked = await post(`/api/assignments/${item.id}/sheet/submit`, jurors[jj], { version: saved.body.version });
    expect(blocked.status).toBe(404);
    const blockedSave = await put(`/api/assignments/${item.id}/sheet`, jurors[jj], { scores, version: saved.body.version });
    expect(blockedSave.status).toBe(404);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM score_sheet_versions v JOIN score_sheets s ON s.id = v.sheet_id WHERE s.assignment_id = $1`,
          [item.id],
        )
      ).rows[0].n,
    ).toBe(1);
    const flagged = await t.db.query(
      `SELECT o.channel, o.payload FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'conflict_declared' AND u.email = 'organizer@demo.local' AND o.competition_id = $1 ORDER BY o.channel`,
      [cid],
    );
    expect(flagged.rows.map((r: { channel: string }) => r.channel)).toEqual(['email', 'inbox']);
    expect(flagged.rows[0].payload).toMatchObject({
      innovation: 'D',
      stage: { id: expect.any(String), en: expect.any(String) },
      reason: 'Kerabat pimpinan OPD',
    });
    expect(
      (await t.db.query(`SELECT after FROM audit_events WHERE action = 'assignment.remove' AND entity_id = $1`, [item.id])).rows,
    ).toEqual([{ after: { needsReassignment: true } }]);
    // The organizer replaces the juror on that innovation (the released assignment is already gone).
    expect((await t.http().delete(`/api/assignments/${item.id}`).set(bearer(org)).send({ reason: 'konflik kepentingan' })).status).toBe(
      404,
    );
    const topUp = await post(`/api/competitions/${cid}/stages/desk_review/assignments`, org, {});
    expect(topUp.body.created).toBe(1);
    const replaced = await t.db.query(
      `SELECT juror_id FROM assignments WHERE innovation_id = $1 AND stage_key = 'desk_review' AND removed_at IS NULL`,
      [item.innovationId],
    );
    expect(replaced.rows.map((r: { juror_id: string }) => r.juror_id)).not.toContain(jurorIds[jj]);
  });

  it('issue 18: moving a deadline needs a reason and moves the scoring reminders with it; a removed assignment keeps none', async () => {
    const reminders = async () =>
      (
        await t.db.query(
          `SELECT o.payload->>'assignmentId' AS a, o.payload->>'dueAt' AS due, o.available_at, o.status, o.note FROM outbox_messages o
            WHERE o.type = 'scoring_reminder' AND o.channel = 'email' AND o.competition_id = $1 AND o.payload->>'assignmentId' IN (SELECT id::text FROM assignments WHERE stage_key = 'desk_review')`,
          [cid],
        )
      ).rows as { a: string; due: string; available_at: Date; status: string; note: string | null }[];
    const active = (
      await t.db.query(`SELECT id FROM assignments WHERE competition_id = $1 AND stage_key = 'desk_review' AND removed_at IS NULL`, [cid])
    ).rows.map((r: { id: string }) => r.id);
    const removed = (
      await t.db.query(`SELECT id FROM assignments WHERE competition_id = $1 AND stage_key = 'desk_review' AND removed_at IS NOT NULL`, [
        cid,
      ])
    ).rows.map((r: { id: string }) => r.id);
    expect(removed.length).toBeGreaterThan(0);
    const c = await get(`/api/competitions/${cid}`, org);
    const plan = c.body.plan;
    const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
    const oldDue = new Date(desk.closesAt);
    const newDue = new Date(oldDue.getTime() + 7 * 86400_000);
    desk.closesAt = newDue.toISOString().replace('Z', '+00:00');
    const noReason = await t.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ plan });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('COMPETITION_REASON_REQUIRED');
    expect(noReason.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const moved = await t
      .http()
      .patch(`/api/competitions/${cid}`)
      .set(bearer(org))
      .send({ plan, reason: 'Perpanjangan penilaian proposal satu minggu' });
    expect(moved.status).toBe(200);

    const rows = await reminders();
    const pending = rows.filter((r) => r.status === 'pending');
    // Exactly 48 h and 2 h before the new deadline for every active assignment, none for the old one or a removed assignment.
    expect(pending.every((r) => new Date(r.due).getTime() === newDue.getTime())).toBe(true);
    expect(new Set(pending.map((r) => r.a))).toEqual(new Set(active));
    for (const a of active)
      expect(
        pending
          .filter((r) => r.a === a)
          .map((r) => newDue.getTime() - r.available_at.getTime())
          .sort((x, y) => x - y),
      ).toEqual([2 * 3600_000, 48 * 3600_000]);
    const old = rows.filter((r) => new Date(r.due).getTime() === oldDue.getTime());
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((r) => r.status === 'sent' && r.note?.startsWith('skipped'))).toBe(true);
    expect(rows.filter((r) => removed.includes(r.a) && r.status === 'pending')).toEqual([]);
  });

  it('issue 18: a later stage’s window moves earlier when the closed stages before it really closed earlier; closed windows are not rewritten', async () => {
    const plan = (await get(`/api/competitions/${cid}`, org)).body.plan;
    const screening = (await t.db.query(`SELECT closed_at FROM competition_stages WHERE competition_id = $1 AND key = 'screening'`, [cid]))
      .rows[0].closed_at as Date;
    // Desk review really opened after the screening closed (today), months before the screening's planned close.
    const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
    desk.opensAt = new Date(screening.getTime() + 1000).toISOString().replace('Z', '+00:00');
    expect(new Date(desk.opensAt).getTime()).toBeLessThan(new Date(plan.stages[1].closesAt).getTime());
    const moved = await t
      .http()
      .patch(`/api/competitions/${cid}`)
      .set(bearer(org))
      .send({ plan, reason: 'Penilaian proposal dimulai setelah seleksi selesai lebih awal' });
    expect(moved.status).toBe(200);
    expect(moved.body.plan.stages[2].opensAt).toBe(desk.opensAt);
    // Before the screening really closed: refused, naming the field.
    const tooEarly = structuredClone(plan);
    tooEarly.stages[2].opensAt = new Date(screening.getTime() - 86400_000).toISOString().replace('Z', '+00:00');
    const refused = await t.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ plan: tooEarly, reason: 'uji' });
    expect([refused.status, refused.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['stages[2].opensAt']]);
    // A closed stage's window stays as it was.
    const rewrite = structuredClone(plan);
    rewrite.stages[1].closesAt = rewrite.stages[1].closesAt.replace('-07-31T', '-07-20T');
    const closed = await t.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ plan: rewrite, reason: 'uji' });
    expect([closed.status, closed.body.code]).toEqual([409, 'COMPETITION_STAGE_CLOSED_WINDOW']);
  });

  it('refuses to close with open sheets (listing them), then closes desk review by threshold', async () => {
    const refused = await post(`/api/competitions/${cid}/stages/desk_review/close`, org);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STAGE_SHEETS_OPEN');
    expect(refused.body.details.open.length).toBeGreaterThan(0);
    const progress = await get(`/api/competitions/${cid}/stages/desk_review/progress`, org);
    expect(progress.body.overall.total).toBe(12);
    let scored = 0;
    for (const j of ['j1', 'j2', 'j3', 'j4', 'j5']) scored += await scoreAll(j, 'desk_review', (title) => values[title]);
    expect(scored).toBeGreaterThan(0);
    const closed = await post(`/api/competitions/${cid}/stages/desk_review/close`, org);
    expect(closed.status).toBe(200);
    const byTitle = Object.fromEntries(closed.body.decisions.map((d: { title: string }) => [d.title, d]));
    expect(Object.keys(byTitle).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(byTitle.D).toMatchObject({ outcome: 'eliminated', score: 40, reason: expect.stringContaining('below threshold 50') });
    for (const k of ['A', 'B', 'C', 'E', 'F']) expect(byTitle[k]).toMatchObject({ outcome: 'passed', score: values[k] });
    const d = await t.db.query('SELECT status, current_stage FROM innovations WHERE id = $1', [ids.D]);
    expect(d.rows[0]).toEqual({ status: 'eliminated', current_stage: 'desk_review' });
    const a = await t.db.query('SELECT current_stage FROM innovations WHERE id = $1', [ids.A]);
    expect(a.rows[0].current_stage).toBe('presentation');
    const calibration = await get(`/api/competitions/${cid}/stages/desk_review/calibration`, org);
    expect(calibration.status).toBe(200);
    expect(calibration.body.jurors.length).toBeGreaterThanOrEqual(4);
  });

  // j2 is lenient on A and B, j4 on C and F, j5 scores E alone (keeps its raw score).
  const presentation: [string, string, number][] = [
    ['A', 'j2', 90],
    ['B', 'j2', 70],
    ['C', 'j4', 90],
    ['F', 'j4', 70],
    ['E', 'j5', 80],
  ];

  it('schedules presentations for assigned jurors only, without overlaps, and keeps the history; the OPD sees its slot', async () => {
    // Assign first, then schedule: a panel is made of the jurors who score the presentation.
    for (const [innovation, juror] of presentation) {
      const res = await post(`/api/competitions/${cid}/stages/presentation/assignments/manual`, org, {
        innovationId: ids[innovation],
        jurorId: jurorIds[juror],
      });
      expect(res.status).toBe(201);
    }
    const slot = (innovation: string, startsAt: string, endsAt: string, panel: string[]) =>
      post(`/api/innovations/${ids[innovation]}/presentation`, org, {
        startsAt,
        endsAt,
        location: 'Ruang Rapat Utama',
        panel: panel.map((j) => jurorIds[j]),
      });
    // Issue 18: a slot in the past or outside the stage's window (8–30 Sep) is refused, naming the field.
    const past = await slot('A', '2020-09-10T09:00:00+07:00', '2020-09-10T09:20:00+07:00', ['j2']);
    expect([past.status, past.body.code, past.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([
      400,
      'SCHEDULE_OUTSIDE_WINDOW',
      ['startsAt'],
    ]);
    const early = await slot('A', '2027-09-01T09:00:00+07:00', '2027-09-01T09:20:00+07:00', ['j2']);
    expect(early.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['startsAt']);
    const late = await slot('A', '2027-09-30T23:50:00+07:00', '2027-10-01T00:10:00+07:00', ['j2']);
    expect([late.status, late.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['endsAt']]);
    // Issue 18: a juror who does not score A at this stage (j4 scores C and F) cannot sit on A's panel.
    const j4 = (await t.db.query('SELECT name FROM users WHERE id = $1', [jurorIds.j4])).rows[0].name as string;
    const stranger = await slot('A', '2027-09-10T09:00:00+07:00', '2027-09-10T09:20:00+07:00', ['j2', 'j4']);
    expect([stranger.status, stranger.body.code, stranger.body.details.jurors]).toEqual([
      409,
      'SCHEDULE_JUROR_NOT_ASSIGNED',
      [{ jurorId: jurorIds.j4, juror: j4 }],
    ]);
    expect(stranger.body.message).toBe(`${j4} is not assigned to score "A" at stage presentation; assign first, then schedule`);
    const inIndonesian = await t
      .http()
      .post(`/api/innovations/${ids.A}/presentation`)
      .set(bearer(org))
      .send({
        startsAt: '2027-09-10T09:00:00+07:00',
        endsAt: '2027-09-10T09:20:00+07:00',
        location: 'Ruang Rapat Utama',
        panel: [jurorIds.j4],
      });
    expect(inIndonesian.body.message).toBe(
      `Belum ditugaskan menilai inovasi ini pada tahap presentation: ${j4}. Tugaskan juri dulu, lalu jadwalkan.`,
    );
    expect((await t.db.query('SELECT count(*)::int AS n FROM presentation_slots WHERE innovation_id = $1', [ids.A])).rows[0].n).toBe(0);
    expect((await slot('A', '2027-09-10T09:00:00+07:00', '2027-09-10T09:20:00+07:00', ['j2'])).status).toBe(201);
    const clash = await slot('B', '2027-09-10T09:10:00+07:00', '2027-09-10T09:30:00+07:00', ['j2']);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SCHEDULE_JUROR_OVERLAP');
    expect(clash.body.details.clashes[0]).toMatchObject({ jurorId: jurorIds.j2, innovation: 'A' });
    expect((await slot('B', '2027-09-10T09:20:00+07:00', '2027-09-10T09:40:00+07:00', ['j2'])).status).toBe(201);
    expect((await slot('A', '2027-09-10T10:00:00+07:00', '2027-09-10T10:20:00+07:00', ['j2'])).status).toBe(201);
    const conflicted = await slot('C', '2027-09-11T09:00:00+07:00', '2027-09-11T09:20:00+07:00', ['j1']);
    expect([conflicted.status, conflicted.body.code]).toEqual([409, 'JUDGING_CONFLICT']);
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const seen = await get(`/api/innovations/${ids.A}/presentation`, rsud);
    expect(seen.body.current).toMatchObject({ location: 'Ruang Rapat Utama', startsAt: '2027-09-10T03:00:00.000Z' });
    expect(seen.body.current.panel).toBeUndefined();
    expect(seen.body.history).toHaveLength(2);
    expect(seen.body.history.every((s: object) => !('panel' in s))).toBe(true);
    expect(JSON.stringify(seen.body)).not.toMatch(new RegExp(`${jurorIds.j2}`));
    // The panel sees its own slot's panel; the organizer sees every panel.
    expect((await get(`/api/innovations/${ids.A}/presentation`, jurors.j2)).body.current.panel).toEqual([jurorIds.j2]);
    expect((await get(`/api/innovations/${ids.A}/presentation`, org)).body.history.map((s: { panel: string[] }) => s.panel)).toEqual([
      [jurorIds.j2],
      [jurorIds.j2],
    ]);
    const notified = await t.db.query(
      `SELECT type FROM outbox_messages WHERE type IN ('presentation_scheduled','presentation_moved') AND channel = 'inbox' AND recipient_id = (SELECT id FROM users WHERE email = 'opd.rsud@demo.local') ORDER BY created_at`,
    );
    expect(notified.rows.map((r: { type: string }) => r.type)).toEqual(['presentation_scheduled', 'presentation_moved']);
  });

  it('closing presentation aggregates with zscore and advances the top 1 per category, ties included', async () => {
    expect((await post(`/api/competitions/${cid}/stages/presentation/open`, org)).status).toBe(200);
    for (const juror of ['j2', 'j4', 'j5']) await scoreAll(juror, 'presentation', (title) => presentation.find((p) => p[0] === title)![2]);
    const closed = await post(`/api/competitions/${cid}/stages/presentation/close`, org);
    expect(closed.status).toBe(200);
    const byTitle = Object.fromEntries(closed.body.decisions.map((d: { title: string }) => [d.title, d]));
    // μS = 80, σS = √80 = 8.94427…: A and C → 88.9443 (a tie at the cut-off: both advance), B and F → 71.0557, E raw 80.
    expect(byTitle.A).toMatchObject({ outcome: 'passed', score: 88.9443, rank: 1 });
    expect(byTitle.C).toMatchObject({ outcome: 'passed', score: 88.9443, rank: 1 });
    expect(byTitle.B).toMatchObject({ outcome: 'eliminated', score: 71.0557, rank: 3, reason: 'rank 3 of 3 in kota, outside the top 1' });
    expect(byTitle.E).toMatchObject({ outcome: 'passed', score: 80 });
    expect(byTitle.F).toMatchObject({ outcome: 'eliminated', score: 71.0557 });
  });

  it('records a field visit: schedule, verifier checklist and findings, photo; the verifier does not score it', async () => {
    const missing = await post(`/api/innovations/${ids.A}/field-visit`, org, { address: 'Jl. Pramuka No. 55, Kota Bekasi' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['verifiers', 'visitAt']);
    const visit = await post(`/api/innovations/${ids.A}/field-visit`, org, {
      visitAt: '2027-10-07T09:00:00+07:00',
      address: 'RSUD dr. Chasbullah Abdulmadjid, Jl. Pramuka No. 55, Kota Bekasi',
      verifiers: [jurorIds.j5],
    });
    expect(visit.status).toBe(201);
    // Issue 18: the visit's checklist is the field stage's plan checklist; the rubric is for the score sheets.
    expect(visit.body.checklist.map((c: { key: string }) => c.key)).toEqual(['armada_beroperasi', 'register_pasien']);
    expect(visit.body.checklist[0]).toMatchObject({
      label: { id: 'Armada beroperasi', en: 'Fleet in operation' },
      guidance: { id: 'Hitung motor pengantar obat yang beroperasi' },
    });
    const rubricKey = await post(`/api/innovations/${ids.A}/field-visit`, jurors.j5, { checklist: [{ key: 'kesesuaian_data', ok: true }] });
    expect(rubricKey.status).toBe(400);
    expect(rubricKey.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['checklist[0].key']);
    // Issue 18: the verifier cannot be assigned by hand to score the field stage of what they verify.
    const verifierScores = await post(`/api/competitions/${cid}/stages/field_verification/assignments/manual`, org, {
      innovationId: ids.A,
      jurorId: jurorIds.j5,
    });
    expect(verifierScores.status).toBe(409);
    expect(verifierScores.body.code).toBe('ASSIGNMENT_FIELD_VERIFIER');
    // The verifier records findings but cannot move the visit; another juror cannot touch it.
    const findings = await post(`/api/innovations/${ids.A}/field-visit`, jurors.j5, {
      checklist: [{ key: 'armada_beroperasi', ok: true, note: '12 motor sesuai buku register' }],
      findings: '12 motor beroperasi; pasien lansia terlayani.',
    });
    expect(findings.status).toBe(201);
    expect(findings.body.checklist).toEqual([
      expect.objectContaining({ key: 'armada_beroperasi', ok: true, note: '12 motor sesuai buku register' }),
      expect.objectContaining({ key: 'register_pasien', ok: null }),
    ]);
    expect(findings.body).toMatchObject({ recordedBy: jurorIds.j5, findings: '12 motor beroperasi; pasien lansia terlayani.' });
    expect((await post(`/api/innovations/${ids.A}/field-visit`, jurors.j5, { visitAt: '2027-10-08T09:00:00+07:00' })).status).toBe(403);
    // A juror with no assignment on A does not even see it; one assigned to it (a reader) may not record.
    const assignedToA = (
      await t.db.query(`SELECT DISTINCT juror_id FROM assignments WHERE innovation_id = $1 AND removed_at IS NULL`, [ids.A])
    ).rows.map((r: { juror_id: string }) => r.juror_id);
    const stranger = ['j1', 'j2', 'j3', 'j4'].find((j) => !assignedToA.includes(jurorIds[j]) && !['j2', 'j4'].includes(j));
    const reader = ['j1', 'j2', 'j3', 'j4'].find((j) => assignedToA.includes(jurorIds[j]));
    if (stranger) expect((await post(`/api/innovations/${ids.A}/field-visit`, jurors[stranger], { findings: 'x' })).status).toBe(404);
    expect((await post(`/api/innovations/${ids.A}/field-visit`, jurors[reader!], { findings: 'x' })).status).toBe(403);
    const bad = await post(`/api/innovations/${ids.A}/field-visit`, org, { checklist: [{ key: 'nope', ok: true }] });
    expect(bad.status).toBe(400);
    const photo = await t
      .http()
      .post(`/api/innovations/${ids.A}/field-visit/photos`)
      .set(bearer(jurors.j5))
      .attach('file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), { filename: 'motor-sitaro.jpg', contentType: 'image/jpeg' });
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ kind: 'field_photo', mediaType: 'image/jpeg' });
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const seen = await get(`/api/innovations/${ids.A}/field-visit`, rsud);
    expect(seen.body.current).toMatchObject({ address: expect.stringContaining('Pramuka') });
    expect(seen.body.photos).toHaveLength(1);
    const moved = await post(`/api/innovations/${ids.A}/field-visit`, org, { visitAt: '2027-10-09T09:00:00+07:00' });
    expect(moved.body.findings).toBe('12 motor beroperasi; pasien lansia terlayani.');
    const full = await get(`/api/innovations/${ids.A}/field-visit`, org);
    expect(full.body.history).toHaveLength(2);
    expect(full.body.current).toMatchObject({ verifiers: [jurorIds.j5], recordedBy: expect.any(String) });
    expect(full.body.history.map((v: { verifiers: string[] }) => v.verifiers)).toEqual([[jurorIds.j5], [jurorIds.j5]]);

    // Blind judging: the OPD (and its region's coordinator, and a juror merely reading the dossier) learn the
    // visit's time, place, checklist and findings, never which jurors verify it; the verifier sees their own visit.
    const coordinator = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    for (const token of [rsud, coordinator, jurors[reader!]]) {
      const view = await get(`/api/innovations/${ids.A}/field-visit`, token);
      expect(view.status).toBe(200);
      expect(view.body.current).toMatchObject({
        address: expect.stringContaining('Pramuka'),
        findings: '12 motor beroperasi; pasien lansia terlayani.',
      });
      for (const v of [view.body.current, ...view.body.history]) {
        expect(v).not.toHaveProperty('verifiers');
        expect(v).not.toHaveProperty('recordedBy');
      }
      expect(JSON.stringify(view.body)).not.toContain(jurorIds.j5);
    }
    const own = await get(`/api/innovations/${ids.A}/field-visit`, jurors.j5);
    expect(own.body.current).toMatchObject({ verifiers: [jurorIds.j5] });

    const assigned = await post(`/api/competitions/${cid}/stages/field_verification/assignments`, org, { k: 1 });
    expect(assigned.status).toBe(201);
    const onA = await t.db.query(
      `SELECT juror_id FROM assignments WHERE innovation_id = $1 AND stage_key = 'field_verification' AND removed_at IS NULL`,
      [ids.A],
    );
    expect(onA.rows).toHaveLength(1);
    expect(onA.rows[0].juror_id).not.toBe(jurorIds.j5);
  });

  it('forces a close with a reason, and the OPD reads its history', async () => {
    expect((await post(`/api/competitions/${cid}/stages/field_verification/open`, org)).status).toBe(200);
    const noReason = await post(`/api/competitions/${cid}/stages/field_verification/close`, org, { force: true });
    expect(noReason.status).toBe(400);
    const forced = await post(`/api/competitions/${cid}/stages/field_verification/close`, org, {
      force: true,
      reason: 'Verifikasi lapangan dibatalkan karena banjir',
    });
    expect(forced.status).toBe(200);
    expect(forced.body.forced).toBe(true);
    const audit = await t.db.query(`SELECT reason FROM audit_events WHERE action = 'stage.close_forced'`);
    expect(audit.rows[0].reason).toBe('Verifikasi lapangan dibatalkan karena banjir');

    const opd = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    const history = await get(`/api/innovations/${ids.B}/history`, opd);
    expect(history.body.map((h: { to: string; stage: string | null }) => `${h.to}@${h.stage ?? '-'}`)).toEqual([
      'passed@submission',
      'passed@screening',
      'passed@desk_review',
      'eliminated@presentation',
    ]);
    // Issue 18: reasons the system wrote come as a code and parameters, rendered in the request's language.
    expect(history.body.map((h: { reason: string }) => h.reason)).toEqual([
      'diajukan sebelum batas waktu',
      'lolos pemeriksaan administrasi',
      'nilai 80 memenuhi ambang 50 (peringkat 2 dari 4 di kota)',
      'peringkat 3 dari 3 di kota, di luar 1 besar',
    ]);
    expect(history.body[3]).toMatchObject({
      reasonCode: 'CUTOFF_TOP_OUTSIDE',
      reasonParams: { rank: 3, count: 3, category: 'kota', n: 1 },
    });
    const inEnglish = await t.http().get(`/api/innovations/${ids.B}/history`).set(bearer(opd)).set('accept-language', 'en');
    expect(inEnglish.body.map((h: { reason: string }) => h.reason)).toEqual([
      'submitted before the deadline',
      'administrative screening passed',
      'score 80 meets threshold 50 (rank 2 of 4 in kota)',
      'rank 3 of 3 in kota, outside the top 1',
    ]);
    const presentationOf = async (lang?: string) => {
      const req = t.http().get(`/api/innovations/${ids.B}/stages`).set(bearer(opd));
      return (await (lang ? req.set('accept-language', lang) : req)).body.find((s: { stage: string }) => s.stage === 'presentation');
    };
    expect(await presentationOf()).toMatchObject({
      status: 'eliminated',
      score: null,
      reason: 'peringkat 3 dari 3 di kota, di luar 1 besar',
      reasonCode: 'CUTOFF_TOP_OUTSIDE',
      reasonParams: { rank: 3, count: 3, category: 'kota', n: 1 },
    });
    expect(await presentationOf('en')).toMatchObject({ reason: 'rank 3 of 3 in kota, outside the top 1' });
    // A row written before codes existed keeps its English text; a person's reason is shown as written.
    await t.db.query(
      `UPDATE stage_results SET reason_code = NULL, reason_params = NULL WHERE innovation_id = $1 AND stage_key = 'presentation'`,
      [ids.B],
    );
    expect(await presentationOf()).toMatchObject({
      reason: 'rank 3 of 3 in kota, outside the top 1',
      reasonCode: null,
      reasonParams: null,
    });
    const g = await get(`/api/innovations/${ids.G}/stages`, org);
    expect(g.body.find((r: { stage: string }) => r.stage === 'screening')).toMatchObject({
      reason: 'Belum diterapkan satu tahun',
      reasonCode: null,
    });
    const otherOpd = await get(`/api/innovations/${ids.A}/history`, opd);
    expect(otherOpd.status).toBe(404);
  });

  it('two organizers closing the same stage: one wins, the other gets 409', async () => {
    const c = await openCompetition(t, org, { slug: 'race' });
    await seedSubmitted(t, c.id, [{ code: 'RSUD-KOTA-BEKASI', title: 'R1' }]);
    const [x, y] = await Promise.all([
      post(`/api/competitions/${c.id}/stages/submission/close`, org),
      post(`/api/competitions/${c.id}/stages/submission/close`, org),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM stage_results WHERE competition_id = $1`, [c.id]);
    expect(rows.rows[0].n).toBe(1);
  });
});
