import { verifySnapshot } from '@app/scoring';
import { createTestApp, type TestApp } from './support/test-app';
import { bearer, judgeWithDemoJury, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';

type Row = { rank: number; submission: string; final: number; stages: Record<string, number> };
type Preview = { categories: Record<string, Row[]>; unranked: { submission: string }[] };

/**
 * Issue 18 item 4 / DESIGN §4.11: disqualifying an innovation after its stages closed must not re-score anyone
 * else. Its sheets stay in the z-score statistics (it enters the scoring input as `excluded`), and the stage
 * result an OPD sees (`/stages`) is the number the ranking used (`/score`).
 */
describe('disqualifying after judging moves no other score (e2e)', () => {
  let t: TestApp;
  let org: string;
  let cid: string;
  let ids: Record<string, string>;
  /** Disqualified while field verification is open, after its field sheets were submitted. */
  const duringField = 'Sadayana 2027';
  const scoredStages = ['desk_review', 'presentation', 'field_verification'];
  const get = (path: string, token = org) => t.http().get(path).set(bearer(token));
  const disqualify = (id: string, reason: string) => t.http().post(`/api/innovations/${id}/disqualify`).set(bearer(org)).send({ reason });
  const preview = async (): Promise<Preview> => {
    const res = await get(`/api/competitions/${cid}/rankings/preview`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const rowsOf = (p: Preview) =>
    new Map(
      Object.values(p.categories)
        .flat()
        .map((r) => [r.submission, r]),
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    cid = (
      await openCompetition(t, org, {
        slug: 'diskualifikasi',
        mutate: (plan) => {
          plan.objectionWindowDays = 0; // publication without an announcement: these tests are about scores, not objections
          for (const s of plan.stages) if (s.rubric?.length) s.aggregation = 'zscore';
          plan.stages.find((s: { key: string }) => s.key === 'presentation').advance = { type: 'top', n: 15 };
        },
      })
    ).id;
    ids = await seedSubmitted(t, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro 2027' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap 2027' },
      { code: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana 2027' },
      { code: 'DISDUKCAPIL-KOTA-DEPOK', title: 'Depok Sigap 2027' },
      { code: 'DPMPTSP-KOTA-DEPOK', title: 'Izin Kilat 2027' },
      { code: 'BAPPEDA-KAB-BEKASI', title: 'e-Musrenbang 2027' },
      { code: 'DINKES-KAB-BOGOR', title: 'Bogor Bebas TBC 2027' },
    ]);
    await judgeWithDemoJury(t, cid, ids, {
      beforeClose: async (stage) => {
        if (stage === 'field_verification') expect((await disqualify(ids[duringField], 'Data dukung dipalsukan')).status).toBe(200);
      },
    });
  });
  afterAll(async () => t?.close());

  /** Every ranked innovation's stage results, as stored when each stage closed, equal its stage scores in the ranking. */
  async function expectStageResultsMatch(p: Preview) {
    for (const row of Object.values(p.categories).flat()) {
      const results = await get(`/api/innovations/${row.submission}/stages`);
      const stored = Object.fromEntries(
        results.body
          .filter((r: { stage: string }) => scoredStages.includes(r.stage))
          .map((r: { stage: string; score: number }) => [r.stage, r.score]),
      );
      expect({ submission: row.submission, stages: stored }).toEqual({ submission: row.submission, stages: row.stages });
    }
  }

  it('the stage scores stored at each close are the ones the ranking uses, a disqualification during the last stage included', async () => {
    const p = await preview();
    expect(rowsOf(p).has(ids[duringField])).toBe(false);
    expect(p.unranked.map((u) => u.submission)).not.toContain(ids[duringField]);
    expect(Object.values(p.categories).flat()).toHaveLength(6);
    await expectStageResultsMatch(p);
  });

  it("disqualifying one after its stages closed changes no other innovation's stage scores or final, and the others close up behind it", async () => {
    const before = await preview();
    const kota = before.categories.kota;
    // the best kota innovation that is not RSUD's (whose OPD reads its breakdown below)
    const dq = kota.find((r) => r.submission !== ids['SiTaro 2027'])!;
    expect((await disqualify(dq.submission, 'Inovasi terbukti duplikasi')).status).toBe(200);

    const after = await preview();
    const rows = rowsOf(after);
    expect(rows.has(dq.submission)).toBe(false);
    expect(after.unranked.map((u) => u.submission)).not.toContain(dq.submission);
    for (const [category, list] of Object.entries(before.categories)) {
      const expected = list
        .filter((r) => r.submission !== dq.submission)
        .map((r) => ({ ...r, rank: category === 'kota' && r.rank > dq.rank ? r.rank - 1 : r.rank }));
      expect(after.categories[category].map(({ rank, submission, final, stages }) => ({ rank, submission, final, stages }))).toEqual(
        expected.map(({ rank, submission, final, stages }) => ({ rank, submission, final, stages })),
      );
    }
    await expectStageResultsMatch(after);
  });

  it('after publication an OPD sees one number per stage: /stages equals /score, and the snapshot verifies', async () => {
    const published = await t.http().post(`/api/competitions/${cid}/rankings/publish`).set(bearer(org)).send({});
    expect(published.status).toBe(201);
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const stages = await get(`/api/innovations/${ids['SiTaro 2027']}/stages`, rsud);
    const score = await get(`/api/innovations/${ids['SiTaro 2027']}/score`, rsud);
    expect(stages.status).toBe(200);
    expect(score.status).toBe(200);
    const shown = Object.fromEntries(
      stages.body
        .filter((r: { stage: string }) => scoredStages.includes(r.stage))
        .map((r: { stage: string; score: number }) => [r.stage, r.score]),
    );
    const used = Object.fromEntries(
      score.body.explanation.stages
        .filter((s: { score: number | null }) => s.score !== null)
        .map((s: { stage: string; score: number }) => [s.stage, s.score]),
    );
    expect(Object.keys(shown).sort()).toEqual([...scoredStages].sort());
    expect(shown).toEqual(used);

    const snapshot = await t.http().get(`/api/public/rankings/${published.body.id}`);
    expect(verifySnapshot(snapshot.body)).toEqual({ ok: true });
    const excluded = snapshot.body.input.submissions.filter((s: { excluded?: boolean }) => s.excluded).map((s: { id: string }) => s.id);
    expect(excluded).toHaveLength(2);
    expect(excluded).toContain(ids[duringField]);
    expect(JSON.stringify(snapshot.body.output)).not.toMatch(new RegExp(excluded.join('|')));
  });
});
