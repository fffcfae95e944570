import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DemoSeedService } from '@app/demo';
import { createTestApp, type TestApp } from './support/test-app';
import { cli } from './support/cli';
import { seedDemo } from './support/factories';

/** Issue 16, item 8: the demo's published "IID 2024 (demo)" for Jawa Barat, read as the public reads it. */
describe('IID 2024 (demo) (e2e)', () => {
  let t: TestApp;
  let ids: { editionId: string; snapshotId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    ids = await t.app.get(DemoSeedService).seedIndex();
  });
  afterAll(async () => t?.close());

  it('is published once: seeding again returns the same edition and snapshot and writes nothing', async () => {
    const count = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM index_answers) + (SELECT count(*) FROM index_innovations) + (SELECT count(*) FROM regions) + (SELECT count(*) FROM organizations) AS n`,
        )
      ).rows[0].n;
    const before = await count();
    expect(await t.app.get(DemoSeedService).seedIndex()).toEqual(ids);
    expect(await count()).toBe(before);
  });

  it('ranks Jawa Barat: the province, 18 kabupaten and 9 kota, Kota Bekasi 3rd among the kota', async () => {
    const res = await t.http().get('/api/public/index-editions/iid-2024-demo/rankings');
    expect(res.status).toBe(200);
    expect(res.body.edition).toMatchObject({ id: ids.editionId, name: 'IID 2024 (demo)', year: 2024 });
    expect(res.body.snapshot).toMatchObject({ id: ids.snapshotId, version: 1 });
    expect(Object.fromEntries(Object.entries(res.body.categories).map(([k, rows]) => [k, (rows as unknown[]).length]))).toEqual({
      provinsi: 1,
      kabupaten: 18,
      kota: 9,
    });
    const kota = res.body.categories.kota as { rank: number; name: string; self: { iid: number }; verified: { iid: number } }[];
    expect(kota.map((r) => r.name).slice(0, 4)).toEqual(['Kota Bandung', 'Kota Depok', 'Kota Bekasi', 'Kota Bogor']);
    expect(kota[2]).toMatchObject({ rank: 3, name: 'Kota Bekasi', province: 'Provinsi Jawa Barat' });
    // Self-assessments drop at verification; Kota Bogor claimed the most and fell to 4th.
    expect(kota.every((r) => r.verified.iid <= r.self.iid)).toBe(true);
    expect(
      Object.values(res.body.categories)
        .flat()
        .filter((r: any) => r.self.iid - r.verified.iid > 10).length,
    ).toBeGreaterThanOrEqual(4);
    expect(Math.max(...kota.map((r) => r.self.iid))).toBe(kota[3].self.iid);
    const [jabar] = Object.values(res.body.groups) as { name: string; rows: unknown[] }[];
    expect(jabar).toMatchObject({ name: 'Provinsi Jawa Barat' });
    expect(jabar.rows).toHaveLength(28);
  });

  it("Kota Bekasi's page shows SiTaro, Patriot Mantap and more, and self vs verified per indicator", async () => {
    const [bekasi] = (await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`)).rows;
    const res = await t.http().get(`/api/public/index-editions/iid-2024-demo/regions/${bekasi.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rank: 3, category: 'kota', region: { name: 'Kota Bekasi' } });
    const titles = res.body.innovations.map((i: { title: string }) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'SiTaro (Siap Antar Obat)',
        'Patriot Mantap (Pelayanan Malam Administrasi Kependudukan)',
        'Sipandu Perizinan Terpadu',
      ]),
    );
    expect(titles).toHaveLength(14);
    const lowered = res.body.answers.filter((a: { self: string; verified: string }) => a.self !== a.verified);
    expect(lowered.length).toBeGreaterThan(0);
    expect(res.body.answers.every((a: { verified: string | null }) => a.verified !== null)).toBe(true);
    // SiTaro was entered in IGA 2024 (demo): reported by reference, not typed again.
    const [sitaro] = (
      await t.db.query(`SELECT innovation_id FROM index_innovations WHERE edition_id = $1 AND title = 'SiTaro (Siap Antar Obat)'`, [
        ids.editionId,
      ])
    ).rows;
    expect(sitaro.innovation_id).not.toBeNull();
  });

  it('the snapshot passes `cli verify`', async () => {
    const snap = await t.http().get(`/api/public/index-rankings/${ids.snapshotId}`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'iid-demo-')), 'iid-2024-demo.json');
    writeFileSync(file, JSON.stringify(snap.body));
    const run = cli('verify', file);
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});
