import { pageJson } from '../libs/common/src';
import { InnovationsRepository } from '../libs/submissions/src';
import { bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';
import { closeTestApps, createTestAppPair, type TestApp } from './support/test-app';

type Page = {
  items: { id: string; title: string; status: string; organizationName: string; regionName: string }[];
  total: number;
};

/**
 * An organizer's list page with a bucket filter (GET /api/competitions/:id/innovations?status=…) is kept per
 * instance and checked on every request against the stamp of the rows it is made of (the listed rows, their
 * organizations and regions, the bucket total): each change of what the page shows, made through either instance
 * or straight in the database (as the worker, the CLI or an operator would), is on the next page of both.
 */
describe("the organizer's innovation list follows every change, on every instance (e2e, two API instances)", () => {
  let a: TestApp;
  let b: TestApp;
  let org: string;
  let cid: string;
  let ids: Record<string, string>;
  const PAGE = { status: 'submitted' as const };

  /** Page 1 (2 rows) of the submitted ones through A and through B: both 200, alike, and as the page made afresh reads. */
  async function list(): Promise<Page> {
    const path = `/api/competitions/${cid}/innovations?status=submitted&page=1&pageSize=2`;
    const [fromA, fromB] = [await a.http().get(path).set(bearer(org)), await b.http().get(path).set(bearer(org))];
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromA.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fromB.text).toBe(fromA.text);
    const fresh = await a.app.get(InnovationsRepository).listSummaries(cid, { kind: 'all' }, PAGE, 1, 2, null);
    expect(fromA.text).toBe(pageJson(fresh.itemsJson!, fresh.total, 1, 2));
    return JSON.parse(fromA.text);
  }

  beforeAll(async () => {
    [a, b] = await createTestAppPair();
    await seedDemo(a);
    org = (await login(a, 'organizer@demo.local')).accessToken;
    cid = (await openCompetition(a, org, { slug: 'daftar-panitia' })).id;
    ids = await seedSubmitted(a, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'A' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'B' },
      { code: 'DINKES-KAB-BOGOR', title: 'C' },
    ]);
  });
  afterAll(() => closeTestApps(a, b));

  it('a listed title changed in the database shows on the next page', async () => {
    const page = await list();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).toEqual(['C', 'B']);
    await a.db.query(`UPDATE innovations SET title = 'C baru' WHERE id = $1`, [ids.C]);
    expect((await list()).items.map((i) => i.title)).toEqual(['C baru', 'B']);
  });

  it('an innovation added in the database enters the page and the total', async () => {
    await list();
    const added = await seedSubmitted(a, cid, [{ code: 'DPMPTSP-KOTA-DEPOK', title: 'D' }]);
    await a.db.query(`UPDATE innovations SET created_at = now() + interval '1 minute' WHERE id = $1`, [added.D]);
    const page = await list();
    expect(page.items.map((i) => i.title)).toEqual(['D', 'C baru']);
    expect(page.total).toBe(4);
  });

  it('disqualified through B, an innovation leaves the page through A', async () => {
    await list();
    const res = await b.http().post(`/api/innovations/${ids.C}/disqualify`).set(bearer(org)).send({ reason: 'Data dukung tidak sesuai' });
    expect(res.status).toBe(200);
    const page = await list();
    expect(page.items.map((i) => i.title)).toEqual(['D', 'B']);
    expect(page.total).toBe(3);
  });

  it('a change off the page moves the total only', async () => {
    const before = await list();
    await a.db.query(`UPDATE innovations SET status = 'withdrawn' WHERE id = $1`, [ids.A]);
    const after = await list();
    expect(after.items).toEqual(before.items);
    expect(after.total).toBe(before.total - 1);
  });

  it("a listed organization's and region's names changed in the database show on the next page", async () => {
    await list();
    await a.db.query(`UPDATE organizations SET name = 'Dinas Kependudukan Baru' WHERE code = 'DISDUKCAPIL-KOTA-BEKASI'`);
    expect((await list()).items.find((i) => i.id === ids.B)!.organizationName).toBe('Dinas Kependudukan Baru');
    await a.db.query(
      `UPDATE regions SET name = 'Kota Bekasi Raya' WHERE id = (SELECT region_id FROM organizations WHERE code = 'DISDUKCAPIL-KOTA-BEKASI')`,
    );
    expect((await list()).items.find((i) => i.id === ids.B)!.regionName).toBe('Kota Bekasi Raya');
  });
});
