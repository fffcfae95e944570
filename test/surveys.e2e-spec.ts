import { createHash } from 'node:crypto';
import { accountToken } from '@app/common';
import { createTestApp, type TestApp } from './support/test-app';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { waitFor } from './support/wait';
import { demoDeskReview } from './support/demo-desk-review';
import { bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';

const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);
const all = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
const csvRow = (a: Record<string, number>, rest = '') => `${Object.values(a).join(',')}${rest}`;
const HEADER = 'u1,u2,u3,u4,u5,u6,u7,u8,u9';
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('satisfaction surveys: SKM → IKM per service unit (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let rsud: string;
  let disdukcapil: string;
  let organizer: string;
  let unitId: string;
  let period: { id: string; code: string };
  let burstPeriod: { id: string; code: string };
  const LIMIT = 40;

  beforeAll(async () => {
    t = await createTestApp({ SURVEY_RESPONSE_LIMIT: String(LIMIT), SURVEY_BURST_COUNT: '3', SURVEY_BURST_SECONDS: '600' });
    await seedDemo(t);
    rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    disdukcapil = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const unit = await t.http().post('/api/survey-units').set(bearer(rsud)).send({ name: 'Farmasi Rawat Jalan', population: 20 });
    expect(unit.status).toBe(201);
    unitId = unit.body.id;
    const now = Date.now();
    const p = await t
      .http()
      .post(`/api/survey-units/${unitId}/periods`)
      .set(bearer(rsud))
      .send({ label: 'SKM Semester II', opensAt: iso(now - day), closesAt: iso(now + 30 * day) });
    expect(p.status).toBe(201);
    period = p.body;
    const b = await t
      .http()
      .post(`/api/survey-units/${unitId}/periods`)
      .set(bearer(rsud))
      .send({ label: 'SKM uji lonjakan', opensAt: iso(now - day), closesAt: iso(now + 30 * day), population: 1000 });
    burstPeriod = b.body;
  });
  afterAll(async () => t?.close());

  it('an OPD registers a unit and opens a period with a short code; bad windows are 400 naming the field', async () => {
    expect(period.code).toMatch(/^[a-z2-9]{8}$/);
    const bad = await t
      .http()
      .post(`/api/survey-units/${unitId}/periods`)
      .set(bearer(rsud))
      .send({ label: 'x', opensAt: '2025-07-01T00:00:00+07:00', closesAt: '2025-01-01T00:00:00+07:00' });
    expect([bad.status, bad.body.code, fields(bad)]).toEqual([400, 'SURVEY_PERIOD_INVALID', ['closesAt']]);
    const noOffset = await t
      .http()
      .post(`/api/survey-units/${unitId}/periods`)
      .set(bearer(rsud))
      .send({ label: 'x', opensAt: '2025-01-01', closesAt: '2025-07-01T00:00:00+07:00' });
    expect([noOffset.status, fields(noOffset)]).toEqual([400, ['opensAt']]);
    const units = await t.http().get('/api/survey-units').set(bearer(rsud));
    expect(units.body.map((u: { name: string }) => u.name)).toEqual(['Farmasi Rawat Jalan', 'Instalasi Farmasi Rawat Jalan']);
  });

  it('the public form shows the nine elements in Bahasa Indonesia and English and takes a response without an account', async () => {
    const form = await t.http().get(`/api/public/surveys/${period.code}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      unit: 'Farmasi Rawat Jalan',
      organization: 'RSUD dr. Chasbullah Abdulmadjid Kota Bekasi',
      open: true,
    });
    expect(form.body.elements).toHaveLength(9);
    expect(form.body.elements[7]).toEqual({
      key: 'u8',
      label: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and feedback' },
    });
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post(`/api/public/surveys/${period.code}/responses`)
        .send({
          answers: { ...all(4), u8: 2 },
          suggestion: i === 0 ? 'Loket pengaduan sering kosong' : undefined,
          age: 40 + i,
          sex: 'p',
          education: 's1',
          occupation: 'swasta',
          respondent: `A-00${i}`,
        });
      expect([res.status, res.body]).toEqual([201, { accepted: true }]);
    }
    expect((await t.http().get('/api/public/surveys/zzzzzzzz')).status).toBe(404);
  });

  it('refuses a bad answer with the field named, a second response of the same ticket with 409, and keeps only the ticket hash', async () => {
    const bad = await t
      .http()
      .post(`/api/public/surveys/${period.code}/responses`)
      .send({ answers: { ...all(3), u3: 5 }, sex: 'x' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['answers.u3', 'sex']));
    const again = await t
      .http()
      .post(`/api/public/surveys/${period.code}/responses`)
      .send({ answers: all(1), respondent: 'a-001 ' });
    expect([again.status, again.body.code]).toEqual([409, 'SURVEY_ALREADY_RESPONDED']);
    const rows = await t.db.query(`SELECT respondent_hash, address_hash FROM survey_responses WHERE period_id = $1`, [period.id]);
    expect(rows.rows).toHaveLength(3);
    for (const r of rows.rows) {
      expect(r.respondent_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.address_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r)).not.toMatch(/A-00|127\.0\.0\.1/);
    }
  });

  it('a period that has not opened takes no response (409)', async () => {
    const future = await t
      .http()
      .post(`/api/survey-units/${unitId}/periods`)
      .set(bearer(rsud))
      .send({ label: 'Tahun depan', opensAt: iso(Date.now() + 300 * day), closesAt: iso(Date.now() + 400 * day) });
    const res = await t
      .http()
      .post(`/api/public/surveys/${future.body.code}/responses`)
      .send({ answers: all(3) });
    expect([res.status, res.body.code]).toEqual([409, 'SURVEY_PERIOD_NOT_OPEN']);
  });

  it('a CSV import is all-or-nothing: a bad file lists every bad line and field and writes nothing', async () => {
    const csv = [
      `${HEADER},jenis_kelamin,responden`,
      csvRow(all(3), ',l,B-1'),
      csvRow({ ...all(3), u2: 5 }, ',x,B-2'),
      csvRow(all(3), ',p,A-000'),
    ].join('\n');
    const res = await t.http().post(`/api/survey-periods/${period.id}/imports`).set(bearer(rsud)).set('content-type', 'text/csv').send(csv);
    expect([res.status, res.body.code]).toEqual([400, 'SURVEY_IMPORT_INVALID']);
    expect(res.body.details.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:u2', '3:jenis_kelamin']);
    const dupe = await t
      .http()
      .post(`/api/survey-periods/${period.id}/imports`)
      .set(bearer(rsud))
      .set('content-type', 'text/csv')
      .send([`${HEADER},responden`, csvRow(all(3), ',A-000')].join('\n'));
    expect(dupe.body.details.errors).toEqual([{ row: 2, field: 'responden', message: 'this respondent already answered in this period' }]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE period_id = $1`, [period.id])).rows[0].n).toBe(3);
  });

  it('imports paper results (semicolon CSV) and computes the IKM: 78.07, B (Baik), weakest element U8, sample 19 of 19 reached', async () => {
    const lines = Array.from({ length: 16 }, (_, i) => `${Object.values(all(3)).join(';')};${i % 2 ? 'l' : 'p'};sma;Pelayanan cepat`);
    const res = await t
      .http()
      .post(`/api/survey-periods/${period.id}/imports`)
      .set(bearer(rsud))
      .set('content-type', 'text/csv')
      .send([`${HEADER.replaceAll(',', ';')};jenis_kelamin;pendidikan;saran`, ...lines].join('\n'));
    expect([res.status, res.body]).toEqual([201, { imported: 16 }]);

    const view = await t.http().get(`/api/survey-periods/${period.id}`).set(bearer(rsud));
    expect(view.status).toBe(200);
    // u8: (3·2 + 16·3)/19 = 2.8421 → 71.05 (C); the others 60/19 = 3.1579 → 78.95 (B); IKM 534/171 × 25 = 78.07.
    expect(view.body.ikm).toMatchObject({
      responses: 19,
      index: 3.12,
      ikm: 78.07,
      grade: 'B',
      label: { id: 'Baik', en: 'Good' },
      weakest: 'u8',
    });
    expect(view.body.ikm.elements.find((e: { key: string }) => e.key === 'u8')).toMatchObject({ nrr: 2.84, converted: 71.05, grade: 'C' });
    expect(view.body.ikm.elements.find((e: { key: string }) => e.key === 'u1')).toMatchObject({ nrr: 3.16, converted: 78.95, grade: 'B' });
    expect(view.body.sample).toEqual({ population: 20, required: 19, responses: 19, reached: true });
    expect([view.body.formResponses, view.body.importedResponses, view.body.excludedResponses]).toEqual([3, 16, 0]);
    expect(view.body.suggestions.map((x: { text: string }) => x.text)).toContain('Loket pengaduan sering kosong');

    const pub = await t.http().get(`/api/public/surveys/${period.code}/ikm`);
    expect(pub.body).toMatchObject({
      unit: 'Farmasi Rawat Jalan',
      ikm: { ikm: 78.07, grade: 'B' },
      sample: { required: 19, reached: true },
    });
    expect(JSON.stringify(pub.body)).not.toContain('Loket pengaduan');
    const audit = await t.db.query(`SELECT after FROM audit_events WHERE action = 'survey_response.import' AND entity_id = $1`, [
      period.id,
    ]);
    expect(audit.rows.map((r) => r.after.imported)).toEqual([16]);
  });

  it('only the unit’s organization (and its coordinator, admins) manage it; another OPD gets 404; organizers read only', async () => {
    expect((await t.http().get(`/api/survey-periods/${period.id}`).set(bearer(disdukcapil))).status).toBe(404);
    expect((await t.http().get(`/api/survey-units/${unitId}`).set(bearer(disdukcapil))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`/api/survey-periods/${period.id}/imports`)
          .set(bearer(disdukcapil))
          .set('content-type', 'text/csv')
          .send(`${HEADER}\n${csvRow(all(1))}`)
      ).status,
    ).toBe(404);
    expect((await t.http().get(`/api/survey-units`).set(bearer(disdukcapil))).body).toEqual([]);
    expect(
      (await t.http().get(`/api/survey-units`).set(bearer(organizer))).body.map((u: { organizationName: string }) => u.organizationName),
    ).toEqual(['RSUD dr. Chasbullah Abdulmadjid Kota Bekasi', 'RSUD dr. Chasbullah Abdulmadjid Kota Bekasi']);
    const read = await t.http().get(`/api/survey-units/${unitId}`).set(bearer(organizer));
    expect([read.status, read.body.periods.find((p: { id: string }) => p.id === period.id).ikm.ikm]).toEqual([200, 78.07]);
    expect(
      (
        await t
          .http()
          .post(`/api/survey-periods/${period.id}/imports`)
          .set(bearer(organizer))
          .set('content-type', 'text/csv')
          .send(`${HEADER}\n${csvRow(all(1))}`)
      ).status,
    ).toBe(403);
  });

  it('flags a burst of form responses to the unit, keeps counting them, and excludes them only by an audited decision with a reason', async () => {
    const ids: string[] = [];
    for (const v of [1, 1, 1, 1])
      expect(
        (
          await t
            .http()
            .post(`/api/public/surveys/${burstPeriod.code}/responses`)
            .send({ answers: all(v) })
        ).status,
      ).toBe(201);
    const flagged = await t.http().get(`/api/survey-periods/${burstPeriod.id}`).set(bearer(rsud));
    expect(flagged.body.bursts).toHaveLength(1);
    ids.push(...flagged.body.bursts[0].responseIds);
    expect(ids).toHaveLength(4);
    expect(flagged.body.ikm).toMatchObject({ responses: 4, ikm: 25, grade: 'D' });

    const noReason = await t.http().post(`/api/survey-periods/${burstPeriod.id}/exclusions`).set(bearer(rsud)).send({ responseIds: ids });
    expect([noReason.status, fields(noReason)]).toEqual([400, ['reason']]);
    const decided = await t
      .http()
      .post(`/api/survey-periods/${burstPeriod.id}/exclusions`)
      .set(bearer(rsud))
      .send({ responseIds: ids, reason: 'Empat isian dalam satu menit dari satu perangkat' });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ responses: 4, ikm: { responses: 0, ikm: null } });
    const again = await t
      .http()
      .post(`/api/survey-periods/${burstPeriod.id}/exclusions`)
      .set(bearer(rsud))
      .send({ responseIds: ids, reason: 'lagi' });
    expect([again.status, again.body.code]).toEqual([400, 'SURVEY_EXCLUSION_INVALID']);

    const after = await t.http().get(`/api/survey-periods/${burstPeriod.id}`).set(bearer(rsud));
    expect(after.body).toMatchObject({
      excludedResponses: 4,
      bursts: [],
      exclusions: [{ reason: 'Empat isian dalam satu menit dari satu perangkat', responses: 4 }],
    });
    const audit = await t.db.query(
      `SELECT reason, before, after FROM audit_events WHERE action = 'survey_response.exclude' AND entity_id = $1`,
      [burstPeriod.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      reason: 'Empat isian dalam satu menit dari satu perangkat',
      before: { responses: 4, ikm: 25 },
      after: { responses: 0, ikm: null },
    });
    expect([...audit.rows[0].after.excluded].sort()).toEqual([...ids].sort());
  });

  it('limits public responses per address with counters in PostgreSQL: over the limit is 429 with Retry-After', async () => {
    await t.db.query(
      `INSERT INTO citizen_rate_limits (key, window_start, hits) VALUES ('survey-response:gone', now() - interval '3 days', 7)`,
    );
    const used = (
      await t.db.query(
        `SELECT coalesce(sum(hits), 0)::int AS n FROM citizen_rate_limits WHERE key LIKE 'survey-response:%' AND window_start = to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600)`,
      )
    ).rows[0].n;
    expect(used).toBeGreaterThan(0);
    for (let i = used; i < LIMIT; i++)
      expect(
        (
          await t
            .http()
            .post(`/api/public/surveys/${burstPeriod.code}/responses`)
            .send({ answers: all(2) })
        ).status,
      ).toBe(201);
    const over = await t
      .http()
      .post(`/api/public/surveys/${burstPeriod.code}/responses`)
      .send({ answers: all(2) });
    expect([over.status, over.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect((await t.db.query(`SELECT 1 FROM citizen_rate_limits WHERE key = 'survey-response:gone'`)).rows).toEqual([]); // stale windows are swept
  });
});

describe('survey evidence of an innovation’s impact: IKM before and after its start (e2e)', () => {
  let t: TestApp;
  let rsud: string;
  let organizer: string;
  let innovationId: string;
  let unitId: string;
  let before: string;
  let after: string;
  let early: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const competitionId = (await openCompetition(t, organizer, { slug: 'iga-skm' })).id;
    const created = await t
      .http()
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(rsud))
      .send({ title: 'SiTaro', startDate: '2021-10-25' });
    expect(created.status).toBe(201);
    innovationId = created.body.id;
    unitId = (await t.http().post('/api/survey-units').set(bearer(rsud)).send({ name: 'Farmasi Rawat Jalan', population: 1000 })).body.id;
    const mk = async (label: string, from: string, to: string) =>
      (await t.http().post(`/api/survey-units/${unitId}/periods`).set(bearer(rsud)).send({ label, opensAt: from, closesAt: to })).body as {
        id: string;
      };
    before = (await mk('SKM 2021 Semester I', '2021-01-01T00:00:00+07:00', '2021-07-01T00:00:00+07:00')).id;
    after = (await mk('SKM 2022 Semester I', '2022-01-01T00:00:00+07:00', '2022-07-01T00:00:00+07:00')).id;
    early = (await mk('SKM 2021 Semester II', '2021-07-01T00:00:00+07:00', '2022-01-01T00:00:00+07:00')).id;
    const upload = (id: string, rows: string[]) =>
      t
        .http()
        .post(`/api/survey-periods/${id}/imports`)
        .set(bearer(rsud))
        .set('content-type', 'text/csv')
        .send([HEADER, ...rows].join('\n'));
    expect((await upload(before, [csvRow({ ...all(3), u3: 1 }), csvRow({ ...all(3), u3: 2 })])).status).toBe(201);
    expect((await upload(after, [csvRow({ ...all(3), u3: 4 }), csvRow(all(4))])).status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('refuses periods that do not straddle the start date, naming the field', async () => {
    const res = await t
      .http()
      .post(`/api/innovations/${innovationId}/survey-evidence`)
      .set(bearer(rsud))
      .send({ unitId, beforePeriodId: early, afterPeriodId: after });
    expect([res.status, res.body.code, fields(res)]).toEqual([400, 'SURVEY_EVIDENCE_INVALID', ['beforePeriodId']]);
  });

  it('the dossier shows IKM before and after per element with sample sizes, for the OPD and the organizer; not for another OPD', async () => {
    const res = await t
      .http()
      .post(`/api/innovations/${innovationId}/survey-evidence`)
      .set(bearer(rsud))
      .send({ unitId, beforePeriodId: before, afterPeriodId: after });
    expect(res.status).toBe(201);
    // before: u3 mean 1.5 → 37.5; others 75; IKM (8·3 + 1.5)/9 × 25 = 70.83 (C). after: u3 4 → 100; others 3.5 → 87.5; IKM 88.89 (A).
    expect(res.body.ikm).toEqual({ key: 'ikm', before: 70.83, after: 88.89, change: 18.06 });
    expect(res.body.elements.find((e: { key: string }) => e.key === 'u3')).toEqual({ key: 'u3', before: 37.5, after: 100, change: 62.5 });
    expect(res.body.before).toMatchObject({
      label: 'SKM 2021 Semester I',
      ikm: { grade: 'C', weakest: 'u3' },
      sample: { population: 1000, required: 278, responses: 2, reached: false },
    });
    expect(res.body.after).toMatchObject({ ikm: { grade: 'A' }, sample: { responses: 2 } });

    const read = await t.http().get(`/api/innovations/${innovationId}/survey-evidence`).set(bearer(organizer));
    expect([read.status, read.body.length, read.body[0].ikm.after]).toEqual([200, 1, 88.89]);
    const other = await t
      .http()
      .get(`/api/innovations/${innovationId}/survey-evidence`)
      .set(bearer((await login(t, 'opd.disdukcapil@demo.local')).accessToken));
    expect(other.status).toBe(404);
    const twice = await t
      .http()
      .post(`/api/innovations/${innovationId}/survey-evidence`)
      .set(bearer(rsud))
      .send({ unitId, beforePeriodId: before, afterPeriodId: after });
    expect(twice.status).toBe(409);
  });
});

describe('demo seed: SiTaro’s pharmacy surveyed before and after its 2021 launch (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    await seedDemo(t); // idempotent
  });
  afterAll(async () => t?.close());

  it('shows the dossier’s IKM before (C, waiting time weakest) and after (B), each with its sample reached', async () => {
    const organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const [sitaro] = (
      await t.db.query(
        `SELECT i.id FROM innovations i JOIN competitions c ON c.id = i.competition_id WHERE c.slug = 'iga-2024-demo' AND i.title LIKE 'SiTaro%'`,
      )
    ).rows;
    const res = await t.http().get(`/api/innovations/${sitaro.id}/survey-evidence`).set(bearer(organizer));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const [e] = res.body;
    expect(e.unit.name).toBe('Instalasi Farmasi Rawat Jalan');
    expect(e.before).toMatchObject({
      label: 'SKM Semester I 2021',
      ikm: { grade: 'C', weakest: 'u3' },
      sample: { population: 1000, required: 278, responses: 290, reached: true },
    });
    expect(e.after).toMatchObject({
      label: 'SKM Semester I 2022',
      ikm: { grade: 'B' },
      sample: { required: 278, responses: 310, reached: true },
    });
    expect(e.elements.find((x: { key: string }) => x.key === 'u3').change).toBeGreaterThan(30);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM survey_units`)).rows[0].n).toBe(1);
    const pub = await t.http().get('/api/public/surveys/sitaro22/ikm');
    expect(pub.body.ikm.grade).toBe('B');
  });

  it("the public sees the unit's IKM history (oldest first) and SiTaro's before/after on its public page, without an account", async () => {
    const [unit] = (await t.db.query(`SELECT id FROM survey_units WHERE name = 'Instalasi Farmasi Rawat Jalan'`)).rows;
    const history = await t.http().get(`/api/public/survey-units/${unit.id}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      unit: 'Instalasi Farmasi Rawat Jalan',
      organization: 'RSUD dr. Chasbullah Abdulmadjid Kota Bekasi',
    });
    expect(
      history.body.periods.map((p: { label: string; ikm: { grade: string; responses: number } }) => [
        p.label,
        p.ikm.grade,
        p.ikm.responses,
      ]),
    ).toEqual([
      ['SKM Semester I 2021', 'C', 290],
      ['SKM Semester I 2022', 'B', 310],
    ]);
    expect(JSON.stringify(history.body)).not.toMatch(/"suggestions?"|"sex"/);
    expect((await t.http().get('/api/public/surveys/sitaro22/ikm')).body.unitId).toBe(unit.id);
    expect((await t.http().get('/api/public/survey-units/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const [sitaro] = (
      await t.db.query(
        `SELECT i.id FROM innovations i JOIN competitions c ON c.id = i.competition_id WHERE c.slug = 'iga-2024-demo' AND i.title LIKE 'SiTaro%'`,
      )
    ).rows;
    const evidence = await t.http().get(`/api/public/innovations/${sitaro.id}/survey-evidence`);
    expect([evidence.status, evidence.body[0].before.ikm.grade, evidence.body[0].after.ikm.grade]).toEqual([200, 'C', 'B']);
    const [draft] = (await t.db.query(`SELECT id FROM innovations WHERE submitted_at IS NULL LIMIT 1`)).rows;
    if (draft) expect((await t.http().get(`/api/public/innovations/${draft.id}/survey-evidence`)).status).toBe(404);
  });

  it('a juror assigned to SiTaro reads its before/after in the dossier; a juror who is not assigned gets 404; a juror cannot link evidence', async () => {
    const review = await demoDeskReview(t);
    expect(review.assignments.length).toBeGreaterThan(0);
    const juror = (await login(t, review.assignments[0].email)).accessToken;
    const sheet = await t.http().get(`/api/assignments/${review.assignments[0].id}/sheet`).set(bearer(juror));
    expect(sheet.body.rubric.map((c: { key: string }) => c.key)).toContain('kemanfaatan');
    const mine = await t.http().get(`/api/innovations/${review.sitaro}/survey-evidence`).set(bearer(juror));
    expect([mine.status, mine.body.length, mine.body[0]?.before.ikm.grade, mine.body[0]?.after.ikm.grade]).toEqual([200, 1, 'C', 'B']);
    const other = (await login(t, review.otherJuror)).accessToken;
    expect((await t.http().get(`/api/innovations/${review.sitaro}/survey-evidence`).set(bearer(other))).status).toBe(404);
    const link = await t
      .http()
      .post(`/api/innovations/${review.sitaro}/survey-evidence`)
      .set(bearer(juror))
      .send({ unitId: mine.body[0].unit.id, beforePeriodId: mine.body[0].before.periodId, afterPeriodId: mine.body[0].after.periodId });
    expect(link.status).toBe(403);
  });
});

describe("the public 'Juara Favorit' vote: e-mail verified, one per person and category, verifiable tally (e2e)", () => {
  let t: TestApp;
  let organizer: string;
  let competitionId: string;
  let ids: Record<string, string>;
  let pollId: string;
  const VOTE_LIMIT = 30;

  const cast = (innovationId: string, email: string) =>
    t.http().post(`/api/public/favourite-polls/${pollId}/votes`).send({ innovationId, email });
  let sink: SmtpSink;
  /** The token of the confirmation link in the latest mail to `email` (delivered by the outbox through SMTP). */
  const tokenFor = async (email: string) => {
    const mail = await waitFor(`confirmation mail to ${email}`, () => sink.to(email).at(-1));
    return /\/v\/([\w.-]+)/.exec(mail.text)![1];
  };
  const verify = (token: string) => t.http().post('/api/public/favourite-votes/verify').send({ token });

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Without Redis the outbox is drained in process: the confirmation mails really go out through SMTP.
    t = await createTestApp({
      VOTE_REQUEST_LIMIT: String(VOTE_LIMIT),
      VOTE_DISPOSABLE_DOMAINS: 'mailinator.com,yopmail.com',
      REDIS_URL: '',
      SMTP_URL: sink.url,
      NOTIFY_POLL_MS: '50',
      NOTIFY_MAX_ATTEMPTS: '1',
    });
    await seedDemo(t);
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
    competitionId = (await openCompetition(t, organizer, { slug: 'favorit' })).id;
    ids = await seedSubmitted(t, competitionId, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap' },
      { code: 'BAPPEDA-KAB-BEKASI', title: 'Inovasi Kabupaten' },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('an organizer opens a vote for a category’s finalists; an innovation of another category is refused by its index', async () => {
    const body = {
      category: 'kota',
      opensAt: iso(Date.now() - 3600_000),
      closesAt: iso(Date.now() + day),
      innovationIds: [ids.SiTaro, ids['Patriot Mantap'], ids['Inovasi Kabupaten']],
    };
    const bad = await t.http().post(`/api/competitions/${competitionId}/favourite-polls`).set(bearer(organizer)).send(body);
    expect([bad.status, fields(bad)]).toEqual([400, ['innovationIds[2]']]);
    const res = await t
      .http()
      .post(`/api/competitions/${competitionId}/favourite-polls`)
      .set(bearer(organizer))
      .send({ ...body, innovationIds: body.innovationIds.slice(0, 2) });
    expect(res.status).toBe(201);
    expect(res.body.candidates.map((c: { title: string }) => c.title)).toEqual(['SiTaro', 'Patriot Mantap']);
    pollId = res.body.id;
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    expect((await t.http().post(`/api/competitions/${competitionId}/favourite-polls`).set(bearer(rsud)).send(body)).status).toBe(403);
  });

  it('a vote counts only once its e-mailed one-time link is opened; one per person (gmail dots and +tags are one person); disposable domains refused', async () => {
    const disposable = await cast(ids.SiTaro, 'someone@mailinator.com');
    expect([disposable.status, disposable.body.code, fields(disposable)]).toEqual([400, 'VOTE_EMAIL_DISPOSABLE', ['email']]);
    const notCandidate = await cast(ids['Inovasi Kabupaten'], 'ani.warga@gmail.com');
    expect([notCandidate.status, fields(notCandidate)]).toEqual([400, ['innovationId']]);

    const first = await cast(ids.SiTaro, 'Ani.Warga@gmail.com');
    expect([first.status, first.body.status]).toEqual([202, 'verification_sent']);
    const mail = await t.db.query(`SELECT channel, address, payload FROM outbox_messages WHERE type = 'favourite_vote_verify'`);
    expect(mail.rows).toEqual([
      {
        channel: 'email',
        address: 'Ani.Warga@gmail.com',
        payload: expect.objectContaining({ innovation: 'SiTaro', category: 'kota', tokenId: expect.any(String) }),
      },
    ]);
    expect(mail.rows[0].payload).not.toHaveProperty('token'); // the link is signed at delivery, never stored
    const sent = await waitFor('the confirmation mail', () => sink.to('Ani.Warga@gmail.com')[0]);
    expect(sent.subject).toBe('Konfirmasi suara Juara Favorit: SiTaro');
    expect(sent.text).toContain('Anda memilih "SiTaro" sebagai Juara Favorit kategori kota, Kompetisi favorit.');
    // A second request before confirming (another candidate) is allowed; only one of the two can be confirmed.
    expect((await cast(ids['Patriot Mantap'], 'aniwarga+lagi@gmail.com')).status).toBe(202);
    const tokenA = await tokenFor('Ani.Warga@gmail.com');
    const tokenB = await tokenFor('aniwarga+lagi@gmail.com');

    const ok = await verify(tokenA);
    expect([ok.status, ok.body.verified, ok.body.innovationId]).toEqual([200, true, ids.SiTaro]);
    expect((await verify(tokenA)).status).toBe(200); // opening the link twice is harmless
    const second = await verify(tokenB);
    expect([second.status, second.body.code]).toEqual([409, 'VOTE_ALREADY_CAST']);
    const again = await cast(ids.SiTaro, 'a.n.i.warga@googlemail.com');
    expect([again.status, again.body.code]).toEqual([409, 'VOTE_ALREADY_CAST']);
    expect((await verify('x'.repeat(32))).status).toBe(404);

    for (const [email, title] of [
      ['budi@yahoo.co.id', 'Patriot Mantap'],
      ['citra@bekasikota.go.id', 'SiTaro'],
    ] as const) {
      expect((await cast(ids[title], email)).status).toBe(202);
      expect((await verify(await tokenFor(email))).status).toBe(200);
    }
    expect((await cast(ids['Patriot Mantap'], 'dina@gmail.com')).status).toBe(202); // never confirmed: never counted

    const rows = await t.db.query(`SELECT voter_hash, email_domain, token_hash FROM favourite_votes`);
    expect(JSON.stringify(rows.rows)).not.toMatch(/ani|budi|citra|dina/i);
  });

  it('a confirmation link is seen only by its recipient: a dead mail shows admins and organizers no link, and its replay mails the same working link', async () => {
    sink.rejecting = true;
    expect((await cast(ids.SiTaro, 'fajar@gmail.com')).status).toBe(202);
    const row = await waitFor(
      'the dead confirmation mail',
      async () =>
        (await t.db.query(`SELECT id, payload FROM outbox_messages WHERE address = 'fajar@gmail.com' AND status = 'dead'`)).rows[0],
    );
    sink.rejecting = false;
    const link = accountToken(t.env.jwt.refreshSecret, 'favourite_vote', row.payload.tokenId);
    expect(JSON.stringify(row)).not.toContain(link);
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    for (const who of [admin, organizer]) {
      const dead = await t.http().get('/api/admin/outbox?status=dead&type=favourite_vote_verify').set(bearer(who));
      expect(dead.status).toBe(200);
      expect(JSON.stringify(dead.body)).not.toContain(link.split('.')[1]);
    }
    // A row stored before links were signed at delivery keeps its token out of the view too.
    await t.db.query(`UPDATE outbox_messages SET payload = payload || '{"token":"old-secret-link-token"}' WHERE id = $1`, [row.id]);
    const listed = await t.http().get('/api/admin/outbox?status=dead&type=favourite_vote_verify').set(bearer(admin));
    expect(listed.body.items.find((m: { id: string }) => m.id === row.id).payload.token).toBe('[redacted]');
    await t.db.query(`UPDATE outbox_messages SET payload = payload - 'token' WHERE id = $1`, [row.id]);

    expect((await t.http().post(`/api/admin/outbox/${row.id}/replay`).set(bearer(admin))).status).toBe(200);
    expect(await tokenFor('fajar@gmail.com')).toBe(link);
  });

  it('hides the results while voting is open, then publishes a tally whose hash anyone can recompute', async () => {
    const open = await t.http().get(`/api/public/favourite-polls/${pollId}`);
    expect([open.status, open.body.open, open.body.results]).toEqual([200, true, null]);
    const admin = await t.http().get(`/api/competitions/${competitionId}/favourite-polls`).set(bearer(organizer));
    expect(admin.body[0]).toMatchObject({ requested: 6, verified: 3 });
    expect(JSON.stringify(admin.body)).not.toContain('"votes"');

    await t.db.query(
      `UPDATE favourite_polls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = $1`,
      [pollId],
    );
    const closed = await t.http().get(`/api/public/favourite-polls/${pollId}`);
    expect(closed.body.open).toBe(false);
    expect(closed.body.results.rows).toEqual([
      { innovationId: ids.SiTaro, votes: 2 },
      { innovationId: ids['Patriot Mantap'], votes: 1 },
    ]);
    const { input, hash } = closed.body.results;
    expect(input.candidates[ids.SiTaro]).toHaveLength(2);
    const { canonicalize } = await import('@app/kernel');
    expect(hash).toBe(`sha256:${createHash('sha256').update(canonicalize(input)!).digest('hex')}`);
    const late = await cast(ids.SiTaro, 'eko@gmail.com');
    expect([late.status, late.body.code]).toEqual([409, 'VOTE_POLL_CLOSED']);
  });

  it('limits vote requests per address (429 with Retry-After)', async () => {
    const used = (
      await t.db.query(
        `SELECT coalesce(sum(hits), 0)::int AS n FROM citizen_rate_limits WHERE key LIKE 'favourite-vote:%' AND window_start = to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600)`,
      )
    ).rows[0].n;
    for (let i = used; i < VOTE_LIMIT; i++) expect((await cast(ids.SiTaro, `warga${i}@gmail.com`)).status).not.toBe(429);
    const over = await cast(ids.SiTaro, 'terakhir@gmail.com');
    expect([over.status, over.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});
