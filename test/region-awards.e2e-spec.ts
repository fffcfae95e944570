import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from './support/test-app';
import { cli } from './support/cli';
import { bearer, idOf, login, seedDemo } from './support/factories';
import { publishMiniIndex } from './support/region-award-index';
import { readPdf } from './support/documents';
import { DEMO_AWARD_SLUG, DemoSeedService } from '@app/demo';

/** Issue 17 over HTTP: index → nominees → coordinator's preparation → presentation → field validation → publication. */
describe('region awards: index → nominees → presentation → field validation → publication (e2e)', () => {
  let t: TestApp;
  let org: string;
  let coord: string;
  let cid: string;
  let index: Awaited<ReturnType<typeof publishMiniIndex>>;
  let regions: Record<string, string>;
  const jurors: Record<string, { token: string; id: string }> = {};
  const dir = mkdtempSync(path.join(tmpdir(), 'award-snapshots-'));
  const year = new Date().getFullYear() + 1;
  const day = 86400_000;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString().replace('Z', '+00:00');
  const get = (p: string, token: string) => t.http().get(p).set(bearer(token));
  const post = (p: string, token: string, body: object = {}) => t.http().post(p).set(bearer(token)).send(body);
  const patch = (p: string, token: string, body: object) => t.http().patch(p).set(bearer(token)).send(body);
  type Entry = {
    id: string;
    regionId: string;
    regionName: string;
    category: string;
    groups: string[];
    iid: number;
    indexRanks: Record<string, number>;
    options?: { id: string; title: string; eligible: boolean }[];
  };
  let entries: Entry[];
  const entryOf = (name: string) => entries.find((e) => e.regionName === name)!;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    org = (await login(t, 'organizer@demo.local')).accessToken;
    coord = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    for (const n of [1, 2, 3, 4, 5]) {
      const s = await login(t, `juror${n}@demo.local`);
      jurors[`j${n}`] = { token: s.accessToken, id: s.user.id };
    }
    regions = Object.fromEntries(
      await Promise.all(
        ['Kota Bekasi', 'Kota Bandung', 'Kota Depok', 'Kota Bogor', 'Kota Cimahi', 'Kota Cirebon'].map(async (n) => [
          n,
          await idOf(t, 'regions', 'name', n),
        ]),
      ),
    );
    // Kota Cirebon lies on a (pretend) border: the border group nominates it whatever its rank among kota.
    await t.db.query(`UPDATE regions SET tags = '{perbatasan}' WHERE id = $1`, [regions['Kota Cirebon']]);
    index = await publishMiniIndex(t, org, `iid-award-${year}`, year);
  });
  afterAll(async () => t?.close());

  it('the index is published over HTTP: Bekasi first, Depok and Bogor tied third among kota', async () => {
    const ranking = await t.http().get(`/api/public/index-editions/iid-award-${year}/rankings`);
    expect(
      ranking.body.categories.kota
        .map((r: { name: string; rank: number; verified: { iid: number } }) => [r.name, r.rank, r.verified.iid])
        .sort(),
    ).toEqual([
      ['Kota Bandung', 2, 50],
      ['Kota Bekasi', 1, 90],
      ['Kota Bogor', 3, 20],
      ['Kota Cimahi', 5, 0],
      ['Kota Cirebon', 5, 0],
      ['Kota Depok', 3, 20],
    ]);
  });

  it('an organizer creates the edition from the IGA region award template and nominates from the index snapshot', async () => {
    const bad = await get(`/api/competitions/template?year=${year}&indexSnapshotId=latest`, org);
    expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'indexSnapshotId']);
    const template = await get(`/api/competitions/template?year=${year}&indexSnapshotId=${index.snapshotId}`, org);
    expect(template.status).toBe(200);
    const plan = template.body;
    expect(plan.stages.map((s: { key: string; weight: number }) => [s.key, s.weight])).toEqual([
      ['iid', 50],
      ['presentation', 30],
      ['field_verification', 20],
    ]);
    expect(plan.stages[1].rubric.map((c: { weight: number }) => c.weight)).toEqual([30, 25, 15, 20, 10]);
    plan.regionAward.nominees = 3;
    plan.regionAward.groups = plan.regionAward.groups
      .filter((g: { key: string }) => g.key === 'daerah_perbatasan')
      .map((g: object) => ({ ...g, nominees: 1 }));
    plan.stages[0].opensAt = at(-day);
    plan.stages[0].closesAt = at(day);
    plan.stages[1].opensAt = at(2 * day);
    plan.stages[1].closesAt = at(10 * day);
    plan.stages[2].opensAt = at(11 * day);
    plan.stages[2].closesAt = at(20 * day);
    plan.stages[1].jurorsPerInnovation = 2;
    plan.stages[2].jurorsPerInnovation = 1;
    plan.objectionWindowDays = 0;
    const noSnapshot = await post('/api/competitions', org, { name: 'x', slug: `iga-x-${year}`, year, template: 'iga-region-award' });
    expect([noSnapshot.status, noSnapshot.body.details.fields[0].field]).toEqual([400, 'indexSnapshotId']);
    const invalid = await post('/api/competitions', org, {
      name: 'x',
      slug: `iga-y-${year}`,
      year,
      plan: { ...plan, stages: [{ ...plan.stages[0], given: false }, ...plan.stages.slice(1)] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['stages[0].given', 'stages[0].rubric']),
    );
    const created = await post('/api/competitions', org, {
      name: `IGA ${year} — daerah terinovatif`,
      slug: `iga-daerah-${year}`,
      year,
      plan,
    });
    expect(created.status).toBe(201);
    cid = created.body.id;
    const early = await post(`/api/competitions/${cid}/award-nominees`, org);
    expect([early.status, early.body.code]).toEqual([409, 'AWARD_NOMINATION_CLOSED']);
    expect((await post(`/api/competitions/${cid}/open`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/award-nominees`, coord)).status).toBe(403);

    const nominated = await post(`/api/competitions/${cid}/award-nominees`, org);
    expect(nominated.status).toBe(201);
    entries = nominated.body.entries;
    // Top 3 kota with the tie at the cut-off (Bogor and Depok share 3rd), and Cirebon through the border group.
    expect(entries.map((e) => [e.regionName, e.category, e.iid, e.groups]).sort()).toEqual([
      ['Kota Bandung', 'kota', 50, []],
      ['Kota Bekasi', 'kota', 90, []],
      ['Kota Bogor', 'kota', 20, []],
      ['Kota Cirebon', 'kota', 0, ['daerah_perbatasan']],
      ['Kota Depok', 'kota', 20, []],
    ]);
    expect(entryOf('Kota Depok').indexRanks).toEqual({ kota: 3 });
    expect(entryOf('Kota Cirebon').indexRanks).toEqual({ daerah_perbatasan: 1 });
    const again = await post(`/api/competitions/${cid}/award-nominees`, org);
    expect([again.status, again.body.code]).toEqual([409, 'AWARD_ALREADY_NOMINATED']);
    // Each entry is the region's government's innovations row, submitted in the given stage.
    const rows = await t.db.query(
      `SELECT i.status, i.current_stage, o.name FROM innovations i JOIN organizations o ON o.id = i.organization_id WHERE i.id = $1`,
      [entryOf('Kota Bekasi').id],
    );
    expect(rows.rows[0]).toEqual({ status: 'submitted', current_stage: 'iid', name: 'Pemerintah Kota Bekasi' });
  });

  it("the region's coordinator prepares its entry: presenter, materials and the index innovations it shows", async () => {
    const mine = await get(`/api/competitions/${cid}/award-entries`, coord);
    expect(mine.status).toBe(200);
    expect(mine.body.map((e: Entry) => e.regionName)).toEqual(['Kota Bekasi']);
    const options = mine.body[0].options as { id: string; title: string; eligible: boolean }[];
    expect(options.map((o) => o.title).sort()).toEqual(['Patriot Mantap', 'SiTaro — antar obat']);
    const [sitaro, patriot] = [
      options.find((o) => o.title.startsWith('SiTaro'))!.id,
      options.find((o) => o.title.startsWith('Patriot'))!.id,
    ];
    const bekasi = entryOf('Kota Bekasi').id;
    const foreign = await patch(`/api/award-entries/${bekasi}`, coord, { showcase: [index.sadayana] });
    expect([foreign.status, foreign.body.details.fields[0].field]).toEqual([400, 'showcase[0]']);
    const badLink = await patch(`/api/award-entries/${bekasi}`, coord, { materialsUrl: 'javascript:alert(1)' });
    expect(badLink.body.details.fields[0].field).toBe('materialsUrl');
    const prepared = await patch(`/api/award-entries/${bekasi}`, coord, {
      presenterName: 'Tri Adhianto',
      presenterPosition: 'Wali Kota Bekasi',
      materialsUrl: 'https://bekasikota.go.id/iga.pdf',
      showcase: [sitaro, patriot],
      version: 1,
    });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({
      presenterName: 'Tri Adhianto',
      version: 2,
      editable: true,
      showcase: [
        { id: sitaro, title: 'SiTaro — antar obat' },
        { id: patriot, title: 'Patriot Mantap' },
      ],
    });
    const stale = await patch(`/api/award-entries/${bekasi}`, coord, { presenterName: 'x', version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'AWARD_ENTRY_VERSION_CONFLICT']);
    // Another region's entry is not the Bekasi coordinator's; an OPD has nothing to prepare.
    expect((await patch(`/api/award-entries/${entryOf('Kota Bandung').id}`, coord, { presenterName: 'x' })).status).toBe(404);
    expect((await get(`/api/award-entries/${entryOf('Kota Bandung').id}`, coord)).status).toBe(404);
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    expect((await patch(`/api/award-entries/${bekasi}`, rsud, { presenterName: 'x' })).status).toBe(403);
    expect((await get(`/api/competitions/${cid}/award-entries`, rsud)).status).toBe(403);
    const all = await get(`/api/competitions/${cid}/award-entries`, org);
    expect(all.body).toHaveLength(5);
  });

  /** Every open assignment of the stage scored `value(region)` on every criterion and submitted, by whoever holds it. */
  async function scoreStage(stage: string, value: (region: string) => number) {
    for (const j of Object.values(jurors)) {
      const mine = await get('/api/assignments/mine', j.token);
      for (const item of mine.body.items.filter((i: { stage: string }) => i.stage === stage)) {
        const sheet = await get(`/api/assignments/${item.id}/sheet`, j.token);
        const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string }) => [c.key, value(item.title)]));
        const saved = await t
          .http()
          .put(`/api/assignments/${item.id}/sheet`)
          .set(bearer(j.token))
          .send({ scores, comment: 'Sesuai rubrik', confirmNoConflict: true, version: sheet.body.sheet.version });
        expect(saved.status).toBe(200);
        expect((await post(`/api/assignments/${item.id}/sheet/submit`, j.token, { version: saved.body.version })).status).toBe(200);
      }
    }
  }
  const panelOf = async (entryId: string, stage: string) =>
    (
      await t.db.query(
        `SELECT juror_id FROM assignments WHERE innovation_id = $1 AND stage_key = $2 AND removed_at IS NULL ORDER BY juror_id`,
        [entryId, stage],
      )
    ).rows.map((r: { juror_id: string }) => r.juror_id);
  const presentation: Record<string, number> = {
    'Kota Bekasi': 70,
    'Kota Bandung': 95,
    'Kota Depok': 80,
    'Kota Bogor': 60,
    'Kota Cirebon': 50,
  };

  it('the heads of region present to jurors who are not of their region, and are scored on the IGA rubric', async () => {
    expect((await post(`/api/competitions/${cid}/stages/iid/close`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/presentation/open`, org)).status).toBe(200);
    const assigned = await post(`/api/competitions/${cid}/stages/presentation/assignments`, org);
    expect(assigned.status).toBe(201);
    // juror1 is affiliated with Kota Bandung: never on Bandung's panel (no juror scores their own region).
    expect(await panelOf(entryOf('Kota Bandung').id, 'presentation')).not.toContain(jurors.j1.id);
    for (const [n, e] of entries.entries()) {
      const startsAt = new Date(Date.now() + 3 * day + n * 3600_000);
      const slot = await post(`/api/innovations/${e.id}/presentation`, org, {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 20 * 60_000).toISOString(),
        location: 'Gedung Kemendagri',
        panel: await panelOf(e.id, 'presentation'),
      });
      expect(slot.status).toBe(201);
    }
    // A juror on the panel sees the entry's preparation (not the choices); the coordinator sees its slot.
    const [onPanel] = await panelOf(entryOf('Kota Bekasi').id, 'presentation');
    const juror = Object.values(jurors).find((j) => j.id === onPanel)!;
    const seen = await get(`/api/award-entries/${entryOf('Kota Bekasi').id}`, juror.token);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ presenterName: 'Tri Adhianto', editable: false });
    expect(seen.body.options).toBeUndefined();
    expect((await get(`/api/innovations/${entryOf('Kota Bekasi').id}/presentation`, coord)).body.current).toMatchObject({
      location: 'Gedung Kemendagri',
    });
    const locked = await patch(`/api/award-entries/${entryOf('Kota Bekasi').id}`, coord, { presenterName: 'Wakil' });
    expect([locked.status, locked.body.code]).toEqual([409, 'AWARD_ENTRY_LOCKED']);

    await scoreStage('presentation', (region) => presentation[region]);
    const closed = await post(`/api/competitions/${cid}/stages/presentation/close`, org);
    expect(closed.status).toBe(200);
    expect(closed.body.passed).toBe(5);
  });

  it('validators visit every nominee; the preview carries the given IID beside the scored stages', async () => {
    expect((await post(`/api/competitions/${cid}/stages/field_verification/open`, org)).status).toBe(200);
    expect((await post(`/api/competitions/${cid}/stages/field_verification/assignments`, org)).status).toBe(201);
    for (const [n, e] of entries.entries()) {
      const visit = await post(`/api/innovations/${e.id}/field-visit`, org, {
        visitAt: new Date(Date.now() + 12 * day + n * 3600_000).toISOString(),
        address: `Balai Kota ${e.regionName}`,
        verifiers: await panelOf(e.id, 'field_verification'),
      });
      expect(visit.status).toBe(201);
    }
    await scoreStage('field_verification', (region) => presentation[region]);
    expect((await post(`/api/competitions/${cid}/stages/field_verification/close`, org)).status).toBe(200);

    const preview = await get(`/api/competitions/${cid}/rankings/preview`, org);
    expect(preview.status).toBe(200);
    // final = (50·iid + 30·p + 20·p) / 100.
    expect(
      preview.body.categories.kota.map((r: { title: string; rank: number; final: number; stages: Record<string, number> }) => [
        r.title,
        r.rank,
        r.final,
        r.stages,
      ]),
    ).toEqual([
      ['Kota Bekasi', 1, 80, { iid: 90, presentation: 70, field_verification: 70 }],
      ['Kota Bandung', 2, 72.5, { iid: 50, presentation: 95, field_verification: 95 }],
      ['Kota Depok', 3, 50, { iid: 20, presentation: 80, field_verification: 80 }],
      ['Kota Bogor', 4, 40, { iid: 20, presentation: 60, field_verification: 60 }],
      ['Kota Cirebon', 5, 25, { iid: 0, presentation: 50, field_verification: 50 }],
    ]);
  });

  let snapshotId: string;
  it('objections by the region’s coordinator; publication: one snapshot that cli verify checks, a section per category and award group, region pages and certificates', async () => {
    expect((await post(`/api/competitions/${cid}/rankings/announce`, org, { days: 5 })).status).toBe(201);
    // The region objects through its coordinator (its entry has no OPD); the answer reaches the coordinator.
    const bekasi = entryOf('Kota Bekasi').id;
    const objection = await post(`/api/innovations/${bekasi}/objections`, coord, {
      reason: 'Nilai validasi lapangan belum memuat data armada SiTaro terbaru.',
    });
    expect(objection.status).toBe(201);
    expect((await post(`/api/innovations/${entryOf('Kota Bandung').id}/objections`, coord, { reason: 'bukan daerah kami' })).status).toBe(
      404,
    );
    expect(
      (
        await post(`/api/objections/${objection.body.id}/answer`, org, {
          answer: 'Data armada sudah diperiksa saat kunjungan.',
          decision: 'rejected',
        })
      ).status,
    ).toBe(200);
    const coordinatorId = (await login(t, 'coordinator.bekasi@demo.local')).user.id;
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'objection_answered' AND recipient_id = $1`, [
          coordinatorId,
        ])
      ).rows[0].n,
    ).toBeGreaterThan(0);
    // Let the window end (as five days would).
    await t.db.query(`UPDATE ranking_announcements SET closes_at = now() - interval '1 minute' WHERE competition_id = $1`, [cid]);
    const published = await post(`/api/competitions/${cid}/rankings/publish`, org);
    expect(published.status).toBe(201);
    snapshotId = published.body.id;
    const snap = await t.http().get(`/api/public/rankings/${snapshotId}`);
    expect(snap.body.input.stages[0]).toEqual({ key: 'iid', weight: 50, given: true });
    expect(snap.body.input.given).toContainEqual({ stage: 'iid', submission: entryOf('Kota Bekasi').id, score: 90 });
    const file = path.join(dir, 'award.json');
    writeFileSync(file, JSON.stringify(snap.body));
    const ok = cli('verify', file);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const tampered = structuredClone(snap.body);
    tampered.input.given[0].score = 99;
    writeFileSync(file, JSON.stringify(tampered));
    expect(cli('verify', file).status).toBe(1);

    const results = await t.http().get(`/api/public/awards/iga-daerah-${year}`);
    expect(results.status).toBe(200);
    expect(results.body.snapshot.id).toBe(snapshotId);
    expect(results.body.index).toMatchObject({ slug: `iid-award-${year}`, snapshotId: index.snapshotId });
    expect(results.body.sections.map((s: { key: string; kind: string; rows: unknown[] }) => [s.key, s.kind, s.rows.length])).toEqual([
      ['provinsi', 'category', 0],
      ['kabupaten', 'category', 0],
      ['kota', 'category', 5],
      ['daerah_perbatasan', 'group', 1],
    ]);
    const kota = results.body.sections.find((s: { key: string }) => s.key === 'kota');
    expect(kota.label).toEqual({ id: 'Kota Terinovatif', en: 'Most Innovative City' });
    expect(kota.rows[0]).toMatchObject({
      rank: 1,
      region: 'Kota Bekasi',
      regionId: regions['Kota Bekasi'],
      final: 80,
      flagship: [{ title: 'SiTaro — antar obat' }, { title: 'Patriot Mantap' }],
    });
    const border = results.body.sections.find((s: { key: string }) => s.key === 'daerah_perbatasan');
    expect(border.rows[0]).toMatchObject({ rank: 1, region: 'Kota Cirebon', final: 25 });

    const page = await t.http().get(`/api/public/awards/iga-daerah-${year}/regions/${regions['Kota Bekasi']}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      region: 'Kota Bekasi',
      presenterName: 'Tri Adhianto',
      placements: [{ section: 'kota', rank: 1, kind: 'category' }],
    });
    // The link opens the region's page of the index version the award used; the page reads the same region from the API.
    const link = new URL(page.body.indexUrl);
    expect(link.pathname).toBe(`/indeks/iid-award-${year}/daerah/${regions['Kota Bekasi']}`);
    expect((await t.http().get(link.pathname)).status).toBe(200);
    const indexPage = await t.http().get(`/api/public/index-editions/iid-award-${year}/regions/${regions['Kota Bekasi']}${link.search}`);
    expect(indexPage.status).toBe(200);
    expect(indexPage.body).toMatchObject({ rank: 1, verified: { iid: 90 } });
    expect((await t.http().get(`/api/public/awards/iga-daerah-${year}/regions/${regions['Kota Cimahi']}`)).status).toBe(404);
    const certificate = await t
      .http()
      .get(new URL(page.body.certificateUrl).pathname)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(certificate.status).toBe(200);
    const text = readPdf(certificate.body as Buffer)
      .items.map((i) => i.str)
      .join(' ');
    expect(text).toContain('Kota Bekasi');
    expect(text).toContain('Kota Terinovatif');
    // Server-rendered like the innovation results: readable without JavaScript, each region linked to its index page.
    const html = await t.http().get(`/penghargaan/iga-daerah-${year}`).set('accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toContain('data-prerendered="awards"');
    expect(html.text).toContain('<h2>Kota Terinovatif / Most Innovative City</h2>');
    expect(html.text).toContain(
      `<td>1</td><td><a href="${kota.rows[0].indexUrl.replaceAll('&', '&amp;')}">Kota Bekasi</a></td><td>SiTaro — antar obat; Patriot Mantap</td>`,
    );
    expect(html.text).toContain('<h2>Daerah Perbatasan Terinovatif / Most Innovative Border Region</h2>');
    // An innovation competition has no award results.
    expect((await t.http().get('/api/public/awards/no-such-edition')).status).toBe(404);
  });

  it('the demo award (libs/demo/src/demo-awards.ts) from a published index: the best kota present and are visited, the award keeps the index order, Bekasi shows SiTaro and Patriot Mantap', async () => {
    const seeded = await t.app.get(DemoSeedService).seedAwards({ indexSnapshotId: index.snapshotId });
    expect(seeded).not.toBeNull();
    expect(await t.app.get(DemoSeedService).seedAwards({ indexSnapshotId: index.snapshotId })).toBeNull();
    const results = await t.http().get(`/api/public/awards/${DEMO_AWARD_SLUG}`);
    expect(results.status).toBe(200);
    const kota = results.body.sections.find((s: { key: string }) => s.key === 'kota');
    // The index's top 3 kota with the tie at the cut-off (Bekasi 90, Bandung 50, Depok and Bogor 20), and Cirebon
    // through the template's border group; the award keeps the index order.
    expect(kota.rows.map((r: { region: string; rank: number }) => [r.rank, r.region]).sort()).toEqual([
      [1, 'Kota Bekasi'],
      [2, 'Kota Bandung'],
      [3, 'Kota Bogor'],
      [3, 'Kota Depok'],
      [5, 'Kota Cirebon'],
    ]);
    const visited = await t.db.query(
      `SELECT count(DISTINCT p.innovation_id)::int AS presented, count(DISTINCT v.innovation_id)::int AS visited
         FROM award_entries e LEFT JOIN presentation_slots p ON p.innovation_id = e.innovation_id LEFT JOIN field_visits v ON v.innovation_id = e.innovation_id
        WHERE e.competition_id = $1`,
      [seeded!.competitionId],
    );
    expect(visited.rows[0]).toEqual({ presented: 5, visited: 5 });
    const page = await t.http().get(`/api/public/awards/${DEMO_AWARD_SLUG}/regions/${regions['Kota Bekasi']}`);
    expect(page.body).toMatchObject({
      placements: [{ section: 'kota', label: { id: 'Kota Terinovatif' }, rank: 1 }],
      presenterName: 'Tri Adhianto',
    });
    expect(page.body.flagship.map((f: { title: string }) => f.title)).toEqual(['SiTaro — antar obat', 'Patriot Mantap']);
    const snap = await t.http().get(`/api/public/rankings/${seeded!.snapshotId}`);
    const file = path.join(dir, 'demo-award.json');
    writeFileSync(file, JSON.stringify(snap.body));
    expect(cli('verify', file).status).toBe(0);
  });
});
