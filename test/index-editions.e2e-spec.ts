import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './support/test-app';
import { cli } from './support/cli';
import { readCsv, readXlsx } from './support/documents';
import { bearer, idOf, login, seedDemo, tinyPdf } from './support/factories';
import { MINI_FRAMEWORK as FRAMEWORK } from './support/index-framework';
import { OutboxService } from '@app/notifications';
import { IndexAnswerTable, createIndexSnapshot } from '@app/regional-index';

/** The validator's note to the region: quotes, a backslash, a tab and a line break travel through the stored snapshot. */
const NOTE = 'Perda masih "rancangan"; yang berlaku perkada\\Perwali.\tLihat:\nlampiran 2.';

describe('index editions: framework → self-assessment → verification → publication (e2e)', () => {
  let t: TestApp;
  let org: string;
  let coord: string;
  let rsud: string;
  let dukcapil: string;
  let bekasi: string;
  let id: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'index-snapshots-'));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    coord = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    dukcapil = (await login(t, 'opd.disdukcapil@demo.local')).accessToken;
    bekasi = await idOf(t, 'regions', 'code', '32.75');
  });
  afterAll(async () => t?.close());

  it('the organizer creates an edition with the default IID framework and edits it until the self-assessment opens', async () => {
    const created = await t
      .http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({ name: 'IID 2026', slug: 'iid-2026', year: 2026, categories: ['kota', 'kabupaten'] });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', categories: ['kota', 'kabupaten'] });
    const indicators = created.body.framework.aspects.flatMap((a: any) => a.variables.flatMap((v: any) => v.indicators));
    expect(indicators).toHaveLength(36);
    expect((await t.http().post('/api/index-editions').set(bearer(org)).send({ name: 'x', slug: 'iid-2026', year: 2026 })).body.code).toBe(
      'INDEX_EDITION_SLUG_TAKEN',
    );
    const windows = await t.http().post('/api/index-editions').set(bearer(org)).send({
      name: 'x',
      slug: 'iid-x',
      year: 2026,
      selfAssessmentOpensAt: '2026-05-01T00:00:00Z',
      selfAssessmentClosesAt: '2026-04-01T00:00:00Z',
    });
    expect(windows.status).toBe(400);
    expect(windows.body.details.fields[0].field).toBe('selfAssessmentClosesAt');
    expect(
      (
        await t
          .http()
          .post('/api/index-editions')
          .set(bearer(org))
          .send({ name: 'x', slug: 'iid-y', year: 2026, categories: ['desa'] })
      ).body.details.fields[0].field,
    ).toMatch(/categories/);

    const invalid = await t
      .http()
      .put(`/api/index-editions/${id}/framework`)
      .set(bearer(org))
      .send({ framework: { ...FRAMEWORK, method: { decimals: 20, minInnovations: 1 } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('INDEX_FRAMEWORK_INVALID');
    expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).toContain('method.decimals');
    expect((await t.http().put(`/api/index-editions/${id}/framework`).set(bearer(org)).send({ framework: FRAMEWORK })).status).toBe(200);

    // Not visible to regions while a draft.
    expect((await t.http().get(`/api/index-editions/${id}`).set(bearer(coord))).status).toBe(404);
    const opened = await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'self_assessment' });
    expect(opened.status).toBe(200);
    const frozen = await t.http().put(`/api/index-editions/${id}/framework`).set(bearer(org)).send({ framework: FRAMEWORK });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('INDEX_FRAMEWORK_FROZEN');
    expect(frozen.body.details.messages.id).toContain('Kerangka');
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'closed' })).status).toBe(409);
  });

  let sitaro: string;
  let byReference: string;
  it('OPDs report innovations and answer their indicators; the coordinator answers the region and submits when complete', async () => {
    const own = await t.http().post(`/api/index-editions/${id}/innovations`).set(bearer(rsud)).send({ title: 'SiTaro — antar obat' });
    expect(own.status).toBe(201);
    sitaro = own.body.id;
    const [entered] = (
      await t.db.query(
        `SELECT i.id, i.title FROM innovations i JOIN organizations o ON o.id = i.organization_id WHERE o.code = 'DISDUKCAPIL-KOTA-BEKASI' LIMIT 1`,
      )
    ).rows;
    const ref = await t
      .http()
      .post(`/api/index-editions/${id}/innovations`)
      .set(bearer(dukcapil))
      .send(entered ? { innovationId: entered.id } : { title: 'Patriot Mantap' });
    expect(ref.status).toBe(201);
    byReference = ref.body.id;
    if (entered) {
      expect(ref.body).toMatchObject({ title: entered.title, innovationId: entered.id });
      expect(
        (await t.http().post(`/api/index-editions/${id}/innovations`).set(bearer(dukcapil)).send({ innovationId: entered.id })).status,
      ).toBe(409);
      expect(
        (await t.http().post(`/api/index-editions/${id}/innovations`).set(bearer(rsud)).send({ innovationId: entered.id })).status,
      ).toBe(404);
    }
    // An OPD sees only its own innovations; the coordinator the region's.
    expect((await t.http().get(`/api/index-editions/${id}/innovations`).set(bearer(rsud))).body.map((i: { id: string }) => i.id)).toEqual([
      sitaro,
    ]);
    expect((await t.http().get(`/api/index-editions/${id}/innovations`).set(bearer(coord))).body).toHaveLength(2);

    const incomplete = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    expect(incomplete.status).toBe(200);
    expect(incomplete.body.complete).toBe(false);
    expect(incomplete.body.gaps.map((g: { field: string }) => g.field)).toEqual([
      'region.regulasi',
      'region.anggaran',
      `innovations.${sitaro}.tahapan`,
      `innovations.${byReference}.tahapan`,
    ]);
    const refused = await t.http().post(`/api/index-editions/${id}/regions/${bekasi}/submit`).set(bearer(coord));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('INDEX_SELF_ASSESSMENT_INCOMPLETE');

    const put = (token: string, body: object) =>
      t.http().put(`/api/index-editions/${id}/regions/${bekasi}/answers`).set(bearer(token)).send(body);
    expect((await put(coord, { indicator: 'regulasi', option: 'perda' })).status).toBe(200);
    expect((await put(coord, { indicator: 'regulasi', option: 'ghost' })).body.details.fields[0].field).toBe('option');
    expect((await put(coord, { indicator: 'tahapan', option: 'penerapan' })).status).toBe(400);
    expect((await put(rsud, { indicator: 'regulasi', option: 'perda' })).status).toBe(403);
    expect((await put(dukcapil, { indicator: 'tahapan', innovationId: sitaro, option: 'penerapan' })).status).toBe(404);
    const gaps = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    const regulasi = gaps.body.gaps.find((g: { field: string }) => g.field === 'region.regulasi');
    expect(regulasi).toMatchObject({ code: 'evidence_document', params: { kinds: 'regulation' } });

    const linked = await put(coord, { indicator: 'regulasi', option: 'perda', link: 'https://jdih.bekasikota.go.id/perda-7-2025' });
    expect(linked.body).toMatchObject({ option: 'perda', version: 2 });
    // Evidence documents: stored like innovation evidence (PDF/JPEG/PNG by content), of a kind the option names.
    const upload = (token: string, kind: string, bytes: Buffer, filename: string) =>
      t
        .http()
        .post(`/api/index-editions/${id}/answers/${linked.body.id}/documents/${kind}`)
        .set(bearer(token))
        .attach('file', bytes, { filename, contentType: 'application/pdf' });
    expect((await upload(coord, 'regulation', Buffer.from('not a pdf at all'), 'perda.pdf')).status).toBe(415);
    expect((await upload(coord, 'novel', tinyPdf(), 'perda.pdf')).body.details.fields[0].field).toBe('kind');
    expect((await upload(rsud, 'regulation', tinyPdf(), 'perda.pdf')).status).toBe(403);
    expect((await upload(coord, 'photo', tinyPdf('Foto'), 'foto.pdf')).status).toBe(201);
    const stillMissing = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    expect(stillMissing.body.gaps.map((g: { field: string }) => g.field)).toContain('region.regulasi');
    const perda = await upload(coord, 'regulation', tinyPdf('Perda Kota Bekasi Nomor 7 Tahun 2025'), 'perda-7-2025.pdf');
    expect(perda.status).toBe(201);
    expect(perda.body).toMatchObject({ kind: 'regulation', mediaType: 'application/pdf' });
    const withDocument = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    expect(withDocument.body.gaps.map((g: { field: string }) => g.field)).not.toContain('region.regulasi');
    const download = await t.http().get(`/api/index-editions/${id}/documents/${perda.body.id}`).set(bearer(coord));
    expect(download.status).toBe(200);
    expect(download.headers['x-checksum-sha256']).toBe(perda.body.sha256);
    expect((await t.http().get(`/api/index-editions/${id}/documents/${perda.body.id}`).set(bearer(rsud))).status).toBe(404);
    expect((await put(coord, { indicator: 'anggaran', option: 'ada' })).status).toBe(200);
    expect((await put(rsud, { indicator: 'tahapan', innovationId: sitaro, option: 'penerapan' })).status).toBe(200);
    expect((await put(dukcapil, { indicator: 'tahapan', innovationId: byReference, option: 'penerapan' })).status).toBe(200);
    // An OPD reads its own innovations' answers (its form), never the region's answers or another OPD's innovation.
    const asOpd = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(rsud));
    expect(asOpd.status).toBe(200);
    expect(asOpd.body.innovations.map((i: { id: string }) => i.id)).toEqual([sitaro]);
    expect(asOpd.body.answers.map((a: { indicator: string; innovationId: string }) => [a.indicator, a.innovationId])).toEqual([
      ['tahapan', sitaro],
    ]);
    expect(asOpd.body.gaps).toEqual([]);
    const evidence = await t
      .http()
      .post(`/api/index-editions/${id}/answers/${asOpd.body.answers[0].id}/documents/report`)
      .set(bearer(rsud))
      .attach('file', tinyPdf('Laporan SiTaro'), { filename: 'laporan.pdf', contentType: 'application/pdf' });
    expect(evidence.status).toBe(201);
    expect((await t.http().get(`/api/index-editions/${id}/documents/${evidence.body.id}`).set(bearer(rsud))).status).toBe(200);
    expect((await t.http().get(`/api/index-editions/${id}/documents/${evidence.body.id}`).set(bearer(dukcapil))).status).toBe(404);
    expect((await t.http().get(`/api/index-editions/${id}/documents/${perda.body.id}`).set(bearer(rsud))).status).toBe(404);

    const submitted = await t.http().post(`/api/index-editions/${id}/regions/${bekasi}/submit`).set(bearer(coord));
    expect(submitted.status).toBe(200);
    const late = await put(coord, { indicator: 'anggaran', option: 'tidak_ada' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INDEX_SELF_ASSESSMENT_SUBMITTED');
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'index_answer.self'`);
    expect(audit.rows[0].n).toBe(5);
  });

  let validatorToken: string;
  it('verification: validators assigned automatically verify answers; a lower option needs a note; coordinators see no verified option', async () => {
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'verification' })).status).toBe(200);
    const coordinatorId = (await login(t, 'coordinator.bekasi@demo.local')).user.id;
    const started = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'index_verification_started' AND recipient_id = $1`,
      [coordinatorId],
    );
    expect(started.rows[0].n).toBeGreaterThan(0);
    const closed = await t
      .http()
      .put(`/api/index-editions/${id}/regions/${bekasi}/answers`)
      .set(bearer(rsud))
      .send({ indicator: 'tahapan', innovationId: sitaro, option: 'inisiatif' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('INDEX_SELF_ASSESSMENT_CLOSED');

    const assigned = await t.http().post(`/api/index-editions/${id}/validators`).set(bearer(org)).send({ perRegion: 1 });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assignments).toHaveLength(1);
    const [{ email }] = (await t.db.query(`SELECT email FROM users WHERE id = $1`, [assigned.body.assignments[0].validatorId])).rows;
    validatorToken = (await login(t, email)).accessToken;
    const [{ email: otherEmail }] = (
      await t.db.query(`SELECT email FROM users WHERE role = 'juror' AND id <> $1 ORDER BY email LIMIT 1`, [
        assigned.body.assignments[0].validatorId,
      ])
    ).rows;
    const other = (await login(t, otherEmail)).accessToken;

    const mine = await t.http().get(`/api/index-editions/${id}/validations`).set(bearer(validatorToken));
    expect(mine.body.map((v: { regionId: string }) => v.regionId)).toEqual([bekasi]);
    expect(mine.body[0]).toMatchObject({ region: 'Kota Bekasi', answers: 4, verified: 0, validator: expect.any(String) });
    expect((await t.http().get(`/api/index-editions/${id}/validations`).set(bearer(other))).body).toEqual([]);
    expect((await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(other))).status).toBe(404);

    const region = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(validatorToken));
    const answerOf = (indicator: string, innovation: string | null = null) =>
      region.body.answers.find((a: any) => a.indicator === indicator && a.innovationId === innovation).id;
    const verify = (token: string, answerId: string, body: object) =>
      t.http().put(`/api/index-editions/${id}/answers/${answerId}/verification`).set(bearer(token)).send(body);
    const noNote = await verify(validatorToken, answerOf('regulasi'), { option: 'perkada' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details.fields[0].field).toBe('note');
    expect((await verify(other, answerOf('regulasi'), { option: 'perkada', note: 'x' })).status).toBe(404);
    expect(
      (
        await verify(validatorToken, answerOf('regulasi'), {
          option: 'perkada',
          note: NOTE,
          internalNote: 'Cek ulang ke Bagian Hukum sebelum rapat pleno.',
        })
      ).body,
    ).toMatchObject({
      verifiedOption: 'perkada',
      verifiedNote: NOTE,
      verifiedInternalNote: 'Cek ulang ke Bagian Hukum sebelum rapat pleno.',
      version: 3,
    });
    // A note on an answer the validator confirmed stays with the region: only changed answers publish their note.
    expect((await verify(validatorToken, answerOf('anggaran'), { option: 'ada', note: 'Sesuai DPA.' })).status).toBe(200);
    expect((await verify(validatorToken, answerOf('tahapan', sitaro), { option: 'penerapan' })).status).toBe(200);
    expect((await verify(validatorToken, answerOf('tahapan', byReference), { option: 'penerapan' })).status).toBe(200);
    const eligibility = (body: object) =>
      t.http().put(`/api/index-editions/${id}/innovations/${byReference}/eligibility`).set(bearer(validatorToken)).send(body);
    expect((await eligibility({ eligible: false })).body.details.fields[0].field).toBe('reason');
    expect((await eligibility({ eligible: false, reason: 'Diterapkan sejak 2015, bukan inovasi baru' })).status).toBe(200);

    expect((await t.http().get(`/api/index-editions/${id}/validations`).set(bearer(org))).body[0]).toMatchObject({
      answers: 4,
      verified: 4,
    });
    const asCoordinator = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    expect(JSON.stringify(asCoordinator.body)).not.toMatch(/verified|eligib/i);
    const versions = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('index_answer.verify', 'index_innovation.eligibility')`,
    );
    expect(versions.rows[0].n).toBe(5);
  });

  it('publication: preview self vs verified, an immutable snapshot the CLI verifies, v2 with a reason, public reads', async () => {
    expect((await t.http().get('/api/public/index-editions/iid-2026/rankings')).status).toBe(404);
    expect((await t.http().get('/api/public/index-editions')).body.map((e: { slug: string }) => e.slug)).not.toContain('iid-2026');
    expect((await t.http().get(`/api/index-editions/${id}/preview`).set(bearer(coord))).status).toBe(403);

    // Region tags in the directory are index groups beside the province (Daerah Perbatasan Terinovatif …).
    const admin = (await login(t, 'admin@demo.local')).accessToken;
    expect(
      (
        await t
          .http()
          .put(`/api/regions/${bekasi}/tags`)
          .set(bearer(admin))
          .send({ tags: ['perbatasan'] })
      ).status,
    ).toBe(200);
    const preview = await t.http().get(`/api/index-editions/${id}/preview`).set(bearer(org));
    expect(preview.status).toBe(200);
    const jabar = await idOf(t, 'regions', 'code', '32');
    expect(Object.keys(preview.body.groups).sort()).toEqual([jabar, 'perbatasan'].sort());
    expect(preview.body.groups[jabar].name).toBe('Provinsi Jawa Barat');
    expect(preview.body.groups.perbatasan).toMatchObject({
      name: 'Daerah Perbatasan',
      rows: [{ rank: 1, region: bekasi, name: 'Kota Bekasi' }],
    });
    const [row] = preview.body.categories.kota;
    expect(row).toMatchObject({ region: bekasi, name: 'Kota Bekasi' });
    // max 3 + 2 + 3 + 2 = 10. self: spd 5, sid (3+3)/2 + 2 = 5 → 100; verified: spd 4, one counted innovation: 3/1 + 0 → 70.
    expect(row.self).toMatchObject({ iid: 100, spd: 5, sid: 5, innovations: 2 });
    expect(row.verified).toMatchObject({ iid: 70, spd: 4, sid: 3, innovations: 1 });
    expect(row.verified.iid).toBeLessThan(row.self.iid);
    expect(Object.values(preview.body.groups)[0]).toMatchObject({ name: expect.any(String) });

    // A failure while the input is being written and compressed, or once the snapshot row is stored (the
    // notifications), stores nothing: no snapshot, audit entry or notification; the next publication is version 1.
    const faults = [
      jest.spyOn(IndexAnswerTable.prototype, 'writeAnswers').mockImplementationOnce(function* (sink) {
        sink.write('[');
        sink.flush();
        yield* sink.take();
        throw new Error('the disk is full');
      }),
      jest.spyOn(OutboxService.prototype, 'notify').mockRejectedValueOnce(new Error('the outbox is gone')),
    ];
    try {
      for (const fault of faults) {
        expect((await t.http().post(`/api/index-editions/${id}/publish`).set(bearer(org)).send({})).status).toBe(500);
        expect(fault).toHaveBeenCalledTimes(1);
        const left = await t.db.query(
          `SELECT (SELECT count(*)::int FROM index_snapshots WHERE edition_id = $1) AS snapshots,
                  (SELECT count(*)::int FROM audit_events WHERE action = 'index.publish' AND after->>'editionId' = $1::text) AS audits,
                  (SELECT count(*)::int FROM outbox_messages WHERE type = 'index_results_published' AND payload->>'slug' = 'iid-2026') AS notices`,
          [id],
        );
        expect(left.rows[0]).toEqual({ snapshots: 0, audits: 0, notices: 0 });
      }
    } finally {
      for (const fault of faults) fault.mockRestore();
    }

    const published = await t.http().post(`/api/index-editions/${id}/publish`).set(bearer(org)).send({});
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 1, hash: expect.stringMatching(/^sha256:/) });
    const coordinatorId = (await login(t, 'coordinator.bekasi@demo.local')).user.id;
    const notified = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'index_results_published' AND recipient_id = $1`,
      [coordinatorId],
    );
    expect(notified.rows[0].n).toBeGreaterThan(0);

    const snap = await t.http().get(`/api/public/index-rankings/${published.body.id}`);
    expect(snap.status).toBe(200);
    expect(snap.body.input.regions).toEqual([{ id: bekasi, category: 'kota', groups: [jabar, 'perbatasan'] }]);
    expect(
      (await t.http().get('/api/public/index-editions/iid-2026/rankings')).body.groups.perbatasan.rows.map(
        (r: { region: string }) => r.region,
      ),
    ).toEqual([bekasi]);
    expect(snap.body.hash).toBe(published.body.hash);
    // Stored as the gzip of the input's canonical JSON, which decompresses byte for byte to the reference's text:
    // the bytes its inputsDigest and hash are taken over. PostgreSQL keeps it as it is (STORAGE EXTERNAL).
    const stored = await t.db.query(
      `SELECT input_gzip AS gzip, pg_column_size(input_gzip) AS size, (SELECT attstorage FROM pg_attribute WHERE attrelid = 'index_snapshots'::regclass AND attname = 'input_gzip') AS storage FROM index_snapshots WHERE id = $1`,
      [published.body.id],
    );
    const { gzip, size, storage } = stored.rows[0] as { gzip: Buffer; size: number; storage: string };
    const reference = createIndexSnapshot(snap.body.input);
    expect([...gzip.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(gunzipSync(gzip).equals(reference.inputJson)).toBe(true);
    expect(gzip.length).toBeLessThan(reference.inputJson.length);
    // Its bytes and a 4-byte header: not compressed again.
    expect([size, storage]).toEqual([gzip.length + 4, 'e']);
    expect(`sha256:${createHash('sha256').update(gunzipSync(gzip)).digest('hex')}`).toBe(snap.body.output.inputsDigest);
    expect(reference.hash).toBe(published.body.hash);
    expect(reference.output).toEqual(snap.body.output);
    // The download is that text, unparsed: `{"input":` + the stored JSON + the rest.
    const raw = await t
      .http()
      .get(`/api/public/index-rankings/${published.body.id}`)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
    expect(raw.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((raw.body as Buffer).subarray(0, 9 + reference.inputJson.length).toString()).toBe(`{"input":${reference.inputJson}`);
    // The validator's note to the region rides with the answer it changed (hashed with the input); internal notes never.
    expect(snap.body.input.answers.filter((a: { note?: string }) => a.note)).toEqual([
      { region: bekasi, indicator: 'regulasi', self: 'perda', verified: 'perkada', note: NOTE },
    ]);
    expect(JSON.stringify(snap.body)).not.toMatch(/Bagian Hukum|Sesuai DPA/);
    const file = path.join(dir, 'iid-2026-v1.json');
    writeFileSync(file, JSON.stringify(snap.body));
    const ok = cli('verify', file);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(published.body.hash);
    const tampered = structuredClone(snap.body);
    tampered.output.categories.kota[0].verified.iid = 99;
    const bad = path.join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    expect(cli('verify', bad).status).toBe(1);
    await expect(t.db.query(`UPDATE index_snapshots SET hash = 'x' WHERE id = $1`, [published.body.id])).rejects.toThrow(/immutable/);

    const again = await t.http().post(`/api/index-editions/${id}/publish`).set(bearer(org)).send({});
    expect(again.status).toBe(400);
    expect(again.body.details.fields[0].field).toBe('reason');
    const v2 = await t.http().post(`/api/index-editions/${id}/publish`).set(bearer(org)).send({ reason: 'Koreksi penulisan nama daerah' });
    expect(v2.body.version).toBe(2);

    const list = await t.http().get('/api/public/index-editions');
    expect(list.body.find((e: { slug: string }) => e.slug === 'iid-2026')).toMatchObject({ version: 2, snapshotId: v2.body.id });
    const rankings = await t.http().get('/api/public/index-editions/iid-2026/rankings');
    expect(rankings.body.snapshot).toMatchObject({ version: 2, reason: 'Koreksi penulisan nama daerah' });
    expect(rankings.body.categories.kota[0]).toMatchObject({ rank: 1, name: 'Kota Bekasi', verified: { iid: 70 } });
    expect((await t.http().get('/api/public/index-editions/iid-2026/rankings?version=1')).body.snapshot.id).toBe(published.body.id);
    const page = await t.http().get(`/api/public/index-editions/iid-2026/regions/${bekasi}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ rank: 1, category: 'kota', self: { iid: 100 }, verified: { iid: 70, spd: 4 } });
    expect(page.body.answers.find((a: { indicator: string }) => a.indicator === 'regulasi')).toMatchObject({
      self: { key: 'perda', score: 3, label: { id: 'Perda' } },
      verified: { key: 'perkada', score: 2 },
      note: NOTE,
      label: { id: 'Regulasi' },
      variable: 'institusi',
    });
    expect(page.body.answers.find((a: { indicator: string }) => a.indicator === 'anggaran')).toMatchObject({ note: null });
    expect(JSON.stringify(page.body)).not.toMatch(/Bagian Hukum|Sesuai DPA/);
    expect(page.body.innovations.find((i: { id: string }) => i.id === byReference)).toMatchObject({
      eligible: false,
      maturity: { self: 3, verified: 3, max: 3 },
    });
    // Per variable self vs verified: the variables add up to spd + sid of each basis.
    const sum = (b: 'self' | 'verified') => page.body.variables.reduce((s: number, v: Record<string, number>) => s + v[b], 0);
    expect(sum('self')).toBeCloseTo(page.body.self.spd + page.body.self.sid, 6);
    expect(sum('verified')).toBeCloseTo(page.body.verified.spd + page.body.verified.sid, 6);
    expect(page.body.bands[0]).toMatchObject({ label: { id: 'Sangat Inovatif', en: 'Very innovative' } });
    expect(page.body.innovations.length).toBeGreaterThan(0);
    for (const innovation of page.body.innovations) expect(innovation.title).toEqual(expect.any(String));
    // Each version's page comes from its own snapshot; read again, the same page (kept per process per snapshot).
    expect(page.body.snapshot).toMatchObject({ id: v2.body.id, version: 2 });
    const v1Page = await t.http().get(`/api/public/index-editions/iid-2026/regions/${bekasi}?version=1`);
    expect(v1Page.body.snapshot).toMatchObject({ id: published.body.id, version: 1 });
    expect(v1Page.body.answers).toEqual(page.body.answers);
    expect((await t.http().get(`/api/public/index-editions/iid-2026/regions/${bekasi}`)).body).toEqual(page.body);

    // Downloads: CSV and XLSX of the same rows (every category, then every group), read back with real readers.
    const bytes = (url: string) =>
      t
        .http()
        .get(url)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const csv = await bytes('/api/public/index-editions/iid-2026/rankings.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('iid-2026-v2.csv');
    const csvRows = readCsv(csv.body as Buffer);
    expect(csvRows[0].slice(0, 5)).toEqual(['ranking', 'rank', 'region', 'province', 'iid']);
    expect(csvRows[1].slice(0, 3)).toEqual(['kota', '1', 'Kota Bekasi']);
    expect(csvRows[1][4]).toBe('70');
    // the header, the kota row, then a row per group it ranks in: its tag (perbatasan) and its province
    expect(csvRows.map((r) => r.slice(0, 3))).toEqual([
      ['ranking', 'rank', 'region'],
      ['kota', '1', 'Kota Bekasi'],
      ['Daerah Perbatasan', '1', 'Kota Bekasi'],
      ['Provinsi Jawa Barat', '1', 'Kota Bekasi'],
    ]);
    const xlsx = await bytes('/api/public/index-editions/iid-2026/rankings.xlsx?version=1');
    expect(xlsx.headers['content-disposition']).toContain('iid-2026-v1.xlsx');
    const sheet = await readXlsx(xlsx.body as Buffer);
    expect(sheet.slice(0, 2).map((r) => r.slice(0, 3))).toEqual([
      ['ranking', 'rank', 'region'],
      ['kota', '1', 'Kota Bekasi'],
    ]);
    expect((await t.http().get('/api/public/index-editions/iid-2026/rankings.csv?version=9')).status).toBe(404);

    // The organizer's export is an operation (index.export) that keeps the file: the public download's bytes.
    const exported = await t.http().post(`/api/index-editions/${id}/rankings/exports`).set(bearer(org)).send({ format: 'csv' });
    expect(exported.status).toBe(201);
    expect(exported.body).toEqual({
      operationId: exported.headers['x-operation-id'],
      fileName: 'iid-2026-v2.csv',
      mediaType: 'text/csv; charset=utf-8',
      size: (csv.body as Buffer).length,
      href: `/api/operations/${exported.headers['x-operation-id']}/file`,
    });
    const op = await t.http().get(`/api/operations/${exported.body.operationId}`).set(bearer(org));
    expect(op.body).toMatchObject({ kind: 'index.export', state: 'succeeded', resultRef: 'iid-2026-v2.csv' });
    const kept = await bytes(exported.body.href).set(bearer(org));
    expect([kept.status, kept.headers['content-type'], kept.headers['content-disposition']]).toEqual([
      200,
      csv.headers['content-type'],
      csv.headers['content-disposition'],
    ]);
    expect((kept.body as Buffer).equals(csv.body as Buffer)).toBe(true);
    expect((await t.http().post(`/api/index-editions/${id}/rankings/exports`).set(bearer(org)).send({ format: 'pdf' })).status).toBe(400);
  });

  it('after closing nothing changes', async () => {
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'closed' })).status).toBe(200);
    const region = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(validatorToken));
    const answerId = region.body.answers[0].id;
    const late = await t
      .http()
      .put(`/api/index-editions/${id}/answers/${answerId}/verification`)
      .set(bearer(validatorToken))
      .send({ option: 'tidak_ada', note: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INDEX_VERIFICATION_CLOSED');
    expect((await t.http().post(`/api/index-editions/${id}/innovations`).set(bearer(rsud)).send({ title: 'Terlambat' })).status).toBe(409);
  });

  it('closed and published, the region sees self vs verified per indicator with the validators’ notes', async () => {
    const asCoordinator = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(coord));
    expect(asCoordinator.body.answers.find((a: { indicator: string }) => a.indicator === 'regulasi')).toMatchObject({
      option: 'perda',
      verifiedOption: 'perkada',
      verifiedNote: NOTE,
    });
    expect(JSON.stringify(asCoordinator.body)).not.toMatch(/Bagian Hukum|verifiedInternalNote/);
    const asValidator = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(validatorToken));
    expect(asValidator.body.answers.find((a: { indicator: string }) => a.indicator === 'regulasi')).toMatchObject({
      verifiedInternalNote: 'Cek ulang ke Bagian Hukum sebelum rapat pleno.',
    });
    expect(asCoordinator.body.innovations.find((i: { id: string }) => i.id === byReference)).toMatchObject({
      eligible: false,
      eligibilityReason: 'Diterapkan sejak 2015, bukan inovasi baru',
    });
    const asOpd = await t.http().get(`/api/index-editions/${id}/regions/${bekasi}`).set(bearer(rsud));
    expect(asOpd.body.answers[0]).toMatchObject({ indicator: 'tahapan', verifiedOption: 'penerapan' });
  });
});
