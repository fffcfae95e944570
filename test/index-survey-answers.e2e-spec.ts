import { createTestApp, type TestApp } from './support/test-app';
import { bearer, idOf, login, seedDemo } from './support/factories';
import { MINI_FRAMEWORK } from './support/index-framework';

const text = (id: string) => ({ id, en: id });
/**
 * The mini framework with the IID survey indicator as the default IID framework has it (its options, keys and
 * evidence: a document of kind survey, or a report): survey data linked to the answer stands as that document.
 */
const FRAMEWORK = structuredClone(MINI_FRAMEWORK) as typeof MINI_FRAMEWORK & { aspects: { variables: { indicators: unknown[] }[] }[] };
FRAMEWORK.aspects[1].variables[0].indicators.push({
  key: 'survei_kepuasan',
  scope: 'innovation',
  label: { id: 'Survei kepuasan masyarakat (IKM)', en: 'Community satisfaction survey (IKM)' },
  options: [
    { key: 'tidak_ada', score: 0, guidance: text('Tidak ada survei'), evidence: { type: 'none' } },
    { key: 'survei', score: 2, guidance: text('Survei dilakukan'), evidence: { type: 'link' } },
    { key: 'ikm_baik', score: 4, guidance: text('IKM Baik'), evidence: { type: 'document', kinds: ['survey'] } },
    {
      key: 'ikm_meningkat',
      score: 6,
      guidance: text('IKM Sangat Baik atau meningkat'),
      evidence: { type: 'document', kinds: ['survey', 'report'] },
    },
  ],
});

describe("the index's survey indicator answered from a linked survey period (e2e)", () => {
  let t: TestApp;
  let org: string;
  let coord: string;
  let rsud: string;
  let dukcapil: string;
  let bekasi: string;
  let id: string;
  let sitaro: string;
  let periods: Record<string, string>;
  const put = (token: string, body: object) =>
    t.http().put(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(token)).send(body);
  const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    coord = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    dukcapil = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    bekasi = await idOf(t, 'regions', 'code', '32.75');
    // The demo's pharmacy unit of RSUD Kota Bekasi: SKM 2021 (before SiTaro, grade C) and 2022 (after, grade B).
    periods = Object.fromEntries(
      (await t.db.query(`SELECT code, id FROM survey_periods WHERE code IN ('sitaro21', 'sitaro22')`)).rows.map(
        (r: { code: string; id: string }) => [r.code, r.id],
      ),
    );
    const created = await t
      .http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({ name: 'IID survei', slug: 'iid-survei', year: 2026, categories: ['kota'], framework: FRAMEWORK });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'self_assessment' })).status).toBe(200);
    sitaro = (await t.http().post(`/api/index-editions/${id}/innovations`).set(bearer(rsud)).send({ title: 'SiTaro (Siap Antar Obat)' }))
      .body.id;
  });
  afterAll(async () => t?.close());

  it('the option follows from the IKM: grade B alone is "ikm_baik"; higher than the period before is "ikm_meningkat"; the public IKM page is the evidence link', async () => {
    const alone = await put(rsud, { indicator: 'survei_kepuasan', innovationId: sitaro, periodId: periods.sitaro22 });
    expect(alone.status).toBe(200);
    expect(alone.body).toMatchObject({
      dataOption: 'ikm_baik',
      answeredOption: 'ikm_baik',
      period: {
        unit: 'Instalasi Farmasi Rawat Jalan',
        responses: 310,
        grade: 'B',
        sampleReached: true,
        link: expect.stringMatching(/\/s\/sitaro22\/ikm$/),
      },
      before: null,
    });
    const both = await put(rsud, {
      indicator: 'survei_kepuasan',
      innovationId: sitaro,
      periodId: periods.sitaro22,
      beforePeriodId: periods.sitaro21,
    });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ dataOption: 'ikm_meningkat', period: { grade: 'B' }, before: { grade: 'C', responses: 290 } });
    expect(both.body.period.ikm).toBeGreaterThan(both.body.before.ikm);

    const region = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    const answer = region.body.answers.find((a: { indicator: string }) => a.indicator === 'survei_kepuasan');
    expect(answer).toMatchObject({ innovationId: sitaro, option: 'ikm_meningkat', link: both.body.period.link, version: 2 });
    expect(region.body.gaps.map((g: { field: string }) => g.field)).not.toContain(`innovations.${sitaro}.survei_kepuasan`);
    const audit = await t.db.query(`SELECT after FROM audit_events WHERE action = 'index_answer.survey' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0].after).toMatchObject({
      option: 'ikm_meningkat',
      period: { id: periods.sitaro22, responses: 310, grade: 'B' },
      before: { id: periods.sitaro21, grade: 'C' },
    });
  });

  it('refuses, naming the field: another organization’s period, a "before" that is not before, an indicator not answerable from data; another OPD gets 404', async () => {
    expect(fields(await put(rsud, { indicator: 'tahapan', innovationId: sitaro, periodId: periods.sitaro22 }))).toEqual(['indicator']);
    expect(
      fields(
        await put(rsud, {
          indicator: 'survei_kepuasan',
          innovationId: sitaro,
          periodId: periods.sitaro21,
          beforePeriodId: periods.sitaro22,
        }),
      ),
    ).toEqual(['beforePeriodId']);
    const unit = await t.http().post('/api/survey-units').set(bearer(dukcapil)).send({ name: 'Loket KTP', population: 500 });
    const foreign = await t
      .http()
      .post(`/api/survey-units/${unit.body.id}/periods`)
      .set(bearer(dukcapil))
      .send({ label: 'SKM 2026', opensAt: '2026-01-01T00:00:00+07:00', closesAt: '2026-07-01T00:00:00+07:00' });
    const other = await put(rsud, { indicator: 'survei_kepuasan', innovationId: sitaro, periodId: foreign.body.id });
    expect([other.status, other.body.code, fields(other)]).toEqual([400, 'INDEX_INVALID', ['periodId']]);
    expect((await put(dukcapil, { indicator: 'survei_kepuasan', innovationId: sitaro, periodId: periods.sitaro22 })).status).toBe(404);
    const empty = await t
      .http()
      .post(`/api/survey-units/${(await t.http().get('/api/survey-units').set(bearer(rsud))).body[0].id}/periods`)
      .set(bearer(rsud))
      .send({ label: 'SKM kosong', opensAt: '2026-01-01T00:00:00+07:00', closesAt: '2026-07-01T00:00:00+07:00' });
    expect(fields(await put(rsud, { indicator: 'survei_kepuasan', innovationId: sitaro, periodId: empty.body.id }))).toEqual(['periodId']);
  });

  it('the validator sees the data next to the answer: period, n, IKM, grade and the option it gives', async () => {
    const put2 = (body: object) => t.http().put(`/api/index-editions/${id}/regions/${bekasi}/answers`).set(bearer(coord)).send(body);
    expect((await put2({ indicator: 'regulasi', option: 'tidak_ada' })).status).toBe(200);
    expect((await put2({ indicator: 'anggaran', option: 'ada' })).status).toBe(200);
    expect((await put2({ indicator: 'tahapan', innovationId: sitaro, option: 'penerapan' })).status).toBe(200);
    expect((await t.http().post(`/api/index-editions/${id}/regions/${bekasi}/submit`).set(bearer(coord))).status).toBe(200);
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'verification' })).status).toBe(200);
    const assigned = await t.http().post(`/api/index-editions/${id}/validators`).set(bearer(org)).send({ perRegion: 1 });
    const [{ email }] = (await t.db.query(`SELECT email FROM users WHERE id = $1`, [assigned.body.assignments[0].validatorId])).rows;
    const validator = (await login(t, email)).accessToken;

    const seen = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(validator));
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([
      expect.objectContaining({
        indicator: 'survei_kepuasan',
        innovationId: sitaro,
        dataOption: 'ikm_meningkat',
        answeredOption: 'ikm_meningkat',
        verifiedOption: null,
        period: expect.objectContaining({
          label: 'SKM Semester I 2022',
          responses: 310,
          grade: 'B',
          gradeLabel: { id: 'Baik', en: 'Good' },
          requiredSample: expect.any(Number),
        }),
        before: expect.objectContaining({ label: 'SKM Semester I 2021', responses: 290, grade: 'C' }),
      }),
    ]);
    const verified = await t
      .http()
      .put(`/api/index-editions/${id}/answers/${seen.body[0].answerId}/verification`)
      .set(bearer(validator))
      .send({ option: 'ikm_meningkat' });
    expect(verified.status).toBe(200);
    expect(
      (await t.http().get(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(validator))).body[0].verifiedOption,
    ).toBe('ikm_meningkat');
    // The coordinator and the innovation's OPD see the data but not the verified option; another OPD of the region sees none.
    const asCoordinator = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(coord));
    expect([asCoordinator.status, asCoordinator.body[0].dataOption, 'verifiedOption' in asCoordinator.body[0]]).toEqual([
      200,
      'ikm_meningkat',
      false,
    ]);
    const asOwner = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(rsud));
    expect([asOwner.status, asOwner.body.length, asOwner.body[0].innovationId, 'verifiedOption' in asOwner.body[0]]).toEqual([
      200,
      1,
      sitaro,
      false,
    ]);
    const asOtherOpd = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}/survey-answers`).set(bearer(dukcapil));
    expect([asOtherOpd.status, asOtherOpd.body]).toEqual([200, []]);
  });
});
