import { createTestApp, type TestApp } from './support/test-app';
import { cliOn } from './support/cli';
import { bearer, idOf, login, seedDemo } from './support/factories';

/** Issue 16, item 7: the national directory from idn-area-data, and region tags set one by one or by CSV. */
describe('national directory and region tags (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let bekasi: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = (await login(t, 'admin@demo.local')).accessToken;
    organizer = (await login(t, 'organizer@demo.local')).accessToken;
    bekasi = await idOf(t, 'regions', 'code', '32.75');
  });
  afterAll(async () => t?.close());

  const counts = async () =>
    Object.fromEntries(
      (await t.db.query(`SELECT kind, count(*)::int AS n FROM regions GROUP BY kind ORDER BY kind`)).rows.map(
        (r: { kind: string; n: number }) => [r.kind, r.n],
      ),
    );

  it('an admin loads 38 provinces, 416 kabupaten and 98 kota with their codes; the demo regions are matched, not duplicated', async () => {
    const demoRegions = Number((await t.db.query(`SELECT count(*) FROM regions`)).rows[0].count);
    expect((await t.http().post('/api/imports/national-areas').set(bearer(organizer))).status).toBe(403);

    const first = await t.http().post('/api/imports/national-areas').set(bearer(admin));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      source: 'idn-area-data@4.0.1',
      provinces: 38,
      kabupaten: 416,
      kota: 98,
      created: 552 - demoRegions,
      updated: 0,
      unchanged: demoRegions,
    });
    expect(await counts()).toEqual({ kabupaten: 416, kota: 98, provinsi: 38 });
    // Kota Bekasi keeps its id (its organizations, users and innovations point at it) under Jawa Barat.
    const [kotaBekasi] = (
      await t.db.query(`SELECT r.id, r.name, p.code AS parent FROM regions r JOIN regions p ON p.id = r.parent_id WHERE r.code = '32.75'`)
    ).rows;
    expect(kotaBekasi).toEqual({ id: bekasi, name: 'Kota Bekasi', parent: '32' });
    const jabar = (await t.db.query(`SELECT r.code, r.kind FROM regions r JOIN regions p ON p.id = r.parent_id WHERE p.code = '32'`)).rows;
    expect(jabar.filter((r: { kind: string }) => r.kind === 'kabupaten')).toHaveLength(18);
    expect(jabar.filter((r: { kind: string }) => r.kind === 'kota')).toHaveLength(9);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM regions WHERE kind <> 'provinsi' AND parent_id IS NULL`)).rows[0].n).toBe(0);
    const [papua] = (await t.db.query(`SELECT name FROM regions WHERE code = '96'`)).rows;
    expect(papua.name).toBe('Provinsi Papua Barat Daya');

    // Again: nothing changes.
    const again = await t.http().post('/api/imports/national-areas').set(bearer(admin));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 552 });
    const audit = (await t.db.query(`SELECT after FROM audit_events WHERE action = 'region.import_national' ORDER BY id`)).rows;
    expect(audit.map((a: { after: { created: number } }) => a.after.created)).toEqual([552 - demoRegions, 0]);
  });

  it('the CLI imports the same way, idempotently, and renames a region back to its official name', async () => {
    await t.db.query(`UPDATE regions SET name = 'Kab. Pangandaran' WHERE code = '32.18'`);
    const run = cliOn(t, 'directory:import-areas');
    expect(run.status).toBe(0);
    // Its progress on stderr (plain lines: not a terminal), its summary on stdout.
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress.every((l) => l.startsWith('directory:import-areas: '))).toBe(true);
    expect(progress.at(-1)).toBe('directory:import-areas: saving 552/552 (100%)');
    expect(run.stdout.trim()).toBe(
      'directory:import-areas from idn-area-data@4.0.1: 38 provinsi, 416 kabupaten, 98 kota — 0 created, 1 updated, 551 unchanged',
    );
    expect((await t.db.query(`SELECT name FROM regions WHERE code = '32.18'`)).rows[0].name).toBe('Kabupaten Pangandaran');
    expect(cliOn(t, 'directory:import-areas').stdout).toContain('0 created, 0 updated, 552 unchanged');
    expect(cliOn(t, 'directory:import-areas', '--now').status).toBe(2);
  });

  it('an admin sets a region’s tags: validated, sorted, audited; others are refused', async () => {
    const set = await t
      .http()
      .put(`/api/regions/${bekasi}/tags`)
      .set(bearer(admin))
      .send({ tags: ['perbatasan', 'daerah_tertinggal', 'perbatasan'] });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: bekasi, code: '32.75', tags: ['daerah_tertinggal', 'perbatasan'] });
    const bad = await t
      .http()
      .put(`/api/regions/${bekasi}/tags`)
      .set(bearer(admin))
      .send({ tags: ['Daerah Tertinggal'] });
    expect([bad.status, bad.body.code, bad.body.details.fields[0].field]).toEqual([400, 'REGION_INVALID', 'tags']);
    expect((await t.http().put(`/api/regions/${bekasi}/tags`).set(bearer(admin)).send({ tags: 'perbatasan' })).status).toBe(400);
    expect((await t.http().put(`/api/regions/${bekasi}/tags`).set(bearer(organizer)).send({ tags: [] })).status).toBe(403);
    expect(
      (await t.http().put(`/api/regions/00000000-0000-4000-8000-000000000000/tags`).set(bearer(admin)).send({ tags: [] })).status,
    ).toBe(404);
    const [event] = (await t.db.query(`SELECT before, after FROM audit_events WHERE action = 'region.tags' AND entity_id = $1`, [bekasi]))
      .rows;
    expect(event).toEqual({ before: { tags: [] }, after: { tags: ['daerah_tertinggal', 'perbatasan'] } });
    const listed = await t.http().get('/api/regions?kind=kota').set(bearer(organizer));
    expect(listed.body.find((r: { id: string }) => r.id === bekasi).tags).toEqual(['daerah_tertinggal', 'perbatasan']);
  });

  it('a CSV of code,tags sets many regions at once; a bad row refuses the whole file with every error', async () => {
    const refused = await t
      .http()
      .post('/api/imports/region-tags')
      .set(bearer(admin))
      .set('content-type', 'text/csv')
      .send('code,tags\n91.03,daerah_tertinggal|perbatasan\n99.99,kepulauan\n91.03,kepulauan\n81.01,Pulau Kecil\n');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('IMPORT_REGION_TAGS_INVALID');
    expect(refused.body.details.errors).toEqual([
      { row: 3, field: 'code', message: 'no region "99.99"' },
      { row: 4, field: 'code', message: expect.stringContaining('already on line 2') },
      { row: 5, field: 'tags', message: expect.stringContaining('"Pulau" is not a tag') },
    ]);
    expect((await t.db.query(`SELECT tags FROM regions WHERE code = '91.03'`)).rows[0].tags).toEqual([]);

    const ok = await t
      .http()
      .post('/api/imports/region-tags')
      .set(bearer(admin))
      .set('content-type', 'text/csv')
      .send('code,tags\n91.03,daerah_tertinggal|perbatasan\nKota Bekasi,\n81.01;kepulauan\n'.replace(';', ','));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ updated: 3, unchanged: 0 });
    const tags = Object.fromEntries(
      (await t.db.query(`SELECT code, tags FROM regions WHERE code IN ('91.03', '32.75', '81.01')`)).rows.map(
        (r: { code: string; tags: string[] }) => [r.code, r.tags],
      ),
    );
    expect(tags).toEqual({ '91.03': ['daerah_tertinggal', 'perbatasan'], '32.75': [], '81.01': ['kepulauan'] });
    const same = await t
      .http()
      .post('/api/imports/region-tags')
      .set(bearer(admin))
      .set('content-type', 'text/csv')
      .send('code,tags\n91.03,perbatasan daerah_tertinggal\n');
    expect(same.body).toMatchObject({ updated: 0, unchanged: 1 });
    expect(
      (await t.http().post('/api/imports/region-tags').set(bearer(organizer)).set('content-type', 'text/csv').send('code,tags\n91.03,\n'))
        .status,
    ).toBe(403);
  });
});
