import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCsv, readPdf, readXlsx } from './support/documents';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { copyStreamedSnapshot } from '@app/database';
import { createPublishedSnapshot } from '@app/scoring';
import { JudgingRepository } from '@app/judging';
import { PUBLISH_PHASES, ResultsService } from '@app/results';
import { createTestApp, type TestApp } from './support/test-app';
import { cli } from './support/cli';
import { bearer, judgeWithDemoJury, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';

describe('results: preview, objections, immutable snapshots, public reads (e2e)', () => {
  let t: TestApp;
  let org: string;
  let cid: string;
  let ids: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshots-'));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t, { judged: true });
    org = (await login(t, 'organizer@demo.local')).accessToken;
    cid = (await openCompetition(t, org, { slug: 'hasil' })).id;
    ids = await seedSubmitted(t, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro 2027' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap 2027' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana 2027' },
      { code: 'BAPPEDA-KAB-BEKASI', title: 'e-Musrenbang 2027' },
      { code: 'DINKES-KAB-BOGOR', title: 'Bogor Bebas TBC 2027' },
    ]);
    await judgeWithDemoJury(t, cid, ids);
  });
  afterAll(async () => t?.close());

  it('the demo edition is published and listed publicly without an account', async () => {
    const list = await t.http().get('/api/public/competitions');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toContain('public');
    const demo = list.body.find((c: { slug: string }) => c.slug === 'iga-2024-demo');
    expect(demo).toMatchObject({ status: 'published', version: 1 });
    const rankings = await t.http().get('/api/public/competitions/iga-2024-demo/rankings');
    expect(rankings.status).toBe(200);
    const kota = rankings.body.categories.kota;
    expect(kota.length).toBeGreaterThan(3);
    expect(kota.map((r: { title: string }) => r.title)).toContain('SiTaro (Siap Antar Obat)');
    expect(JSON.stringify(rankings.body)).not.toMatch(/juror\d@demo|Prof\. Dr\. Rina/);
  });

  it('previews with explanations and a what-if aggregation, raw vs normalised side by side', async () => {
    const preview = await t.http().get(`/api/competitions/${cid}/rankings/preview`).set(bearer(org));
    expect(preview.status).toBe(200);
    const rows = [...preview.body.categories.kota, ...preview.body.categories.kabupaten];
    expect(rows).toHaveLength(5);
    expect(rows[0].explanation.stages.find((s: { stage: string }) => s.stage === 'presentation').sheets.length).toBeGreaterThan(0);
    const z = await t.http().get(`/api/competitions/${cid}/rankings/preview?aggregation=zscore`).set(bearer(org));
    expect(z.body.aggregation).toBe('zscore');
    expect(z.body.categories.kota.every((r: { rawRank: number | null }) => typeof r.rawRank === 'number')).toBe(true);
    expect((await t.http().get(`/api/competitions/${cid}/rankings/preview?aggregation=best`).set(bearer(org))).status).toBe(400);
    const opd = (await login(t, 'opd.rsud@demo.local')).accessToken;
    expect((await t.http().get(`/api/competitions/${cid}/rankings/preview`).set(bearer(opd))).status).toBe(403);
  });

  it('objection window: one objection per innovation, answered before publication', async () => {
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const tooEarly = await t
      .http()
      .post(`/api/innovations/${ids['SiTaro 2027']}/objections`)
      .set(bearer(rsud))
      .send({ reason: 'Mohon ditinjau' });
    expect(tooEarly.status).toBe(409);
    const announced = await t.http().post(`/api/competitions/${cid}/rankings/announce`).set(bearer(org)).send({ days: 5 });
    expect(announced.status).toBe(201);
    expect(new Date(announced.body.closesAt).getTime() - new Date(announced.body.opensAt).getTime()).toBe(5 * 86400_000);
    const filed = await t
      .http()
      .post(`/api/innovations/${ids['SiTaro 2027']}/objections`)
      .set(bearer(rsud))
      .send({ reason: 'Nilai lapangan tidak memuat data armada baru' });
    expect(filed.status).toBe(201);
    expect(
      (await t.http().post(`/api/innovations/${ids['SiTaro 2027']}/objections`).set(bearer(rsud)).send({ reason: 'lagi' })).status,
    ).toBe(409);
    expect(
      (await t.http().post(`/api/innovations/${ids['Sadayana 2027']}/objections`).set(bearer(rsud)).send({ reason: 'bukan milik kami' }))
        .status,
    ).toBe(404);

    const windowOpen = await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({});
    expect(windowOpen.status).toBe(409);
    expect(windowOpen.body.code).toBe('RESULTS_OBJECTION_WINDOW_OPEN');
    // Let the window end (as five days would).
    await t.db.query(`UPDATE ranking_announcements SET closes_at = now() - interval '1 minute' WHERE competition_id = $1`, [cid]);
    const unanswered = await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({});
    expect(unanswered.status).toBe(409);
    expect(unanswered.body.code).toBe('RESULTS_OBJECTIONS_UNANSWERED');
    const answered = await t
      .http()
      .post(`/api/objections/${filed.body.id}/answer`)
      .set(bearer(org))
      .send({ answer: 'Data armada baru sudah dinilai pada verifikasi lapangan.', decision: 'rejected' });
    expect(answered.status).toBe(200);
    const seen = await t.http().get(`/api/innovations/${ids['SiTaro 2027']}/objections`).set(bearer(rsud));
    expect(seen.body[0]).toMatchObject({ decision: 'rejected', answer: expect.stringContaining('armada') });
    // Objections are between the OPD and the organizers: a juror assigned to the innovation reads its dossier, not them.
    const [assigned] = (
      await t.db.query(
        `SELECT DISTINCT u.email FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.innovation_id = $1 AND a.removed_at IS NULL`,
        [ids['SiTaro 2027']],
      )
    ).rows;
    const juror = (await login(t, assigned.email)).accessToken;
    expect((await t.http().get(`/api/innovations/${ids['SiTaro 2027']}`).set(bearer(juror))).status).toBe(200);
    const hidden = await t.http().get(`/api/innovations/${ids['SiTaro 2027']}/objections`).set(bearer(juror));
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, code: 'INNOVATION_NOT_FOUND' });
    expect(JSON.stringify(hidden.body)).not.toContain('armada');
  });

  it('issue 18: publication needs the plan’s objection window announced and run out, an answer is final, an upheld objection reopens the sheets and the correction is published (time through the Clock)', async () => {
    const c = await openCompetition(t, org, { slug: 'sanggah' });
    const ents = await seedSubmitted(t, c.id, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro Sanggah' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Sanggah' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana Sanggah' },
    ]);
    await judgeWithDemoJury(t, c.id, ents);
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const disdukcapil = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    const publish = (body: object = {}) => t.http().post(`/api/competitions/${c.id}/rankings/publish`).set(bearer(org)).send(body);
    const clock = t.app.get(Clock);
    const start = new Date();
    const at = (ms: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + ms));
    try {
      // The plan has a 5-day window: no publication without an announcement, no announcement shorter than it.
      const skipped = await publish();
      expect(skipped.status).toBe(409);
      expect(skipped.body.code).toBe('RESULTS_NOT_ANNOUNCED');
      const cut = await t.http().post(`/api/competitions/${c.id}/rankings/announce`).set(bearer(org)).send({ days: 0 });
      expect(cut.status).toBe(400);
      expect(cut.body.code).toBe('RESULTS_WINDOW_TOO_SHORT');
      expect(cut.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['days']);

      at(0);
      const announced = await t.http().post(`/api/competitions/${c.id}/rankings/announce`).set(bearer(org)).send({});
      expect(announced.status).toBe(201);
      expect(announced.body.days).toBe(5);
      expect(new Date(announced.body.closesAt).getTime()).toBe(start.getTime() + 5 * 86400_000);
      const told = await t.db.query(
        `SELECT DISTINCT u.email, o.channel FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'results_announced' AND o.competition_id = $1 ORDER BY 1, 2`,
        [c.id],
      );
      expect(told.rows).toEqual(
        expect.arrayContaining([
          { email: 'opd.rsud@demo.local', channel: 'email' },
          { email: 'opd.rsud@demo.local', channel: 'inbox' },
          { email: 'opd.disdukcapil@demo.local', channel: 'email' },
        ]),
      );
      const filed = await t
        .http()
        .post(`/api/innovations/${ents['SiTaro Sanggah']}/objections`)
        .set(bearer(rsud))
        .send({ reason: 'Armada baru belum dinilai saat verifikasi lapangan' });
      expect(filed.status).toBe(201);

      at(5 * 86400_000 - 60_000);
      expect((await publish()).body.code).toBe('RESULTS_OBJECTION_WINDOW_OPEN');
      at(5 * 86400_000 + 60_000);
      expect(
        (
          await t
            .http()
            .post(`/api/innovations/${ents['Patriot Sanggah']}/objections`)
            .set(bearer(disdukcapil))
            .send({ reason: 'terlambat' })
        ).body.code,
      ).toBe('OBJECTION_WINDOW_CLOSED');
      expect((await publish()).body.code).toBe('RESULTS_OBJECTIONS_UNANSWERED');

      const upheld = await t
        .http()
        .post(`/api/objections/${filed.body.id}/answer`)
        .set(bearer(org))
        .send({ answer: 'Dikabulkan: verifikasi lapangan dinilai ulang.', decision: 'upheld' });
      expect(upheld.status).toBe(200);
      const again = await t
        .http()
        .post(`/api/objections/${filed.body.id}/answer`)
        .set(bearer(org))
        .send({ answer: 'Berubah pikiran', decision: 'rejected' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('OBJECTION_ALREADY_ANSWERED');
      expect((await t.db.query(`SELECT decision FROM objections WHERE id = $1`, [filed.body.id])).rows[0].decision).toBe('upheld');
      const answerMail = await t.db.query(
        `SELECT o.channel, o.payload FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'objection_answered' AND u.email = 'opd.rsud@demo.local' AND o.competition_id = $1 ORDER BY o.channel`,
        [c.id],
      );
      expect(answerMail.rows.map((r: { channel: string }) => r.channel)).toEqual(['email', 'inbox']);
      expect(answerMail.rows[0].payload).toMatchObject({ decision: 'upheld', innovation: 'SiTaro Sanggah' });

      // The organizer reopens the field stage's sheets of SiTaro; its jurors hear it; publication waits for them.
      expect(
        (await t.http().post(`/api/objections/${filed.body.id}/reopen`).set(bearer(org)).send({ stage: 'field_verification' })).status,
      ).toBe(400);
      const reopened = await t
        .http()
        .post(`/api/objections/${filed.body.id}/reopen`)
        .set(bearer(org))
        .send({ stage: 'field_verification', reason: 'Sanggahan dikabulkan: armada baru' });
      expect(reopened.status).toBe(200);
      const sheets = await t.db.query(
        `SELECT a.id, u.email, s.status, s.version FROM assignments a JOIN users u ON u.id = a.juror_id JOIN score_sheets s ON s.assignment_id = a.id
          WHERE a.innovation_id = $1 AND a.stage_key = 'field_verification' AND a.removed_at IS NULL ORDER BY a.id`,
        [ents['SiTaro Sanggah']],
      );
      expect(reopened.body.reopened).toBe(sheets.rows.length);
      expect(sheets.rows.every((r: { status: string }) => r.status === 'draft')).toBe(true);
      const notified = await t.db.query(
        `SELECT DISTINCT u.email FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'sheet_reopened' AND o.payload->>'assignmentId' = ANY($1)`,
        [sheets.rows.map((r: { id: string }) => r.id)],
      );
      expect(notified.rows.map((r: { email: string }) => r.email).sort()).toEqual(
        sheets.rows.map((r: { email: string }) => r.email).sort(),
      );
      expect(
        (await t.db.query(`SELECT reason FROM audit_events WHERE action = 'objection.reopen' AND entity_id = $1`, [filed.body.id])).rows,
      ).toEqual([{ reason: 'Sanggahan dikabulkan: armada baru' }]);
      const waiting = await publish();
      expect(waiting.status).toBe(409);
      expect(waiting.body.code).toBe('RESULTS_CORRECTION_OPEN');

      // Each juror corrects the sheet (its stage stays closed) and submits it again.
      for (const row of sheets.rows) {
        const token = (await login(t, row.email)).accessToken;
        const sheet = await t.http().get(`/api/assignments/${row.id}/sheet`).set(bearer(token));
        const top = Object.fromEntries(sheet.body.rubric.map((cr: { key: string; max: number }) => [cr.key, cr.max]));
        const saved = await t
          .http()
          .put(`/api/assignments/${row.id}/sheet`)
          .set(bearer(token))
          .send({ scores: top, comment: 'Dinilai ulang setelah sanggahan', version: sheet.body.sheet.version });
        expect(saved.status).toBe(200);
        expect(
          (await t.http().post(`/api/assignments/${row.id}/sheet/submit`).set(bearer(token)).send({ version: saved.body.version })).status,
        ).toBe(200);
      }
      const published = await publish();
      expect(published.status).toBe(201);
      const snap = await t.http().get(`/api/public/rankings/${published.body.id}`);
      const row = Object.values(snap.body.output.categories as Record<string, { submission: string; stages: Record<string, number> }[]>)
        .flat()
        .find((r) => r.submission === ents['SiTaro Sanggah'])!;
      expect(row.stages.field_verification).toBe(100);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('issue 18: an upheld objection reopens a failed screening decision; the screener decides again and the correction is published', async () => {
    // z-scores: the late entrant's sheets move every juror's statistics, so the others' stage scores move too.
    const c = await openCompetition(t, org, {
      slug: 'sanggah-seleksi',
      mutate: (plan) => {
        for (const s of plan.stages) if (s.rubric?.length) s.aggregation = 'zscore';
      },
    });
    const ents = await seedSubmitted(t, c.id, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro Seleksi' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Seleksi' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana Seleksi' },
    ]);
    const sitaro = ents['SiTaro Seleksi'];
    await judgeWithDemoJury(t, c.id, ents, { fail: { 'SiTaro Seleksi': 'SK penerapan inovasi tidak dilampirkan' } });
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const post = (path: string, token: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);
    const publish = () => post(`/api/competitions/${c.id}/rankings/publish`, org);
    const screeningOf = async () =>
      (await t.http().get(`/api/innovations/${sitaro}/stages`).set(bearer(rsud))).body.find(
        (r: { stage: string }) => r.stage === 'screening',
      );
    expect(await screeningOf()).toMatchObject({ status: 'eliminated', reason: 'SK penerapan inovasi tidak dilampirkan' });
    const clock = t.app.get(Clock);
    const start = new Date();
    const at = (ms: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + ms));
    try {
      at(0);
      expect((await post(`/api/competitions/${c.id}/rankings/announce`, org)).status).toBe(201);
      const filed = await post(`/api/innovations/${sitaro}/objections`, rsud, {
        reason: 'SK penerapan ada di lampiran 3 dokumen pendukung',
      });
      expect(filed.status).toBe(201);
      expect(
        (
          await post(`/api/objections/${filed.body.id}/answer`, org, {
            answer: 'Dikabulkan: SK ditemukan di lampiran 3.',
            decision: 'upheld',
          })
        ).status,
      ).toBe(200);

      // The organizer reopens the screening decision with a reason; the OPD and the organizers hear it.
      expect((await post(`/api/objections/${filed.body.id}/reopen`, org, { stage: 'screening' })).status).toBe(400);
      const reopened = await post(`/api/objections/${filed.body.id}/reopen`, org, {
        stage: 'screening',
        reason: 'SK penerapan ditemukan di lampiran 3',
      });
      expect([reopened.status, reopened.body]).toEqual([
        200,
        { objectionId: filed.body.id, innovationId: sitaro, stage: 'screening', reopened: 1 },
      ]);
      const twice = await post(`/api/objections/${filed.body.id}/reopen`, org, { stage: 'screening', reason: 'lagi' });
      expect([twice.status, twice.body.code]).toEqual([409, 'OBJECTION_NOTHING_TO_REOPEN']);
      expect(await screeningOf()).toMatchObject({ status: 'pending' });
      const waitingFor = async () =>
        (await t.http().get(`/api/competitions/${c.id}/objections`).set(bearer(org))).body.objections.find(
          (x: { id: string }) => x.id === filed.body.id,
        ).corrections;
      expect(await waitingFor()).toEqual([{ stage: 'screening', kind: 'screening', open: 1 }]);
      expect(
        (await t.db.query(`SELECT status, correction_of FROM stage_results WHERE innovation_id = $1 AND stage_key = 'screening'`, [sitaro]))
          .rows,
      ).toEqual([{ status: 'pending', correction_of: filed.body.id }]);
      const audited = await t.db.query(
        `SELECT action, reason, before FROM audit_events WHERE action IN ('objection.reopen', 'screening.reopen') AND competition_id = $1 ORDER BY action`,
        [c.id],
      );
      expect(audited.rows).toEqual([
        { action: 'objection.reopen', reason: 'SK penerapan ditemukan di lampiran 3', before: null },
        {
          action: 'screening.reopen',
          reason: 'SK penerapan ditemukan di lampiran 3',
          before: { status: 'eliminated', reason: 'SK penerapan inovasi tidak dilampirkan' },
        },
      ]);
      const told = await t.db.query(
        `SELECT DISTINCT u.email, o.channel FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'screening_reopened' AND o.competition_id = $1 ORDER BY 1, 2`,
        [c.id],
      );
      expect(told.rows).toEqual(
        expect.arrayContaining([
          { email: 'opd.rsud@demo.local', channel: 'email' },
          { email: 'opd.rsud@demo.local', channel: 'inbox' },
          { email: 'organizer@demo.local', channel: 'inbox' },
        ]),
      );
      expect(told.rows.map((r: { email: string }) => r.email)).not.toContain('opd.disdukcapil@demo.local');

      // The window runs out; publication waits for the new decision.
      at(5 * 86400_000 + 60_000);
      const waiting = await publish();
      expect([waiting.status, waiting.body.code]).toEqual([409, 'RESULTS_CORRECTION_OPEN']);
      // Only the reopened decision is taken again after the stage closed.
      const other = await post(`/api/innovations/${ents['Patriot Seleksi']}/screening`, org, { decision: 'fail', reason: 'coba' });
      expect([other.status, other.body.code]).toEqual([409, 'SCREENING_NOT_OPEN']);
      const decided = await post(`/api/innovations/${sitaro}/screening`, org, {
        decision: 'pass',
        reason: 'SK penerapan terlampir (lampiran 3)',
      });
      expect(decided.status).toBe(200);
      expect(await screeningOf()).toMatchObject({ status: 'passed', reason: 'SK penerapan terlampir (lampiran 3)' });
      expect(
        (
          await t.db.query(
            `SELECT i.status, i.current_stage, r.correction_of FROM innovations i JOIN stage_results r ON r.innovation_id = i.id AND r.stage_key = 'screening' WHERE i.id = $1`,
            [sitaro],
          )
        ).rows,
      ).toEqual([{ status: 'submitted', current_stage: 'desk_review', correction_of: null }]);
      const result = await t.db.query(
        `SELECT payload FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'screening_result' AND u.email = 'opd.rsud@demo.local' AND o.channel = 'inbox' AND o.competition_id = $1 ORDER BY o.created_at DESC LIMIT 1`,
        [c.id],
      );
      expect(result.rows[0].payload).toMatchObject({ innovationId: sitaro });

      // Reinstated after the later stages closed, it is judged there late, stage by stage; publication waits.
      const entrant = async (stage: string) =>
        (await t.db.query(`SELECT status, correction_of FROM stage_results WHERE innovation_id = $1 AND stage_key = $2`, [sitaro, stage]))
          .rows;
      expect(await entrant('desk_review')).toEqual([{ status: 'pending', correction_of: filed.body.id }]);
      expect(await waitingFor()).toEqual([{ stage: 'desk_review', kind: 'entrant', open: 1 }]);
      const stillWaiting = await publish();
      expect([stillWaiting.status, stillWaiting.body.code]).toEqual([409, 'RESULTS_CORRECTION_OPEN']);
      const settle = (stage: string) => post(`/api/objections/${filed.body.id}/settle`, org, { stage });
      const notYet = await settle('presentation');
      expect([notYet.status, notYet.body.code, notYet.body.params]).toEqual([
        409,
        'OBJECTION_NOTHING_TO_SETTLE',
        { stage: 'presentation' },
      ]);
      const unscored = await settle('desk_review');
      expect([unscored.status, unscored.body.code]).toEqual([409, 'CORRECTION_NOT_SCORED']);
      // Only the entrant is assigned in a closed stage; the stage's own record stays as it closed.
      const jurors: { id: string; email: string }[] = (
        await t.db.query(`SELECT id, email FROM users WHERE email LIKE 'juror%@demo.local' ORDER BY email`)
      ).rows;
      const assign = (stage: string, innovationId: string, jurorId: string) =>
        post(`/api/competitions/${c.id}/stages/${stage}/assignments/manual`, org, { jurorId, innovationId });
      const closedForOthers = await assign('desk_review', ents['Patriot Seleksi'], jurors[0].id);
      expect([closedForOthers.status, closedForOthers.body.code]).toEqual([409, 'ASSIGNMENT_NOT_IN_STAGE']);
      const plan = (await t.http().get(`/api/competitions/${c.id}`).set(bearer(org))).body.plan;
      for (const stage of ['desk_review', 'presentation', 'field_verification']) {
        const rubric: { key: string; max: number }[] = plan.stages.find((st: { key: string }) => st.key === stage).rubric;
        const panel: { assignmentId: string; token: string }[] = [];
        for (const j of jurors) {
          if (panel.length === 2) break;
          const added = await assign(stage, sitaro, j.id);
          if (added.status === 409 && added.body.code === 'JUDGING_CONFLICT') continue;
          expect([stage, added.status]).toEqual([stage, 201]);
          panel.push({ assignmentId: added.body.id, token: (await login(t, j.email)).accessToken });
        }
        // The jurors hear of it and score although the stage is closed.
        const heard = await t.db.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'juror_assigned' AND competition_id = $1 AND recipient_id = ANY($2::uuid[]) AND payload::text LIKE '%SiTaro Seleksi%'`,
          [c.id, jurors.map((j) => j.id)],
        );
        expect(heard.rows[0].n).toBeGreaterThanOrEqual(panel.length);
        // The juror's list says so too (with the to-do, before the closed stages' other sheets) until it is settled.
        const listed = async (p: { assignmentId: string; token: string }) => {
          const mine = await t.http().get('/api/assignments/mine?pageSize=200').set(bearer(p.token));
          const items: { id: string; stageStatus: string; correction: boolean; sheetStatus: string }[] = mine.body.items;
          const at = items.findIndex((x) => x.id === p.assignmentId);
          const done = items.findIndex((x) => x.stageStatus !== 'open' && !(x.correction && x.sheetStatus !== 'submitted'));
          return { todo: at < done || done === -1, correction: items[at].correction, stageStatus: items[at].stageStatus };
        };
        for (const [i, p] of panel.entries()) {
          const sheet = await t.http().get(`/api/assignments/${p.assignmentId}/sheet`).set(bearer(p.token));
          expect([stage, sheet.body.assignment.stageStatus, sheet.body.assignment.correction]).toEqual([stage, 'closed', true]);
          expect([stage, await listed(p)]).toEqual([stage, { todo: true, correction: true, stageStatus: 'closed' }]);
          const saved = await t
            .http()
            .put(`/api/assignments/${p.assignmentId}/sheet`)
            .set(bearer(p.token))
            .send({
              scores: Object.fromEntries(rubric.map((r) => [r.key, r.max])),
              comment: 'Dinilai ulang setelah sanggahan dikabulkan.',
              confirmNoConflict: true,
              version: 0,
            });
          expect([stage, saved.status]).toEqual([stage, 200]);
          if (i === 0) {
            // One sheet still a draft: the stage is not settled yet.
            const open = await settle(stage);
            expect([open.status, open.body.code]).toEqual([409, 'CORRECTION_SHEETS_OPEN']);
          }
          const sent = await post(`/api/assignments/${p.assignmentId}/sheet/submit`, p.token, { version: saved.body.version });
          expect([stage, sent.status]).toEqual([stage, 200]);
        }
        expect((await listed(panel[0])).correction).toBe(true); // submitted, not settled yet (the list is kept)
        const settled = await settle(stage);
        expect([stage, (await listed(panel[0])).correction]).toEqual([stage, false]);
        expect([settled.status, settled.body.outcome, settled.body.next]).toEqual([
          200,
          'passed',
          stage === 'field_verification' ? null : stage === 'desk_review' ? 'presentation' : 'field_verification',
        ]);
        expect(settled.body.score).toBeGreaterThan(0);
        expect(await entrant(stage)).toEqual([{ status: 'passed', correction_of: null }]);
        const told = await t.db.query(
          `SELECT count(*)::int AS n FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'stage_closed' AND o.competition_id = $1 AND u.email = 'opd.rsud@demo.local' AND o.payload->>'innovation' = 'SiTaro Seleksi' AND o.payload->>'stage' IS NOT NULL AND o.channel = 'inbox'`,
          [c.id],
        );
        expect(told.rows[0].n).toBeGreaterThanOrEqual(1);
        if (stage !== 'field_verification') expect((await publish()).body.code).toBe('RESULTS_CORRECTION_OPEN');
      }
      const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'objection.settle' AND entity_id = $1`, [
        filed.body.id,
      ]);
      expect(audits.rows[0].n).toBe(3);
      expect(await waitingFor()).toEqual([]);

      const published = await publish();
      expect(published.status).toBe(201);
      expect(published.body.version).toBe(1);
      const snap = await t.http().get(`/api/public/rankings/${published.body.id}`);
      const ranked: { submission: string; stages: Record<string, number> }[] = Object.values(
        snap.body.output.categories as Record<string, { submission: string; stages: Record<string, number> }[]>,
      ).flat();
      expect(ranked.map((r) => r.submission)).toContain(sitaro);
      // One number per stage everywhere: what each OPD reads for its stages is what the ranking used, the late
      // entrant's sheets having joined the statistics of every stage.
      for (const row of ranked) {
        const stages = await t.http().get(`/api/innovations/${row.submission}/stages`).set(bearer(org));
        const stored = Object.fromEntries(
          stages.body
            .filter((r: { stage: string }) => r.stage in row.stages)
            .map((r: { stage: string; score: number }) => [r.stage, r.score]),
        );
        expect({ submission: row.submission, stages: stored }).toEqual({ submission: row.submission, stages: row.stages });
      }
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('issue 18: “not a previous winner” is checked against earlier published editions by the innovation’s lineage and shown to screeners', async () => {
    const c = await openCompetition(t, org, { slug: 'lineage' });
    const e = await seedSubmitted(t, c.id, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro - Siap Antar Obat' },
      { code: 'RSUD-KOTA-BEKASI', title: 'Apotek Digital Lansia' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'Siap Antar Obat: SiTaro' },
    ]);
    const again = await t.http().get(`/api/innovations/${e['SiTaro - Siap Antar Obat']}/screening`).set(bearer(org));
    expect(again.status).toBe(200);
    expect(again.body.flags).toContain('PREVIOUS_WINNER');
    const demoRank = (await t.http().get('/api/public/competitions/iga-2024-demo/rankings')).body.categories.kota.find(
      (r: { title: string }) => r.title === 'SiTaro (Siap Antar Obat)',
    ).rank;
    expect(again.body.earlierEntries).toEqual([
      expect.objectContaining({
        competition: 'IGA 2024 (demo)',
        year: 2024,
        title: 'SiTaro (Siap Antar Obat)',
        category: 'kota',
        rank: demoRank,
        winner: true,
        similarity: 1,
      }),
    ]);
    // Another title of the same organization, or the same title of another organization, is no match.
    expect((await t.http().get(`/api/innovations/${e['Apotek Digital Lansia']}/screening`).set(bearer(org))).body).toMatchObject({
      flags: [],
      earlierEntries: [],
    });
    const otherOrg = (await t.http().get(`/api/innovations/${e['Siap Antar Obat: SiTaro']}/screening`).set(bearer(org))).body;
    expect(otherOrg.flags).toEqual([]);
    expect(otherOrg.earlierEntries).toEqual([]);
  });

  it('publishes an immutable snapshot that `cli verify` accepts, and refuses a tampered copy', async () => {
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    expect((await t.http().get(`/api/innovations/${ids['SiTaro 2027']}/score`).set(bearer(rsud))).status).toBe(409);
    const published = await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({});
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 1, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect((await t.http().get(`/api/competitions/${cid}`).set(bearer(org))).body.status).toBe('published');
    const notified = await t.db.query(
      `SELECT count(DISTINCT recipient_id)::int AS n FROM outbox_messages WHERE type = 'results_published' AND competition_id = $1`,
      [cid],
    );
    expect(notified.rows[0].n).toBeGreaterThanOrEqual(2);

    const snap = await t.http().get(`/api/public/rankings/${published.body.id}`);
    expect(snap.status).toBe(200);
    expect(snap.headers['cache-control']).toContain('immutable');
    expect(snap.body.hash).toBe(published.body.hash);
    // Stored as hashed (one binary COPY row): the input's canonical JSON byte for byte, as the index's snapshots.
    const stored = await t.db.query(`SELECT input::text AS input FROM ranking_snapshots WHERE id = $1`, [published.body.id]);
    const reference = createPublishedSnapshot(snap.body.input);
    expect(stored.rows[0].input).toBe(Buffer.concat(reference.inputJson.chunks).toString());
    expect(reference.hash).toBe(published.body.hash);
    expect(reference.output).toEqual(snap.body.output);
    expect(JSON.stringify(snap.body.input.sheets)).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"?,"submission/,
    );
    expect(snap.body.input.sheets.every((s: { juror: string }) => /^J\d{2,}$/.test(s.juror))).toBe(true);
    const file = path.join(dir, 'snapshot.json');
    writeFileSync(file, JSON.stringify(snap.body));
    const ok = cli('verify', file);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(published.body.hash);

    const tampered = structuredClone(snap.body);
    const firstKota = tampered.output.categories.kota[0];
    firstKota.final = firstKota.final + 1;
    const bad = path.join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    const refused = cli('verify', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(firstKota.submission);

    await expect(t.db.query(`UPDATE ranking_snapshots SET hash = 'x' WHERE id = $1`, [published.body.id])).rejects.toThrow(/immutable/);

    const breakdown = await t.http().get(`/api/innovations/${ids['SiTaro 2027']}/score`).set(bearer(rsud));
    expect(breakdown.status).toBe(200);
    expect(breakdown.body.criteria.find((s: { stage: string }) => s.stage === 'presentation').criteria[0].values.length).toBeGreaterThan(0);
  });

  it('re-publishing needs a reason, makes version 2 and keeps version 1 readable', async () => {
    expect((await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({})).status).toBe(400);
    // The snapshot row goes through a binary COPY: a reason's tabs, line breaks and backslashes come back as written.
    const reason = 'Koreksi data kategori:\n\tbaris dua \\N \\ selesai\r\n';
    const v2 = await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({ reason });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const latest = await t.http().get('/api/public/competitions/hasil/rankings');
    expect(latest.body.snapshot.version).toBe(2);
    expect(latest.body.snapshot.reason).toBe(reason);
    expect(latest.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await t.http().get('/api/public/competitions/hasil/rankings?version=1');
    expect(v1.body.snapshot.version).toBe(1);
    expect((await t.http().get(`/api/public/rankings/${v1.body.snapshot.id}`)).status).toBe(200);
  });

  it('a snapshot whose COPY fails stores nothing: the transaction fails with it, and the connection serves on', async () => {
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM ranking_snapshots WHERE competition_id = $1`, [cid])).rows[0].n;
    const before = await count();
    const [{ id: userId }] = (await t.db.query(`SELECT id FROM users LIMIT 1`)).rows;
    const row = { ownerId: cid, version: 3, reason: null, labels: {}, publishedBy: userId };
    const ds = t.app.get(DataSource);
    const finish = () => ({ output: {}, hash: 'sha256:x' });
    const input = Buffer.from('{"sheets":[]}');
    // The input cannot be written to its end (its writer fails half-way) …
    function* failing() {
      yield input.subarray(0, 5);
      throw new Error('the input failed half-way');
    }
    await expect(
      ds.transaction((tx) => copyStreamedSnapshot(tx, 'ranking_snapshots', row, { length: input.length, chunks: failing() }, finish)),
    ).rejects.toThrow('the input failed half-way');
    // … or PostgreSQL refuses the row (version 1 exists).
    await expect(
      ds.transaction((tx) =>
        copyStreamedSnapshot(tx, 'ranking_snapshots', { ...row, version: 1 }, { length: input.length, chunks: [input] }, finish),
      ),
    ).rejects.toThrow(/duplicate key|unique/);
    expect(await count()).toBe(before);
    const v3 = await t
      .http()
      .post(`/api/competitions/${cid}/rankings/publish`)
      .set(bearer(org))
      .send({ reason: 'Koreksi sesudah kegagalan' });
    expect(v3.status).toBe(201);
    expect(v3.body.version).toBe(3);
  });

  it('CSV and XLSX parse back to the same rows; the certificate is a PDF naming the innovation', async () => {
    const json = await t.http().get('/api/public/competitions/hasil/rankings');
    const expected = Object.entries(json.body.categories as Record<string, { rank: number; title: string; final: number }[]>).flatMap(
      ([cat, rows]) => rows.map((r) => [cat, String(r.rank), r.title, String(r.final)]),
    );
    const csv = await t
      .http()
      .get('/api/public/competitions/hasil/rankings.csv')
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString('utf8')));
        res.on('end', () => cb(null, data));
      });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect((csv.body as string).startsWith('\uFEFF')).toBe(true);
    const csvRows = readCsv(csv.body as string);
    expect(csvRows[0].slice(0, 3)).toEqual(['category', 'rank', 'innovation']);
    expect(csvRows.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual(expected);

    const xlsx = await t
      .http()
      .get('/api/public/competitions/hasil/rankings.xlsx')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const sheet = await readXlsx(xlsx.body as Buffer);
    expect(sheet[0].slice(0, 3)).toEqual(['category', 'rank', 'innovation']);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual(expected);

    const first = json.body.categories.kota[0];
    const pdf = await t
      .http()
      .get(`/api/public/rankings/${json.body.snapshot.id}/certificates/${first.innovationId}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = readPdf(pdf.body as Buffer);
    expect(read.pages).toBe(1);
    const text = read.items.map((i) => i.str).join(' ');
    expect(text).toContain(first.title);
    expect(text).toContain(json.body.snapshot.hash);
    // Issue 18: the category by its label in both languages, not its key.
    expect(text).toContain(`Peringkat ${first.rank} kategori Kota / Rank ${first.rank} in the City category`);
    expect(text).not.toContain('kategori kota');
    const unranked = await t
      .http()
      .get(
        `/api/public/rankings/${json.body.snapshot.id}/certificates/${ids['SiTaro 2027'].replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`,
      );
    expect(unranked.status).toBe(404);
  });

  it('public rankings are made once per snapshot: ETag and 304, gzip to those who take it, the same JSON either way', async () => {
    const plain = await t.http().get('/api/public/competitions/iga-2024-demo/rankings').set('accept-encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('accept-encoding');
    expect(plain.headers['etag']).toMatch(/^"[\w-]{27}"$/);
    const zipped = await t.http().get('/api/public/competitions/iga-2024-demo/rankings').set('accept-encoding', 'gzip, deflate, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body).toEqual(plain.body);
    expect(zipped.headers['etag']).toBe(plain.headers['etag']);
    const held = await t.http().get('/api/public/competitions/iga-2024-demo/rankings').set('if-none-match', plain.headers['etag']);
    expect(held.status).toBe(304);
    expect(held.text ?? '').toBe('');
    const other = await t.http().get('/api/public/competitions/iga-2024-demo/rankings').set('if-none-match', '"something-else"');
    expect(other.status).toBe(200);
    // A version has its own body and tag.
    const v1 = await t.http().get('/api/public/competitions/iga-2024-demo/rankings?version=1');
    expect(v1.status).toBe(200);
    expect((await t.http().get('/api/public/competitions/iga-2024-demo/rankings?version=9')).status).toBe(404);
  });

  it('a national-size ranking lists 25 unranked innovations per category inline, counts them all and pages the rest', async () => {
    const c = await openCompetition(t, org, { slug: 'nasional' });
    const admin = (await t.db.query(`SELECT id FROM users WHERE email = 'admin@demo.local'`)).rows[0].id;
    const cats = { kota: 130, kabupaten: 20 };
    const unranked = Object.entries(cats).flatMap(([category, n]) =>
      Array.from({ length: n }, (_, i) => ({
        submission: `00000000-0000-4000-8000-${category === 'kota' ? '1' : '2'}${String(i).padStart(11, '0')}`,
        category,
        reachedStage: i % 3 ? 'desk_review' : null,
      })),
    );
    const labels = Object.fromEntries(
      unranked.map((u, i) => [
        u.submission,
        { title: `Inovasi <b>${i}</b>`, organization: `OPD ${i}`, region: 'Kota Bekasi', category: u.category },
      ]),
    );
    await t.db.query(`UPDATE competitions SET status = 'published' WHERE id = $1`, [c.id]);
    await t.db.query(
      `INSERT INTO ranking_snapshots (competition_id, version, input, output, hash, labels, published_by) VALUES ($1, 1, '{}', $2, $3, $4, $5)`,
      [
        c.id,
        JSON.stringify({ inputsDigest: 'sha256:x', categories: { kota: [], kabupaten: [] }, unranked }),
        'sha256:test',
        JSON.stringify(labels),
        admin,
      ],
    );
    const res = await t.http().get('/api/public/competitions/nasional/rankings');
    expect(res.status).toBe(200);
    expect(res.body.unranked.filter((u: { category: string }) => u.category === 'kota')).toHaveLength(25);
    expect(res.body.unranked.filter((u: { category: string }) => u.category === 'kabupaten')).toHaveLength(20);
    expect(res.body.unrankedCounts).toEqual({
      kota: { total: 130, byStage: { none: 44, desk_review: 86 } },
      kabupaten: { total: 20, byStage: { none: 7, desk_review: 13 } },
    });
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const p = await t.http().get(`/api/public/competitions/nasional/rankings/unranked?category=kota&page=${page}&pageSize=50`);
      expect(p.status).toBe(200);
      expect(p.body).toMatchObject({ total: 130, page, pageSize: 50 });
      pages.push(...p.body.items);
    }
    expect(pages.map((u: { innovationId: string }) => u.innovationId)).toEqual(
      unranked.filter((u) => u.category === 'kota').map((u) => u.submission),
    );
    expect(pages[1]).toMatchObject({ title: 'Inovasi <b>1</b>', organization: 'OPD 1', category: 'kota', reachedStage: 'desk_review' });
    const all = await t.http().get('/api/public/competitions/nasional/rankings/unranked?pageSize=1000');
    expect(all.body.total).toBe(150);
    expect((await t.http().get('/api/public/competitions/nasional/rankings/unranked?pageSize=1001')).status).toBe(400);
    expect((await t.http().get('/api/public/competitions/tidak-ada/rankings/unranked')).status).toBe(404);

    // The server-rendered page counts them and escapes every label.
    const page = await t.http().get('/kompetisi/nasional').set('accept', 'text/html');
    expect(page.text).toContain('data-prerendered');
    expect(page.text).toMatch(/Kota \(City\): 130 \(/);
    expect(page.text).not.toContain('<b>');
  });

  // apps/web/dist is built by scripts/test.mjs before the tests run.
  it('the public results page is rendered on the server: readable without JavaScript, revalidated by ETag', async () => {
    const json = await t.http().get('/api/public/competitions/iga-2024-demo/rankings');
    const page = await t.http().get('/kompetisi/iga-2024-demo').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<div id="root"><main class="prerendered-rankings" data-prerendered="rankings">');
    expect(page.text).toContain(`<title>${json.body.competition.name} ${json.body.competition.year} — Peringkat / Rankings</title>`);
    for (const row of json.body.categories.kota)
      expect(page.text).toContain(`<td>${row.rank}</td><td><a href="/inovasi/${row.innovationId}">`);
    expect(page.text).toContain(json.body.snapshot.hash);
    expect(page.text).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"><\/script>/); // the app still takes over
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // and nothing inline (CSP)
    expect((await t.http().get('/kompetisi/iga-2024-demo').set('if-none-match', page.headers['etag'])).status).toBe(304);
    // Unknown or unpublished: the app's own shell, which says so itself.
    for (const url of ['/kompetisi/tidak-ada', '/kompetisi/iga-2024-demo?versi=1']) {
      const shell = await t.http().get(url).set('accept', 'text/html');
      expect(shell.status).toBe(200);
      expect(shell.text).toContain('<div id="root"></div>');
    }
  });

  it('the public catalogue searches and filters, and an innovation has a public page', async () => {
    const search = await t.http().get('/api/public/innovations?q=sitaro');
    expect(search.status).toBe(200);
    const hit = search.body.items.find((i: { title: string }) => i.title === 'SiTaro (Siap Antar Obat)');
    expect(hit).toMatchObject({ organization: expect.stringContaining('Bekasi'), category: 'kota', digital: false });
    const digital = await t.http().get('/api/public/innovations?digital=true&competition=iga-2024-demo&pageSize=100');
    expect(digital.body.items.every((i: { digital: boolean }) => i.digital)).toBe(true);
    expect(digital.body.total).toBeGreaterThan(5);
    const page = await t.http().get(`/api/public/innovations/${hit.id}`);
    expect(page.body).toMatchObject({ title: 'SiTaro (Siap Antar Obat)', ranking: { category: 'kota', rank: expect.any(Number) } });
    expect((await t.http().get('/api/public/innovations?digital=maybe')).status).toBe(400);
  });

  it('a publication reports its phases to an onProgress callback, in order', async () => {
    const me = (await t.http().get('/api/me').set(bearer(org))).body;
    const seen: { phase: string; done: number; total: number }[] = [];
    const version = await t.app
      .get(ResultsService)
      .publish({ ...me, role: 'admin', sessionId: 'test' }, cid, 'Koreksi dengan laporan kemajuan', undefined, (p) => seen.push(p));
    expect(seen.map((p) => p.phase)).toEqual([...PUBLISH_PHASES]);
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.every((p) => p.total === PUBLISH_PHASES.length)).toBe(true);
    expect((await t.http().get('/api/public/competitions/hasil/rankings')).body.snapshot.version).toBe(version.version);
  });

  it("a publication's sheets are read in assignment order, in batches, by one COPY: two reads at once in one transaction", async () => {
    const judging = t.app.get(JudgingRepository);
    const expected = (
      await t.db.query(
        `SELECT a.innovation_id AS "innovationId", a.juror_id AS "jurorId", a.stage_key AS "stageKey", s.scores
           FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id
          WHERE a.competition_id = $1 AND a.removed_at IS NULL AND s.status = 'submitted' ORDER BY a.id`,
        [cid],
      )
    ).rows;
    expect(expected.length).toBeGreaterThan(2);
    const read = (tx: EntityManager) => {
      const batches: unknown[][] = [];
      return judging.eachSubmittedSheetBatch(cid, tx, (rows) => batches.push(rows), 2).then(() => batches);
    };
    // A cursor of a fixed name could not be opened twice in one transaction; a COPY is queued behind the other.
    const [first, second] = await t.app.get(DataSource).transaction((tx) => Promise.all([read(tx), read(tx)]));
    expect(first.flat()).toEqual(expected);
    expect(second).toEqual(first);
    expect(first.every((rows) => rows.length > 0 && rows.length <= 2)).toBe(true);
    await expect(judging.eachSubmittedSheetBatch(`${cid}' OR true --`, undefined, () => undefined)).rejects.toThrow('not a competition id');
  });

  it("a publication's forced collection runs while PostgreSQL reads the innovations: once, after the query is sent", async () => {
    const results = t.app.get(ResultsService);
    const competition = await t.app.get(CompetitionsService).snapshot(cid);
    const plain = await results.buildInput(competition);
    const seen: string[] = [];
    const built = await t.app.get(DataSource).transaction(async (tx) => {
      const runner = tx.queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        seen.push(sql.includes('FROM innovations i') ? 'innovations sent' : 'query');
        return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      return results.buildInput(competition, undefined, tx, () => seen.push('meanwhile'));
    });
    expect(seen.slice(0, 2)).toEqual(['innovations sent', 'meanwhile']);
    expect(seen.filter((s) => s === 'meanwhile')).toHaveLength(1);
    expect(built).toEqual(plain);
  });
});
