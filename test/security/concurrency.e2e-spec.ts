import { Client } from 'pg';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  acceptInvitation,
  bearer,
  completeProposal,
  login,
  openCompetition,
  seedDemo,
  seedSubmitted,
  uploadPdf,
} from '../support/factories';

/**
 * Issue #10, part 3: what many people doing the same thing at once must not break. Every request below is
 * real HTTP against the API on real PostgreSQL; "at once" is Promise.all over them. The invariants: every
 * 2xx is in the database exactly once, every loser gets a 409 (or the import's 400) and leaves nothing,
 * no row is duplicated, and a closed stage's scores are exactly the sheets that were accepted.
 */
const JURORS = 50;
const CODES = [
  'RSUD-KOTA-BEKASI',
  'DISDUKCAPIL-KOTA-BEKASI',
  'DPMPTSP-KOTA-BEKASI',
  'DINKES-KOTA-BEKASI',
  'DISKOMINFO-KOTA-BANDUNG',
  'DINKES-KOTA-BANDUNG',
  'DISDUKCAPIL-KOTA-DEPOK',
  'DPMPTSP-KOTA-DEPOK',
  'DISHUB-KOTA-BOGOR',
  'DINKES-KOTA-CIMAHI',
];
const RUBRIC = ['kebaruan', 'efektivitas', 'kemanfaatan', 'replikasi', 'keberlanjutan'];
const outcomes: string[] = [];

const count = async (t: TestApp, sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params)).rows[0].n);
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort((a, b) => a - b);
const tally = (rs: { status: number }[]) =>
  Object.entries(rs.reduce<Record<number, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {}))
    .map(([s, n]) => `${n}×${s}`)
    .join(' ');

describe('concurrency: nothing lost, nothing doubled (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let org: string;
  // English messages (the API answers in Indonesian by default): one case reads the message.
  const post = (path: string, token: string, body: object = {}) =>
    t.http().post(path).set(bearer(token)).set('accept-language', 'en').send(body);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = (await login(t, 'admin@demo.local')).accessToken;
    org = (await login(t, 'organizer@demo.local')).accessToken;
  });
  afterAll(async () => {
    console.log(`concurrency outcomes:\n  ${outcomes.join('\n  ')}`);
    await t?.close();
  });

  describe(`${JURORS} jurors scoring one stage at once`, () => {
    let cid: string;
    let innovations: string[];
    const jurors: { id: string; token: string; email: string }[] = [];
    const assignment: Record<string, { id: string; innovationId: string }> = {};
    /** The value each juror's accepted save holds (every criterion), by juror email. */
    const accepted: Record<string, number> = {};

    beforeAll(async () => {
      const c = await openCompetition(t, org, {
        slug: 'serentak',
        mutate: (plan) => {
          const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
          desk.aggregation = 'mean';
          desk.advance = { type: 'threshold', min: 0 };
        },
      });
      cid = c.id;
      const ids = await seedSubmitted(
        t,
        cid,
        CODES.map((code, i) => ({ code, title: `Serentak ${String(i).padStart(2, '0')}` })),
      );
      innovations = Object.values(ids);
      expect((await post(`/api/competitions/${cid}/stages/submission/close`, org)).status).toBe(200);
      expect((await post(`/api/competitions/${cid}/stages/screening/open`, org)).status).toBe(200);
      expect(
        (
          await post(`/api/competitions/${cid}/screening`, org, {
            decisions: innovations.map((innovationId) => ({ innovationId, decision: 'pass' })),
          })
        ).status,
      ).toBe(200);
      expect((await post(`/api/competitions/${cid}/stages/screening/close`, org)).status).toBe(200);
      // 50 jurors from one CSV import, each signed in.
      const rows = Array.from(
        { length: JURORS },
        (_, i) => `juri${String(i).padStart(2, '0')}@serentak.local,Juri Serentak ${i},juror,,,,,id`,
      );
      const imported = await t
        .http()
        .post('/api/imports/users')
        .set(bearer(admin))
        .set('content-type', 'text/csv')
        .send(['email,name,role,organization,region,affiliations,password,locale', ...rows].join('\n'));
      expect(imported.status).toBe(201);
      expect(imported.body.created).toBe(JURORS);
      for (const [i, u] of (imported.body.items as { id: string; email: string }[]).entries()) {
        await acceptInvitation(t, u.email, `juri-serentak-2025-${i}`);
        jurors.push({ id: u.id, email: u.email, token: (await login(t, u.email, `juri-serentak-2025-${i}`)).accessToken });
      }
    });

    it('manual assignments sent at once, duplicates included: one row each, every duplicate a 409', async () => {
      // Juror i reviews innovation i mod 10: five jurors per innovation. The first ten are sent twice.
      const plan = jurors.map((j, i) => ({ jurorId: j.id, innovationId: innovations[i % innovations.length] }));
      const requests = [...plan, ...plan.slice(0, 10)].map((p) =>
        post(`/api/competitions/${cid}/stages/desk_review/assignments/manual`, org, p),
      );
      const res = await Promise.all(requests);
      outcomes.push(`manual assignments (${JURORS} + 10 duplicates at once): ${tally(res)}`);
      expect(statuses(res)).toEqual([...Array(JURORS).fill(201), ...Array(10).fill(409)]);
      expect(res.filter((r) => r.status === 409).every((r) => r.body.code === 'ASSIGNMENT_EXISTS')).toBe(true);
      expect(await count(t, `SELECT count(*) AS n FROM assignments WHERE competition_id = $1 AND removed_at IS NULL`, [cid])).toBe(JURORS);
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM (SELECT innovation_id, juror_id FROM assignments WHERE competition_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) d`,
          [cid],
        ),
      ).toBe(0);
      for (const r of res.filter((x) => x.status === 201))
        assignment[jurors.find((j) => j.id === r.body.jurorId)!.email] = { id: r.body.id, innovationId: r.body.innovationId };
      expect(Object.keys(assignment)).toHaveLength(JURORS);
      expect((await post(`/api/competitions/${cid}/stages/desk_review/open`, org)).status).toBe(200);
    });

    it('every juror saves twice at once from the same version: exactly one wins per sheet, no lost update', async () => {
      const save = (j: (typeof jurors)[number], value: number) =>
        t
          .http()
          .put(`/api/assignments/${assignment[j.email].id}/sheet`)
          .set(bearer(j.token))
          .send({
            scores: Object.fromEntries(RUBRIC.map((k) => [k, value])),
            comment: `nilai ${value}`,
            confirmNoConflict: true,
            version: 0,
          });
      const pairs = jurors.map((j, i) => [save(j, 40 + i), save(j, 10 + i)] as const);
      const res = await Promise.all(pairs.flat());
      outcomes.push(`sheet saves (${JURORS} jurors × 2 saves of version 0 at once): ${tally(res)}`);
      expect(statuses(res)).toEqual([...Array(JURORS).fill(200), ...Array(JURORS).fill(409)]);
      for (const [i, j] of jurors.entries()) {
        const [a, b] = [res[2 * i], res[2 * i + 1]];
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        accepted[j.email] = a.status === 200 ? 40 + i : 10 + i;
        expect((a.status === 200 ? a : b).body).toMatchObject({ status: 'draft', version: 1 });
      }
      const sheets = await t.db.query(
        `SELECT a.id, s.scores, s.version, s.status FROM score_sheets s JOIN assignments a ON a.id = s.assignment_id WHERE a.competition_id = $1`,
        [cid],
      );
      expect(sheets.rows).toHaveLength(JURORS);
      for (const j of jurors) {
        const row = sheets.rows.find((r: { id: string }) => r.id === assignment[j.email].id);
        expect(row).toMatchObject({ version: 1, status: 'draft' });
        expect(Object.values(row.scores)).toEqual(RUBRIC.map(() => accepted[j.email]));
      }
    });

    it(`${JURORS} submits at once: all accepted, each once, with the saved values`, async () => {
      const res = await Promise.all(
        jurors.map((j) => post(`/api/assignments/${assignment[j.email].id}/sheet/submit`, j.token, { version: 1 })),
      );
      outcomes.push(`sheet submits (${JURORS} at once): ${tally(res)}`);
      expect(statuses(res)).toEqual(Array(JURORS).fill(200));
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM score_sheets s JOIN assignments a ON a.id = s.assignment_id WHERE a.competition_id = $1 AND s.status = 'submitted' AND s.version = 2`,
          [cid],
        ),
      ).toBe(JURORS);
      // The append-only history: one draft and one submitted version per sheet, nothing more, nothing less.
      const versions = await t.db.query(
        `SELECT v.status, count(*)::int AS n FROM score_sheet_versions v JOIN score_sheets s ON s.id = v.sheet_id JOIN assignments a ON a.id = s.assignment_id WHERE a.competition_id = $1 GROUP BY v.status ORDER BY v.status`,
        [cid],
      );
      expect(versions.rows).toEqual([
        { status: 'draft', n: JURORS },
        { status: 'submitted', n: JURORS },
      ]);
    });

    it('two organizers close the stage at once: one 200, one 409, and the scores are exactly the accepted sheets', async () => {
      const [a, b] = await Promise.all([
        post(`/api/competitions/${cid}/stages/desk_review/close`, org),
        post(`/api/competitions/${cid}/stages/desk_review/close`, admin),
      ]);
      outcomes.push(`stage close (organizer and admin at once): ${tally([a, b])}`);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.code).toBe('STAGE_ILLEGAL_TRANSITION');
      const results = await t.db.query(
        `SELECT innovation_id, status, score::float AS score FROM stage_results WHERE competition_id = $1 AND stage_key = 'desk_review'`,
        [cid],
      );
      expect(results.rows).toHaveLength(innovations.length);
      for (const id of innovations) {
        const values = jurors.filter((j) => assignment[j.email].innovationId === id).map((j) => accepted[j.email]);
        const mean = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1e4) / 1e4;
        expect(results.rows.find((r: { innovation_id: string }) => r.innovation_id === id)).toMatchObject({
          status: 'passed',
          score: mean,
        });
      }
      expect(
        await count(t, `SELECT count(*) AS n FROM audit_events WHERE action = 'stage.close' AND entity_id = $1`, [`${cid}:desk_review`]),
      ).toBe(1);
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM innovation_status_history h JOIN innovations i ON i.id = h.innovation_id WHERE i.competition_id = $1 AND h.stage = 'desk_review'`,
          [cid],
        ),
      ).toBe(innovations.length);
    });

    it('after the close, a sheet cannot be reopened nor an assignment removed: the record stays as scored', async () => {
      const before = (await t.http().get(`/api/competitions/${cid}/rankings/preview`).set(bearer(org))).body.inputsDigest;
      const [j] = jurors;
      const reopen = await post(`/api/assignments/${assignment[j.email].id}/sheet/reopen`, org, { reason: 'tinjau ulang' });
      expect(reopen.status).toBe(409);
      expect(reopen.body.code).toBe('STAGE_NOT_OPEN');
      const removed = await t
        .http()
        .delete(`/api/assignments/${assignment[jurors[1].email].id}`)
        .set(bearer(org))
        .send({ reason: 'konflik' });
      expect(removed.status).toBe(409);
      expect(removed.body.code).toBe('STAGE_CLOSED');
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM score_sheets s JOIN assignments a ON a.id = s.assignment_id WHERE a.competition_id = $1 AND s.status = 'submitted' AND a.removed_at IS NULL`,
          [cid],
        ),
      ).toBe(JURORS);
      expect((await t.http().get(`/api/competitions/${cid}/rankings/preview`).set(bearer(org))).body.inputsDigest).toBe(before);
    });
  });

  it('submits while a forced close is under way: each is counted in the stage result or refused with 409, never lost', async () => {
    const c = await openCompetition(t, org, {
      slug: 'balapan',
      mutate: (plan) => (plan.stages.find((s: { key: string }) => s.key === 'desk_review').advance = { type: 'threshold', min: 0 }),
    });
    const ids = Object.values(
      await seedSubmitted(
        t,
        c.id,
        CODES.slice(0, 4).map((code, i) => ({ code, title: `Balapan ${i}` })),
      ),
    );
    await post(`/api/competitions/${c.id}/stages/submission/close`, org);
    await post(`/api/competitions/${c.id}/stages/screening/open`, org);
    await post(`/api/competitions/${c.id}/screening`, org, { decisions: ids.map((innovationId) => ({ innovationId, decision: 'pass' })) });
    await post(`/api/competitions/${c.id}/stages/screening/close`, org);
    // Three demo jurors without affiliations on each of the four (by hand: the 50 jurors above exist too).
    const jurors = await Promise.all([2, 4, 5].map((n) => login(t, `juror${n}@demo.local`)));
    for (const j of jurors)
      for (const innovationId of ids)
        expect(
          (await post(`/api/competitions/${c.id}/stages/desk_review/assignments/manual`, org, { innovationId, jurorId: j.user.id })).status,
        ).toBe(201);
    await post(`/api/competitions/${c.id}/stages/desk_review/open`, org);
    const drafts: { token: string; id: string }[] = [];
    for (const j of jurors) {
      const mine = await t.http().get('/api/assignments/mine').set(bearer(j.accessToken));
      for (const item of mine.body.items.filter((i: { competitionId: string }) => i.competitionId === c.id)) {
        // The drafts submitted before the close hold 60, the ones submitted during it 90.
        const value = drafts.length < 6 ? 60 : 90;
        await t
          .http()
          .put(`/api/assignments/${item.id}/sheet`)
          .set(bearer(j.accessToken))
          .send({ scores: Object.fromEntries(RUBRIC.map((k) => [k, value])), comment: 'siap', confirmNoConflict: true });
        drafts.push({ token: j.accessToken, id: item.id });
      }
    }
    expect(drafts).toHaveLength(12);
    const submit = (d: (typeof drafts)[number]) => post(`/api/assignments/${d.id}/sheet/submit`, d.token, { version: 1 });
    // Half are submitted before the close.
    const early = await Promise.all(drafts.slice(0, 6).map(submit));
    // The close is held up half-way (after it has read the sheets, before it marks the stage closed) by a
    // row lock on the stage, as a slow close would be; the other half is submitted meanwhile.
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM competition_stages WHERE competition_id = $1 AND key = 'desk_review' FOR UPDATE`, [c.id]);
    // (supertest sends on then(): start it now.)
    const close = post(`/api/competitions/${c.id}/stages/desk_review/close`, org, { force: true, reason: 'batas waktu' }).then((r) => r);
    const waiting = async () =>
      Number(
        (
          await t.db.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE "competition_stages"%'`,
          )
        ).rows[0].n,
      );
    for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(1);
    const late = Promise.all(drafts.slice(6).map(submit));
    await Promise.race([late, new Promise((r) => setTimeout(r, 1500))]);
    await blocker.query('ROLLBACK');
    await blocker.end();
    const [closed, lateRes] = await Promise.all([close, late]);
    const res = [...early, ...lateRes];
    outcomes.push(
      `sheet submits during a forced close (6 before it, 6 while it runs): close ${closed.status}; before ${tally(early)}; during ${tally(lateRes)}`,
    );
    expect(closed.status).toBe(200);
    expect(statuses(early)).toEqual(Array(6).fill(200));
    for (const r of lateRes) expect([r.status, r.body.code]).toEqual([409, 'STAGE_NOT_OPEN']);
    // Every sheet the API said was submitted counts in the stage result; none counts that was refused.
    const counted = await t.db.query(
      `SELECT a.innovation_id, count(*) FILTER (WHERE s.status = 'submitted')::int AS n, avg((s.scores->>'kebaruan')::float) FILTER (WHERE s.status = 'submitted') AS mean, r.score::float AS score
         FROM assignments a LEFT JOIN score_sheets s ON s.assignment_id = a.id JOIN stage_results r ON r.innovation_id = a.innovation_id AND r.stage_key = 'desk_review'
        WHERE a.competition_id = $1 AND a.stage_key = 'desk_review' GROUP BY a.innovation_id, r.score`,
      [c.id],
    );
    expect(counted.rows).toHaveLength(4);
    expect(counted.rows.reduce((sum: number, r: { n: number }) => sum + r.n, 0)).toBe(res.filter((r) => r.status === 200).length);
    const decided = closed.body.decisions as { innovationId: string; score: number | null }[];
    for (const r of counted.rows) {
      const mean = r.mean === null ? null : Math.round(r.mean * 1e4) / 1e4;
      expect({
        innovation: r.innovation_id,
        stageResult: r.score,
        decided: decided.find((d) => d.innovationId === r.innovation_id)!.score,
      }).toEqual({ innovation: r.innovation_id, stageResult: mean, decided: mean });
    }
  });

  it('double submit of one innovation: one 200, one 409, one history row', async () => {
    const c = await openCompetition(t, org, { slug: 'ganda' });
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const created = await post(`/api/competitions/${c.id}/innovations`, rsud, completeProposal('SiTaro Ganda'));
    expect(created.status).toBe(201);
    expect((await uploadPdf(t, rsud, created.body.id)).status).toBe(201);
    const res = await Promise.all([
      post(`/api/innovations/${created.body.id}/submit`, rsud),
      post(`/api/innovations/${created.body.id}/submit`, rsud),
    ]);
    outcomes.push(`double submit of one innovation: ${tally(res)}`);
    expect(statuses(res)).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.message).toContain('submitted');
    expect(
      await count(t, `SELECT count(*) AS n FROM innovation_status_history WHERE innovation_id = $1 AND to_status = 'submitted'`, [
        created.body.id,
      ]),
    ).toBe(1);
    expect(
      await count(t, `SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'innovation.submitted'`, [created.body.id]),
    ).toBe(1);
  });

  it('the same organizations CSV imported twice at once: one 201, the other refused, no duplicate row', async () => {
    const csv = [
      'name,region,kind,code,email',
      ...Array.from({ length: 20 }, (_, i) => `Dinas Serentak ${i} Kota Bekasi,32.75,opd,SERENTAK-${i},dinas${i}@bekasikota.go.id`),
    ].join('\n');
    const before = await count(t, `SELECT count(*) AS n FROM organizations`);
    const res = await Promise.all(
      [0, 1].map(() => t.http().post('/api/imports/organizations').set(bearer(admin)).set('content-type', 'text/csv').send(csv)),
    );
    outcomes.push(`organizations CSV imported twice at once: ${tally(res)}`);
    expect(statuses(res).map((s) => (s === 201 ? 201 : 'refused'))).toEqual([201, 'refused']);
    const loser = res.find((r) => r.status !== 201)!;
    expect([400, 409]).toContain(loser.status);
    expect(loser.body).toMatchObject({ statusCode: loser.status, error: expect.any(String), message: expect.any(String) });
    expect(await count(t, `SELECT count(*) AS n FROM organizations`)).toBe(before + 20);
    expect(
      await count(t, `SELECT count(*) AS n FROM (SELECT region_id, name FROM organizations GROUP BY 1, 2 HAVING count(*) > 1) d`),
    ).toBe(0);
  });

  it('the same users CSV and the same user imported/created at once: one wins, no duplicate e-mail', async () => {
    const csv = ['email,name,role', ...Array.from({ length: 10 }, (_, i) => `ganda${i}@serentak.local,Juri Ganda ${i},juror`)].join('\n');
    const res = await Promise.all(
      [0, 1].map(() => t.http().post('/api/imports/users').set(bearer(admin)).set('content-type', 'text/csv').send(csv)),
    );
    const single = await Promise.all(
      [0, 1, 2].map(() => post('/api/users', admin, { email: 'tunggal@serentak.local', name: 'Juri Tunggal', role: 'juror' })),
    );
    outcomes.push(`users CSV imported twice at once: ${tally(res)}; one user created three times at once: ${tally(single)}`);
    expect(statuses(res).map((s) => (s === 201 ? 201 : 'refused'))).toEqual([201, 'refused']);
    expect(statuses(single)).toEqual([201, 409, 409]);
    expect(await count(t, `SELECT count(*) AS n FROM users WHERE email LIKE '%@serentak.local' AND email LIKE 'ganda%'`)).toBe(10);
    expect(await count(t, `SELECT count(*) AS n FROM users WHERE email = 'tunggal@serentak.local'`)).toBe(1);
  });
});
