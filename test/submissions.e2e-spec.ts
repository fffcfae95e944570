import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CompetitionsService } from '@app/competitions';
import { createTestApp, type TestApp } from './support/test-app';
import {
  acceptInvitation,
  bearer,
  completeProposal,
  idOf,
  login,
  openCompetition,
  seedDemo,
  submissionOpenSince,
  tinyPdf,
  uploadPdf,
} from './support/factories';

const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);

/** The fields of an innovation's summary (`InnovationSummaryView`), sorted. */
const SUMMARY_KEYS = [
  'category',
  'competitionId',
  'createdAt',
  'currentStage',
  'digital',
  'id',
  'organizationId',
  'phase',
  'regionId',
  'status',
  'submittedAt',
  'title',
  'updatedAt',
  'version',
];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('competitions and submissions: the OPD side (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let organizer: string;
  let rsud: string;
  let disdukcapil: string;
  let coordinator: string;
  let competitionId: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: '4096' });
    await seedDemo(t);
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
    rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    disdukcapil = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    coordinator = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    competitionId = (await openCompetition(t, organizer, { slug: 'iga-e2e' })).id;
  });
  afterAll(async () => t?.close());

  it('GET /api/competitions/:id (JSON made by PostgreSQL) is the view the service builds, and keeps the read rules', async () => {
    // The body does not depend on who reads it: the service's view as an admin sees it.
    const actor = { ...(await t.http().get('/api/me').set(bearer(organizer))).body, role: 'admin', sessionId: 'test' };
    const res = await t.http().get(`/api/competitions/${competitionId}`).set(bearer(organizer));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const built = JSON.parse(JSON.stringify(await t.app.get(CompetitionsService).get(actor, competitionId)));
    expect(res.body).toEqual(built);
    expect(res.body.stages.some((s: { openedAt: string | null }) => s.openedAt !== null)).toBe(true);
    // an OPD reads an open edition; another organizer's draft is a 404 to everyone but its organizers and admins
    expect((await t.http().get(`/api/competitions/${competitionId}`).set(bearer(rsud))).status).toBe(200);
    const draft = await t
      .http()
      .post('/api/competitions')
      .set(bearer(organizer))
      .send({ name: 'Draf JSON', slug: 'draf-json', year: 2027, template: 'iga-kipp' });
    expect(draft.status).toBe(201);
    expect((await t.http().get(`/api/competitions/${draft.body.id}`).set(bearer(rsud))).status).toBe(404);
    expect((await t.http().get(`/api/competitions/${draft.body.id}`).set(bearer(organizer))).body).toEqual(
      JSON.parse(JSON.stringify(await t.app.get(CompetitionsService).get(actor, draft.body.id))),
    );
    expect((await t.http().get('/api/competitions/00000000-0000-4000-8000-000000000000').set(bearer(organizer))).status).toBe(404);
  });

  it('creates an edition from the template with the DOMAIN stage plan, and validates plans with named fields', async () => {
    const c = await t.http().get(`/api/competitions/${competitionId}`).set(bearer(organizer));
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('open');
    expect(c.body.plan.stages.map((s: { key: string; weight: number }) => `${s.key}:${s.weight}`)).toEqual([
      'submission:0',
      'screening:0',
      'desk_review:0',
      'presentation:60',
      'field_verification:40',
    ]);
    expect(c.body.stages[0]).toMatchObject({ key: 'submission', status: 'open' });

    const plan = c.body.plan;
    plan.stages[3].rubric[0].min = 100; // min ≥ max
    plan.stages[4].key = 'presentation'; // duplicate key
    const bad = await t.http().post('/api/competitions').set(bearer(organizer)).send({ name: 'Rusak', slug: 'rusak', year: 2027, plan });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['stages[3].rubric[0].min', 'stages[4].key']));
    const dupSlug = await t
      .http()
      .post('/api/competitions')
      .set(bearer(organizer))
      .send({ name: 'Lagi', slug: 'iga-e2e', year: 2027, template: 'iga-kipp' });
    expect(dupSlug.status).toBe(409);
  });

  it('runs the OPD flow from draft to submitted with a document', async () => {
    const draft = await t
      .http()
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(rsud))
      .send({ title: 'SiTaro (Siap Antar Obat)' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', category: 'kota', organizationName: expect.stringContaining('RSUD') });
    const id = draft.body.id;

    const early = await t.http().post(`/api/innovations/${id}/submit`).set(bearer(rsud));
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('SUBMISSION_INCOMPLETE');
    expect(fields(early)).toEqual(expect.arrayContaining(['summary', 'phase', 'startDate', 'sections.ringkasan', 'documents']));

    const edited = await t.http().patch(`/api/innovations/${id}`).set(bearer(rsud)).send(completeProposal('SiTaro (Siap Antar Obat)'));
    expect(edited.status).toBe(200);
    const noDoc = await t.http().post(`/api/innovations/${id}/submit`).set(bearer(rsud));
    expect(noDoc.status).toBe(400);
    expect(fields(noDoc)).toEqual(['documents']);

    const up = await uploadPdf(t, rsud, id);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ mediaType: 'application/pdf', fileName: 'sk-inovasi.pdf', size: tinyPdf().length });
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    const submitted = await t.http().post(`/api/innovations/${id}/submit`).set(bearer(rsud));
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedAt).toBeTruthy();

    const again = await t.http().post(`/api/innovations/${id}/submit`).set(bearer(rsud)).set('accept-language', 'en');
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('"submitted"');

    const download = await t.http().get(`/api/documents/${up.body.id}`).set(bearer(rsud));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment; filename="sk-inovasi.pdf"');
    expect(Buffer.from(download.body).equals(tinyPdf())).toBe(true);

    const history = await t.http().get(`/api/innovations/${id}/history`).set(bearer(rsud));
    expect(history.body.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`)).toEqual(['null→draft', 'draft→submitted']);
    const audit = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 OR (entity_type = 'document' AND after->>'innovationId' = $1) ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'innovation.create',
      'innovation.update',
      'document.upload',
      'innovation.submitted',
    ]);
  });

  it('with the coordinator step: waits, is returned with a comment, then forwarded', async () => {
    const cc = await openCompetition(t, organizer, { slug: 'kipp-koordinator', requireCoordinator: true });
    const draft = await t
      .http()
      .post(`/api/competitions/${cc.id}/innovations`)
      .set(bearer(disdukcapil))
      .send(completeProposal('Patriot Mantap'));
    const id = draft.body.id;
    expect((await uploadPdf(t, disdukcapil, id)).status).toBe(201);
    const sent = await t.http().post(`/api/innovations/${id}/submit`).set(bearer(disdukcapil));
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('awaiting_coordinator');

    const queue = await t.http().get('/api/me/waiting').set(bearer(coordinator));
    expect(queue.status).toBe(200);
    expect(queue.body.counts).toEqual({ awaiting_coordinator: 1 });
    expect(queue.body.items[0].id).toBe(id);

    const noComment = await t.http().post(`/api/innovations/${id}/return`).set(bearer(coordinator)).send({});
    expect(noComment.status).toBe(400);
    expect(fields(noComment)).toContain('comment');
    const returned = await t
      .http()
      .post(`/api/innovations/${id}/return`)
      .set(bearer(coordinator))
      .send({ comment: 'Lengkapi SK Wali Kota tentang inovasi' });
    expect(returned.body.status).toBe('returned');
    const opdWaiting = await t.http().get('/api/me/waiting').set(bearer(disdukcapil));
    expect(opdWaiting.body.counts).toMatchObject({ returned: 1 });

    expect(
      (
        await t
          .http()
          .patch(`/api/innovations/${id}`)
          .set(bearer(disdukcapil))
          .send({ results: 'Layanan malam melayani 1.200 warga per bulan.' })
      ).status,
    ).toBe(200);
    expect((await t.http().post(`/api/innovations/${id}/submit`).set(bearer(disdukcapil))).body.status).toBe('awaiting_coordinator');
    const forwarded = await t.http().post(`/api/innovations/${id}/forward`).set(bearer(coordinator)).send({ comment: 'Sudah lengkap' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.status).toBe('submitted');

    const history = await t.http().get(`/api/innovations/${id}/history`).set(bearer(disdukcapil));
    expect(history.body.map((h: { to: string; reason: string | null }) => [h.to, h.reason])).toEqual([
      ['draft', null],
      ['awaiting_coordinator', null],
      ['returned', 'Lengkapi SK Wali Kota tentang inovasi'],
      ['awaiting_coordinator', null],
      ['submitted', 'Sudah lengkap'],
    ]);
    // The OPD cannot forward its own proposal; the coordinator cannot write it.
    expect((await t.http().post(`/api/innovations/${id}/forward`).set(bearer(disdukcapil)).send({})).status).toBe(403);
  });

  it('refuses word limits and eligibility with each rule named', async () => {
    const long = Array.from({ length: 201 }, () => 'kata').join(' ');
    const d = await t
      .http()
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(disdukcapil))
      .send({ title: 'Inovasi Baru', sections: { ringkasan: long, kebaruan: long } });
    expect(d.status).toBe(400);
    expect(fields(d)).toEqual(['sections.ringkasan', 'sections.kebaruan']);
    expect(d.body.details.fields[0].message).toContain('201');

    // Implemented only last month, and a title that duplicates SiTaro.
    const recent = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);
    const draft = await t
      .http()
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(disdukcapil))
      .send(completeProposal('  SITARO  (siap antar obat) ', { startDate: recent }));
    expect(draft.status).toBe(201);
    await uploadPdf(t, disdukcapil, draft.body.id);
    const res = await t.http().post(`/api/innovations/${draft.body.id}/submit`).set(bearer(disdukcapil));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SUBMISSION_INELIGIBLE');
    // The duplicate title is no longer a refusal: screeners see it (GET /api/innovations/:id/screening).
    expect(fields(res)).toEqual(['startDate']);
  });

  it('keeps OPDs apart: 404 for another OPD’s innovation, documents and downloads', async () => {
    const mine = await t.http().post(`/api/competitions/${competitionId}/innovations`).set(bearer(rsud)).send({ title: 'Rahasia RSUD' });
    const doc = await uploadPdf(t, rsud, mine.body.id);
    const other = disdukcapil;
    expect((await t.http().get(`/api/innovations/${mine.body.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().patch(`/api/innovations/${mine.body.id}`).set(bearer(other)).send({ summary: 'diubah' })).status).toBe(404);
    expect((await t.http().get(`/api/innovations/${mine.body.id}/documents`).set(bearer(other))).status).toBe(404);
    expect((await uploadPdf(t, other, mine.body.id)).status).toBe(404);
    expect((await t.http().get(`/api/documents/${doc.body.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/documents/${doc.body.id}`).set(bearer(other))).status).toBe(404);
    const list = await t.http().get(`/api/competitions/${competitionId}/innovations`).set(bearer(other));
    expect(list.body.items.map((i: { title: string }) => i.title)).not.toContain('Rahasia RSUD');
    // Unchanged after all that.
    const row = await t.db.query('SELECT summary FROM innovations WHERE id = $1', [mine.body.id]);
    expect(row.rows[0].summary).toBeNull();
    expect((await t.http().delete(`/api/documents/${doc.body.id}`).set(bearer(rsud))).status).toBe(204);
    expect((await t.db.query('SELECT count(*)::int AS n FROM documents WHERE id = $1', [doc.body.id])).rows[0].n).toBe(0);
  });

  it('refuses a wrong file type (415) and a too large file (413), leaving neither row nor file', async () => {
    const d = await t.http().post(`/api/competitions/${competitionId}/innovations`).set(bearer(rsud)).send({ title: 'Uji unggah' });
    const storage = path.join(t.env.dataDir, 'storage');
    const before = filesUnder(storage).length;
    const html = await t
      .http()
      .post(`/api/innovations/${d.body.id}/documents`)
      .set(bearer(rsud))
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), { filename: 'laporan.pdf', contentType: 'application/pdf' });
    expect(html.status).toBe(415);
    expect(html.body).toMatchObject({ statusCode: 415, code: 'DOCUMENT_UNSUPPORTED_TYPE' });
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(5000, 0x20)]);
    const large = await uploadPdf(t, rsud, d.body.id, 'besar.pdf', big);
    expect(large.status).toBe(413);
    expect(large.body.statusCode).toBe(413);
    const png = await t
      .http()
      .post(`/api/innovations/${d.body.id}/documents`)
      .set(bearer(rsud))
      .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), {
        filename: 'foto',
        contentType: 'application/octet-stream',
      });
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mediaType: 'image/png', fileName: 'foto.png' });
    expect((await t.db.query('SELECT count(*)::int AS n FROM documents WHERE innovation_id = $1', [d.body.id])).rows[0].n).toBe(1);
    expect(filesUnder(storage).length).toBe(before + 1);
  });

  it('refuses edits after the submission deadline (409 with the deadline)', async () => {
    const c = await openCompetition(t, organizer, { slug: 'tenggat' });
    const draft = await t.http().post(`/api/competitions/${c.id}/innovations`).set(bearer(rsud)).send({ title: 'Terlambat' });
    const plan = c.plan;
    plan.stages[0].opensAt = '2026-01-01T00:00:00+07:00';
    plan.stages[0].closesAt = '2026-03-31T23:59:59+07:00';
    const moved = await t.http().patch(`/api/competitions/${c.id}`).set(bearer(organizer)).send({ plan, reason: 'uji tenggat' });
    expect(moved.status).toBe(200);
    const late = await t
      .http()
      .patch(`/api/innovations/${draft.body.id}`)
      .set(bearer(rsud))
      .set('accept-language', 'en')
      .send({ summary: 'terlambat' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SUBMISSION_DEADLINE_PASSED');
    expect(late.body.message).toContain('2026-03-31');
    const audit = await t.db.query(
      `SELECT reason, after FROM audit_events WHERE action = 'competition.deadline_moved' AND entity_id = $1`,
      [c.id],
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0].reason).toBe('uji tenggat');
  });

  it('a juror cannot list innovations (403), the public neither (401)', async () => {
    const juror = (await login(t, 'juror2@demo.local')).accessToken;
    expect((await t.http().get(`/api/competitions/${competitionId}/innovations`).set(bearer(juror))).status).toBe(403);
    expect((await t.http().get(`/api/competitions/${competitionId}/innovations`)).status).toBe(401);
  });

  it('gives organizers filters, text search and paging with a total', async () => {
    const c = await openCompetition(t, organizer, { slug: 'filter' });
    const orgs = await t.db.query(
      `SELECT o.id, o.region_id, r.kind FROM organizations o JOIN regions r ON r.id = o.region_id ORDER BY o.code`,
    );
    const kotaBandung = await idOf(t, 'regions', 'code', '32.73');
    // 30 innovations straight into the table: 3 categories × 10, half submitted.
    for (let i = 0; i < 30; i++) {
      const o = orgs.rows[i % orgs.rows.length];
      await t.db.query(
        `INSERT INTO innovations (competition_id, organization_id, region_id, category, status, title, summary, created_by, current_stage, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM users LIMIT 1), $8, now() - ($9 || ' minutes')::interval, 1)`,
        [
          c.id,
          o.id,
          o.region_id,
          o.kind,
          i % 2 ? 'submitted' : 'draft',
          i === 7 ? 'Layanan Dokter Keliling' : `Inovasi nomor ${i}`,
          i === 11 ? 'antar jemput dokumen kependudukan' : 'ringkas',
          i % 3 ? 'submission' : 'screening',
          i,
        ],
      );
    }
    const all = await t.http().get(`/api/competitions/${c.id}/innovations?pageSize=7`).set(bearer(organizer));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 30, page: 1, pageSize: 7 });
    expect(all.body.items).toHaveLength(7);
    expect(all.body.items[0].title).toBe('Inovasi nomor 0');
    const page5 = await t.http().get(`/api/competitions/${c.id}/innovations?pageSize=7&page=5`).set(bearer(organizer));
    expect(page5.body.items).toHaveLength(2);

    const submittedKota = await t.http().get(`/api/competitions/${c.id}/innovations?status=submitted&category=kota`).set(bearer(organizer));
    const expected = (
      await t.db.query(
        `SELECT count(*)::int AS n FROM innovations WHERE competition_id = $1 AND status = 'submitted' AND category = 'kota'`,
        [c.id],
      )
    ).rows[0].n;
    expect(submittedKota.body.total).toBe(expected);
    expect(
      submittedKota.body.items.every((i: { status: string; category: string }) => i.status === 'submitted' && i.category === 'kota'),
    ).toBe(true);

    expect((await t.http().get(`/api/competitions/${c.id}/innovations?stage=screening`).set(bearer(organizer))).body.total).toBe(10);
    const byRegion = await t.http().get(`/api/competitions/${c.id}/innovations?regionId=${kotaBandung}`).set(bearer(organizer));
    expect(byRegion.body.items.every((i: { regionId: string }) => i.regionId === kotaBandung)).toBe(true);
    const search = await t.http().get(`/api/competitions/${c.id}/innovations?q=dokter kel`).set(bearer(organizer));
    expect(search.body.items.map((i: { title: string }) => i.title)).toEqual(['Layanan Dokter Keliling']);
    const inSummary = await t.http().get(`/api/competitions/${c.id}/innovations?q=kependudukan`).set(bearer(organizer));
    expect(inSummary.body.total).toBe(1);
    const bad = await t.http().get(`/api/competitions/${c.id}/innovations?pageSize=1000&status=nope`).set(bearer(organizer));
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['pageSize', 'status']);

    // List rows name the organization and region and leave the proposal texts to GET /api/innovations/:id.
    expect(all.body.items[0]).toMatchObject({
      organizationName: expect.any(String),
      regionName: expect.any(String),
      category: expect.any(String),
      version: 1,
    });
    for (const key of ['summary', 'problem', 'approach', 'results', 'sections']) expect(all.body.items[0]).not.toHaveProperty(key);
    // The rows are JSON made by PostgreSQL: each reads exactly as the API writes the same fields of the innovation
    // (timestamps to the millisecond, in UTC, nulls kept), on page 1 and on a later page alike.
    expect(all.headers['content-type']).toBe('application/json; charset=utf-8');
    await t.db.query(
      `UPDATE innovations SET submitted_at = '2025-06-30 23:59:59.123456+07', digital = true, phase = 'uji_coba' WHERE id = $1`,
      [all.body.items[1].id],
    );
    for (const listed of [
      ...(await t.http().get(`/api/competitions/${c.id}/innovations?pageSize=7`).set(bearer(organizer))).body.items,
      ...page5.body.items,
    ]) {
      const detail = (await t.http().get(`/api/innovations/${listed.id}`).set(bearer(organizer))).body;
      expect(listed).toEqual(Object.fromEntries(Object.keys(listed).map((k) => [k, detail[k]])));
      expect(Object.keys(listed).sort()).toEqual([...SUMMARY_KEYS, 'organizationName', 'regionName'].sort());
    }
    const edited = (await t.http().get(`/api/competitions/${c.id}/innovations?pageSize=7`).set(bearer(organizer))).body.items[1];
    expect(edited).toMatchObject({ submittedAt: '2025-06-30T16:59:59.123Z', digital: true, phase: 'uji_coba' });
    // Totals of category/status/stage filters come from innovation_counts (triggers): they follow every change.
    const totals = async () => {
      const out: number[] = [];
      for (const q of ['', 'status=submitted', 'status=draft&category=kota', 'stage=screening', 'status=withdrawn', 'pageSize=5&page=7']) {
        out.push((await t.http().get(`/api/competitions/${c.id}/innovations?${q}`).set(bearer(organizer))).body.total);
      }
      return out;
    };
    const direct = async () => {
      const n = async (where: string) =>
        (await t.db.query(`SELECT count(*)::int AS n FROM innovations WHERE competition_id = $1 ${where}`, [c.id])).rows[0].n;
      return [
        await n(''),
        await n(`AND status = 'submitted'`),
        await n(`AND status = 'draft' AND category = 'kota'`),
        await n(`AND current_stage = 'screening'`),
        await n(`AND status = 'withdrawn'`),
        await n(''),
      ];
    };
    expect(await totals()).toEqual(await direct());
    await t.db.query(`UPDATE innovations SET status = 'withdrawn' WHERE competition_id = $1 AND status = 'draft' AND category = 'kota'`, [
      c.id,
    ]);
    await t.db.query(`UPDATE innovations SET title = title || ' (rev)' WHERE competition_id = $1`, [c.id]);
    await t.db.query(`DELETE FROM innovations WHERE competition_id = $1 AND current_stage = 'screening' AND status = 'submitted'`, [c.id]);
    expect(await totals()).toEqual(await direct());
    const buckets = await t.db.query(
      `SELECT category, status, current_stage, n FROM innovation_counts WHERE competition_id = $1 AND n <> 0
        EXCEPT SELECT category, status, current_stage, count(*)::int FROM innovations WHERE competition_id = $1 GROUP BY 1, 2, 3`,
      [c.id],
    );
    expect(buckets.rows).toEqual([]);
  });

  it('the demo seed holds IGA 2024 (demo) with SiTaro and Patriot Mantap submitted, each with a PDF', async () => {
    const list = await t.http().get('/api/competitions').set(bearer(organizer));
    const demo = list.body.find((c: { slug: string }) => c.slug === 'iga-2024-demo');
    expect(demo).toMatchObject({ name: 'IGA 2024 (demo)', status: 'open' });
    const inn = await t.http().get(`/api/competitions/${demo.id}/innovations?pageSize=100&status=submitted`).set(bearer(organizer));
    expect(inn.body.total).toBeGreaterThanOrEqual(20);
    const titles = inn.body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining(['SiTaro (Siap Antar Obat)', 'Patriot Mantap (Pelayanan Malam Administrasi Kependudukan)']),
    );
    const sitaro = inn.body.items.find((i: { title: string }) => i.title.startsWith('SiTaro'));
    expect(sitaro).toMatchObject({ category: 'kota', organizationName: expect.stringContaining('Kota Bekasi') });
    const docs = await t.http().get(`/api/innovations/${sitaro.id}/documents`).set(bearer(rsud));
    expect(docs.body).toHaveLength(1);
    const file = await t.http().get(`/api/documents/${docs.body[0].id}`).set(bearer(organizer));
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('GET /api/me/innovations (JSON made by PostgreSQL): each edition as GET /api/competitions/:id reads it, each innovation as GET /api/innovations/:id does', async () => {
    const res = await t.http().get('/api/me/innovations').set(bearer(rsud));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const editions = res.body.editions as { competition: { id: string; year: number; status: string }; innovations: { id: string }[] }[];
    // Newest edition first; every edition past draft where the OPD has an innovation, and open ones even without.
    const visible = (await t.http().get('/api/competitions').set(bearer(rsud))).body as { id: string; status: string }[];
    const own = await t.db.query<{ competition_id: string; id: string }>(
      `SELECT i.competition_id, i.id FROM innovations i JOIN users u ON u.organization_id = i.organization_id
        WHERE u.email = 'opd.rsud@demo.local' ORDER BY i.created_at DESC, i.id DESC`,
    );
    expect(editions.map((e) => e.competition.id).sort()).toEqual(
      visible
        .filter((c) => c.status === 'open' || own.rows.some((r) => r.competition_id === c.id))
        .map((c) => c.id)
        .sort(),
    );
    expect(editions.length).toBeGreaterThanOrEqual(2);
    const years = editions.map((e) => e.competition.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await t.db.query(`UPDATE innovations SET submitted_at = '2025-06-30 23:59:59.123456+07' WHERE id = $1`, [own.rows[0].id]);
    const again = (await t.http().get('/api/me/innovations').set(bearer(rsud))).body.editions as typeof editions;
    for (const edition of again) {
      expect(edition.competition).toEqual((await t.http().get(`/api/competitions/${edition.competition.id}`).set(bearer(rsud))).body);
      expect(edition.innovations.map((i) => i.id)).toEqual(
        own.rows.filter((r) => r.competition_id === edition.competition.id).map((r) => r.id),
      );
      for (const listed of edition.innovations) {
        const detail = (await t.http().get(`/api/innovations/${listed.id}`).set(bearer(rsud))).body;
        expect(listed).toEqual(Object.fromEntries(Object.keys(listed).map((k) => [k, detail[k]])));
        expect(Object.keys(listed).sort()).toEqual(SUMMARY_KEYS);
      }
    }
    expect(again.flatMap((e) => e.innovations).find((i) => i.id === own.rows[0].id)).toMatchObject({
      submittedAt: '2025-06-30T16:59:59.123Z',
    });
    // A coordinator has no innovations of their own.
    expect((await t.http().get('/api/me/innovations').set(bearer(coordinator))).status).toBe(403);
  });

  it('an organizer of another competition gets 404 for it and its innovations', async () => {
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    const other = await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'panitia.lain@demo.local', name: 'Panitia Lain', role: 'organizer' });
    expect(other.status).toBe(201);
    await acceptInvitation(t, 'panitia.lain@demo.local', 'panitia-lain-2024');
    const token = (await login(t, 'panitia.lain@demo.local', 'panitia-lain-2024')).accessToken;
    expect((await t.http().get(`/api/competitions/${competitionId}`).set(bearer(token))).status).toBe(404);
    expect((await t.http().get(`/api/competitions/${competitionId}/innovations`).set(bearer(token))).status).toBe(404);
    expect((await t.http().patch(`/api/competitions/${competitionId}`).set(bearer(token)).send({ name: 'x' })).status).toBe(404);
  });

  describe('issue 18: entry limit and duplicate titles', () => {
    /** A complete proposal with a document, ready to submit. */
    async function ready(token: string, cid: string, title: string): Promise<string> {
      const d = await t.http().post(`/api/competitions/${cid}/innovations`).set(bearer(token)).send(completeProposal(title));
      expect(d.status).toBe(201);
      expect((await uploadPdf(t, token, d.body.id)).status).toBe(201);
      return d.body.id;
    }

    it('counts only entries that were sent in: two drafts do not block each other, a second submitted entry is refused, a withdrawn one frees the place', async () => {
      const c = await openCompetition(t, organizer, { slug: 'satu-entri', mutate: (p) => (p.eligibility.maxEntriesPerOrganization = 1) });
      const first = await ready(rsud, c.id, 'SiTaro (Siap Antar Obat)');
      const second = await ready(rsud, c.id, 'Apotek Keliling RSUD');
      const sent = await t.http().post(`/api/innovations/${first}/submit`).set(bearer(rsud));
      expect(sent.status).toBe(200);
      expect(sent.body.status).toBe('submitted');
      const over = await t.http().post(`/api/innovations/${second}/submit`).set(bearer(rsud));
      expect(over.status).toBe(400);
      expect(over.body.code).toBe('SUBMISSION_INELIGIBLE');
      expect(fields(over)).toEqual(['organization']);
      expect(over.body.details.fields[0].message).toContain('at most 1');
      expect((await t.http().post(`/api/innovations/${first}/withdraw`).set(bearer(rsud)).send({ comment: 'ganti inovasi' })).status).toBe(
        200,
      );
      const now = await t.http().post(`/api/innovations/${second}/submit`).set(bearer(rsud));
      expect(now.status).toBe(200);
      expect(now.body.status).toBe('submitted');
    });

    it('a copy submitted first does not block the original: both are entered and each shows the other to screeners', async () => {
      const c = await openCompetition(t, organizer, { slug: 'judul-ganda' });
      const copy = await ready(disdukcapil, c.id, 'SiTaro (Siap Antar Obat)');
      expect((await t.http().post(`/api/innovations/${copy}/submit`).set(bearer(disdukcapil))).status).toBe(200);
      const original = await ready(rsud, c.id, '  SITARO (siap antar obat) ');
      const res = await t.http().post(`/api/innovations/${original}/submit`).set(bearer(rsud));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('submitted');

      const screening = await t.http().get(`/api/innovations/${original}/screening`).set(bearer(organizer));
      expect(screening.status).toBe(200);
      expect(screening.body.flags).toEqual(['DUPLICATE_TITLE']);
      expect(screening.body.duplicateTitles).toEqual([
        expect.objectContaining({
          innovationId: copy,
          title: 'SiTaro (Siap Antar Obat)',
          organization: expect.stringContaining('Kependudukan'),
          status: 'submitted',
        }),
      ]);
      expect(
        (await t.http().get(`/api/innovations/${copy}/screening`).set(bearer(organizer))).body.duplicateTitles.map(
          (d: { innovationId: string }) => d.innovationId,
        ),
      ).toEqual([original]);
      // Screening data is for organizers: the OPD gets 403 by role.
      expect((await t.http().get(`/api/innovations/${original}/screening`).set(bearer(rsud))).status).toBe(403);
    });
  });

  it('issue 18: submitting before the submission window opens is refused (409 SUBMISSION_WINDOW_NOT_OPEN); the draft is kept', async () => {
    const c = await openCompetition(t, organizer, {
      slug: 'belum-buka',
      mutate: (p) => (p.stages[0].opensAt = `${new Date().getFullYear() + 1}-01-01T00:00:00+07:00`),
    });
    const d = await t.http().post(`/api/competitions/${c.id}/innovations`).set(bearer(rsud)).send(completeProposal('Terlalu Awal'));
    expect(d.status).toBe(201);
    await uploadPdf(t, rsud, d.body.id);
    const early = await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(rsud));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('SUBMISSION_WINDOW_NOT_OPEN');
    expect(early.body.details.opensAt).toBe(`${new Date().getFullYear()}-12-31T17:00:00.000Z`);
    expect((await t.db.query('SELECT status FROM innovations WHERE id = $1', [d.body.id])).rows[0].status).toBe('draft');
  });

  it('issue 18: a disqualification reaches the OPD with its reason (e-mail and inbox)', async () => {
    const d = await t
      .http()
      .post(`/api/competitions/${competitionId}/innovations`)
      .set(bearer(rsud))
      .send(completeProposal('Antar Obat Lansia'));
    await uploadPdf(t, rsud, d.body.id);
    expect((await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(rsud))).status).toBe(200);
    expect(
      (await t.http().post(`/api/innovations/${d.body.id}/disqualify`).set(bearer(organizer)).send({ reason: 'Data dukung dipalsukan' }))
        .status,
    ).toBe(200);
    const rows = await t.db.query(
      `SELECT o.channel, o.payload FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = 'innovation_disqualified' AND u.email = 'opd.rsud@demo.local' AND o.payload->>'innovationId' = $1 ORDER BY o.channel`,
      [d.body.id],
    );
    expect(rows.rows.map((r: { channel: string }) => r.channel)).toEqual(['email', 'inbox']);
    expect(rows.rows[0].payload).toMatchObject({ reason: 'Data dukung dipalsukan', innovation: 'Antar Obat Lansia' });
  });

  it('issue 18: an organizer adds a co-organizer (audited), who then runs the edition and reads its audit trail, paged and filtered', async () => {
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    const made = await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'panitia.dua@demo.local', name: 'Panitia Dua', role: 'organizer' });
    expect(made.status).toBe(201);
    await acceptInvitation(t, 'panitia.dua@demo.local', 'panitia-dua-2024-aman'); // nobody sets another's password (issue 19)
    const second = (await login(t, 'panitia.dua@demo.local', 'panitia-dua-2024-aman')).accessToken;
    expect((await t.http().get(`/api/competitions/${competitionId}/audit`).set(bearer(second))).status).toBe(404);
    // Only organizer accounts, named by their field; not twice; not by someone outside the edition.
    const juror = (await t.db.query(`SELECT id FROM users WHERE email = 'juror1@demo.local'`)).rows[0].id;
    const notOrganizer = await t
      .http()
      .post(`/api/competitions/${competitionId}/organizers`)
      .set(bearer(organizer))
      .send({ userId: juror });
    expect([notOrganizer.status, notOrganizer.body.code, fields(notOrganizer)]).toEqual([400, 'COMPETITION_ORGANIZER_INVALID', ['userId']]);
    expect(
      (await t.http().post(`/api/competitions/${competitionId}/organizers`).set(bearer(second)).send({ userId: made.body.id })).status,
    ).toBe(404);
    const added = await t
      .http()
      .post(`/api/competitions/${competitionId}/organizers`)
      .set(bearer(organizer))
      .send({ userId: made.body.id });
    expect(added.status).toBe(201);
    expect(added.body.map((o: { email: string }) => o.email).sort()).toEqual(['organizer@demo.local', 'panitia.dua@demo.local']);
    expect(
      (await t.http().post(`/api/competitions/${competitionId}/organizers`).set(bearer(organizer)).send({ userId: made.body.id })).body
        .code,
    ).toBe('COMPETITION_ORGANIZER_EXISTS');
    expect((await t.http().get(`/api/competitions/${competitionId}`).set(bearer(second))).status).toBe(200);

    const trail = await t.http().get(`/api/competitions/${competitionId}/audit?pageSize=2`).set(bearer(second));
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(trail.body.items[0]).toMatchObject({
      action: 'competition.organizer_add',
      entityType: 'competition',
      actorName: 'Sekretariat Kompetisi',
      after: { email: 'panitia.dua@demo.local' },
    });
    const total = (await t.db.query('SELECT count(*)::int AS n FROM audit_events WHERE competition_id = $1', [competitionId])).rows[0].n;
    expect(trail.body.total).toBe(total);
    const submitted = await t
      .http()
      .get(`/api/competitions/${competitionId}/audit?action=innovation.&entity=innovation&pageSize=200`)
      .set(bearer(second));
    expect(submitted.body.items.length).toBeGreaterThan(0);
    expect(
      submitted.body.items.every(
        (i: { action: string; entityType: string }) => i.action.startsWith('innovation.') && i.entityType === 'innovation',
      ),
    ).toBe(true);
    const byActor = await t.http().get(`/api/competitions/${competitionId}/audit?actor=${made.body.id}`).set(bearer(second));
    expect(byActor.body.total).toBe(0);
    const future = await t.http().get(`/api/competitions/${competitionId}/audit?from=2999-01-01T00:00:00Z`).set(bearer(second));
    expect(future.body).toMatchObject({ total: 0, items: [] });
    const bad = await t.http().get(`/api/competitions/${competitionId}/audit?from=kemarin&actor=x`).set(bearer(second));
    expect([bad.status, fields(bad).sort()]).toEqual([400, ['actor', 'from']]);
    expect((await t.http().get(`/api/competitions/${competitionId}/audit`).set(bearer(rsud))).status).toBe(403);
  });

  describe('issue 18: a region without a coordinator', () => {
    const outbox = async (type: string, innovationId: string) =>
      (
        await t.db.query(
          `SELECT o.channel, o.locale, u.email FROM outbox_messages o JOIN users u ON u.id = o.recipient_id WHERE o.type = $1 AND o.payload->>'innovationId' = $2 ORDER BY o.channel`,
          [type, innovationId],
        )
      ).rows;

    it('the coordinator’s return and forward reach the OPD (e-mail and inbox)', async () => {
      const c = await openCompetition(t, organizer, { slug: 'kabar-koordinator', requireCoordinator: true });
      const d = await t.http().post(`/api/competitions/${c.id}/innovations`).set(bearer(rsud)).send(completeProposal('Apotek Antar'));
      await uploadPdf(t, rsud, d.body.id);
      const sent = await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(rsud));
      expect(sent.body.status).toBe('awaiting_coordinator');
      expect(sent.body.notices ?? []).toEqual([]);
      expect(
        (await t.http().post(`/api/innovations/${d.body.id}/return`).set(bearer(coordinator)).send({ comment: 'Lampirkan SK Direktur' }))
          .status,
      ).toBe(200);
      expect(await outbox('proposal_returned', d.body.id)).toEqual([
        { channel: 'email', locale: 'id', email: 'opd.rsud@demo.local' },
        { channel: 'inbox', locale: 'id', email: 'opd.rsud@demo.local' },
      ]);
      const row = (
        await t.db.query(
          `SELECT payload FROM outbox_messages WHERE type = 'proposal_returned' AND channel = 'inbox' AND payload->>'innovationId' = $1`,
          [d.body.id],
        )
      ).rows[0];
      expect(row.payload).toMatchObject({ comment: 'Lampirkan SK Direktur', innovation: 'Apotek Antar' });
      await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(rsud));
      expect((await t.http().post(`/api/innovations/${d.body.id}/forward`).set(bearer(coordinator)).send({})).status).toBe(200);
      expect(await outbox('proposal_forwarded', d.body.id)).toHaveLength(2);
      // The region has its coordinator: an organizer does not take the step (403 with a code).
      const d2 = await t
        .http()
        .post(`/api/competitions/${c.id}/innovations`)
        .set(bearer(disdukcapil))
        .send(completeProposal('Layanan Malam'));
      await uploadPdf(t, disdukcapil, d2.body.id);
      await t.http().post(`/api/innovations/${d2.body.id}/submit`).set(bearer(disdukcapil));
      const refused = await t.http().post(`/api/innovations/${d2.body.id}/forward`).set(bearer(organizer)).send({});
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('SUBMISSION_COORDINATOR_PRESENT');
    });

    it('open warns of it, submit tells the OPD, and an organizer forwards or returns for the missing coordinator (audited)', async () => {
      await t.db.query(`UPDATE users SET active = false WHERE email = 'coordinator.bekasi@demo.local'`);
      try {
        const template = await t
          .http()
          .get(`/api/competitions/template?year=${new Date().getFullYear() + 1}`)
          .set(bearer(organizer));
        template.body.stages[0].opensAt = submissionOpenSince();
        const created = await t
          .http()
          .post('/api/competitions')
          .set(bearer(organizer))
          .send({
            name: 'Tanpa Koordinator',
            slug: 'tanpa-koordinator',
            year: new Date().getFullYear() + 1,
            plan: { ...template.body, requireCoordinator: true },
          });
        const opened = await t.http().post(`/api/competitions/${created.body.id}/open`).set(bearer(organizer));
        expect(opened.status).toBe(200);
        expect(opened.body.warnings).toEqual([
          expect.objectContaining({
            code: 'COMPETITION_REGIONS_WITHOUT_COORDINATOR',
            message: { id: expect.stringContaining('koordinator'), en: expect.stringContaining('coordinator') },
            regions: expect.arrayContaining([expect.objectContaining({ name: 'Kota Bekasi' })]),
          }),
        ]);

        const d = await t
          .http()
          .post(`/api/competitions/${created.body.id}/innovations`)
          .set(bearer(disdukcapil))
          .send(completeProposal('Patriot Mantap'));
        await uploadPdf(t, disdukcapil, d.body.id);
        const sent = await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(disdukcapil));
        expect(sent.status).toBe(200);
        expect(sent.body.status).toBe('awaiting_coordinator');
        expect(sent.body.notices).toEqual([
          {
            code: 'SUBMISSION_NO_COORDINATOR',
            message: { id: expect.stringContaining('koordinator'), en: expect.stringContaining('coordinator') },
          },
        ]);

        const noComment = await t.http().post(`/api/innovations/${d.body.id}/return`).set(bearer(organizer)).send({});
        expect(noComment.status).toBe(400);
        const returned = await t
          .http()
          .post(`/api/innovations/${d.body.id}/return`)
          .set(bearer(organizer))
          .send({ comment: 'Lengkapi data dukung' });
        expect(returned.status).toBe(200);
        expect(returned.body.status).toBe('returned');
        expect(await outbox('proposal_returned', d.body.id)).toHaveLength(2);
        await t.http().post(`/api/innovations/${d.body.id}/submit`).set(bearer(disdukcapil));
        const forwarded = await t
          .http()
          .post(`/api/innovations/${d.body.id}/forward`)
          .set(bearer(organizer))
          .send({ comment: 'Diteruskan panitia' });
        expect(forwarded.status).toBe(200);
        expect(forwarded.body.status).toBe('submitted');
        const audit = await t.db.query(
          `SELECT action, after FROM audit_events WHERE entity_id = $1 AND action IN ('innovation.returned', 'innovation.submitted') ORDER BY id`,
          [d.body.id],
        );
        expect(audit.rows).toEqual([
          { action: 'innovation.returned', after: { status: 'returned', actingFor: 'coordinator' } },
          { action: 'innovation.submitted', after: { status: 'submitted', actingFor: 'coordinator' } },
        ]);
        expect(await outbox('proposal_forwarded', d.body.id)).toHaveLength(2);
        // A juror or another OPD still cannot.
        expect((await t.http().post(`/api/innovations/${d.body.id}/forward`).set(bearer(rsud)).send({})).status).toBe(403);
      } finally {
        await t.db.query(`UPDATE users SET active = true WHERE email = 'coordinator.bekasi@demo.local'`);
      }
    });
  });
});
