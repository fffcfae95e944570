import { InnovationsRepository } from '../libs/submissions/src';
import { bearer, completeProposal, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';
import { closeTestApps, createTestAppPair, type TestApp } from './support/test-app';

type Edition = {
  competition: { id: string; name: string; status: string; stages: { key: string; status: string }[] };
  innovations: { id: string; title: string; status: string; category: string; version: number }[];
};

/**
 * The OPD's innovation list (GET /api/me/innovations) is kept per instance and organization, and checked on every
 * request against the stamp of the rows it is made of (the visible competitions, their stages, the organization's
 * innovations): each change of what the page shows, made through either instance or straight in the database (as
 * the worker, the CLI or an operator would), is on the next page of both.
 */
describe("the OPD's innovation list follows every change, on every instance (e2e, two API instances)", () => {
  let a: TestApp;
  let b: TestApp;
  let org: string;
  let rsud: { token: string; organizationId: string };
  let dukcapil: { token: string; organizationId: string };
  let cid: string;
  let seeded: Record<string, string>;

  /** The page through A and through B: both 200, alike, and as the page made afresh (nothing kept) reads. */
  async function mine(opd = rsud): Promise<Edition[]> {
    const [fromA, fromB] = [
      await a.http().get('/api/me/innovations').set(bearer(opd.token)),
      await b.http().get('/api/me/innovations').set(bearer(opd.token)),
    ];
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromA.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fromB.text).toBe(fromA.text);
    const fresh = await a.app.get(InnovationsRepository).editionsOfOrganizationJson(opd.organizationId, null);
    expect(fromA.text).toBe(fresh.json);
    return JSON.parse(fromA.text).editions;
  }
  const edition = (editions: Edition[], id = cid) => editions.find((e) => e.competition.id === id);
  const listed = (editions: Edition[], id: string) => editions.flatMap((e) => e.innovations).find((i) => i.id === id);

  beforeAll(async () => {
    [a, b] = await createTestAppPair();
    await seedDemo(a);
    org = (await login(a, 'organizer@demo.local')).accessToken;
    const r = await login(a, 'opd.rsud@demo.local');
    rsud = { token: r.accessToken, organizationId: r.user.organizationId! };
    const d = await login(a, 'opd.disdukcapil@demo.local');
    dukcapil = { token: d.accessToken, organizationId: d.user.organizationId! };
    cid = (await openCompetition(a, org, { slug: 'daftar-opd' })).id;
    seeded = await seedSubmitted(a, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'Antar Obat' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'KTP Keliling' },
    ]);
  });
  afterAll(() => closeTestApps(a, b));

  it('a draft made through B, then edited through A, is on the next page of both', async () => {
    expect(edition(await mine())!.innovations.map((i) => i.title)).toEqual(['Antar Obat']);
    const draft = await b
      .http()
      .post(`/api/competitions/${cid}/innovations`)
      .set(bearer(rsud.token))
      .send(completeProposal('Klinik Malam'));
    expect(draft.status).toBe(201);
    expect(edition(await mine())!.innovations.map((i) => i.title)).toEqual(['Klinik Malam', 'Antar Obat']);
    const edited = await a.http().patch(`/api/innovations/${draft.body.id}`).set(bearer(rsud.token)).send({ title: 'Klinik Malam Hari' });
    expect(edited.status).toBe(200);
    expect(listed(await mine(), draft.body.id)).toMatchObject({ title: 'Klinik Malam Hari', version: edited.body.version });
  });

  it('an innovation changed, added and deleted in the database (another process) shows on the next page', async () => {
    await mine();
    await a.db.query(`UPDATE innovations SET status = 'disqualified', title = 'Antar Obat Gratis' WHERE id = $1`, [seeded['Antar Obat']]);
    expect(listed(await mine(), seeded['Antar Obat'])).toMatchObject({ status: 'disqualified', title: 'Antar Obat Gratis' });
    const [added] = Object.values(await seedSubmitted(a, cid, [{ code: 'RSUD-KOTA-BEKASI', title: 'Rujukan Daring' }]));
    expect(listed(await mine(), added)).toMatchObject({ title: 'Rujukan Daring', status: 'submitted' });
    await a.db.query(`DELETE FROM innovations WHERE id = $1`, [added]);
    expect(listed(await mine(), added)).toBeUndefined();
  });

  it('the competition renamed through B shows on the next page', async () => {
    await mine();
    const renamed = await b.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ name: 'Kompetisi OPD Berganti Nama' });
    expect(renamed.status).toBe(200);
    expect(edition(await mine())!.competition.name).toBe('Kompetisi OPD Berganti Nama');
  });

  it('a stage closed through A, and a stage changed in the database, show on the next page', async () => {
    await mine();
    expect((await a.http().post(`/api/competitions/${cid}/stages/submission/close`).set(bearer(org))).status).toBe(200);
    expect(edition(await mine())!.competition.stages.find((s) => s.key === 'submission')!.status).toBe('closed');
    await a.db.query(`UPDATE competition_stages SET status = 'open', opened_at = now() WHERE competition_id = $1 AND key = 'screening'`, [
      cid,
    ]);
    expect(edition(await mine())!.competition.stages.find((s) => s.key === 'screening')!.status).toBe('open');
  });

  it('a competition opened through B is listed though empty; put back to draft in the database it leaves the page', async () => {
    const before = await mine();
    const other = await openCompetition(b, org, { slug: 'daftar-opd-dua' });
    const after = await mine();
    expect(after.length).toBe(before.length + 1);
    expect(edition(after, other.id)).toMatchObject({ competition: { status: 'open' }, innovations: [] });
    await a.db.query(`UPDATE competitions SET status = 'draft' WHERE id = $1`, [other.id]);
    expect(edition(await mine(), other.id)).toBeUndefined();
  });

  it('each organization sees only its own innovations, through either instance, whatever the other keeps', async () => {
    const own = await mine();
    const theirs = await mine(dukcapil);
    expect(edition(theirs)!.innovations.map((i) => i.id)).toEqual([seeded['KTP Keliling']]);
    expect(listed(own, seeded['KTP Keliling'])).toBeUndefined();
    await a.db.query(`UPDATE innovations SET title = 'KTP Keliling Desa' WHERE id = $1`, [seeded['KTP Keliling']]);
    expect(listed(await mine(dukcapil), seeded['KTP Keliling'])!.title).toBe('KTP Keliling Desa');
    expect(JSON.stringify(await mine())).toBe(JSON.stringify(own));
  });
});
