import { CompetitionsService } from '../libs/competitions/src/competitions.service';
import { bearer, login, seedDemo, submissionOpenSince } from './support/factories';
import { closeTestApps, createTestAppPair, type TestApp } from './support/test-app';

/**
 * GET /api/competitions/:id keeps the last body per competition in each process and asks PostgreSQL, on every
 * read, whether the rows it was made of are still the same (CompetitionsRepository.viewJson). Two API instances
 * on one database: whatever one changes (or a change made by hand in SQL), the next read through the other shows
 * it (the view the service builds from the rows), and who may read it follows the change at once.
 */
describe('GET /api/competitions/:id after changes, read through another instance', () => {
  let a: TestApp;
  let b: TestApp;
  let organizer: string;
  let admin: string;
  let opd: string;
  let cid: string;

  beforeAll(async () => {
    [a, b] = await createTestAppPair();
    await seedDemo(a);
    organizer = (await login(a, 'organizer@demo.local')).accessToken;
    admin = (await login(a, 'admin@demo.local')).accessToken;
    opd = (await login(a, 'opd.rsud@demo.local')).accessToken;
    const year = new Date().getFullYear() + 1;
    const plan = (await a.http().get(`/api/competitions/template?year=${year}`).set(bearer(organizer))).body;
    plan.requireCoordinator = false;
    plan.stages[0].opensAt = submissionOpenSince();
    const created = await b
      .http()
      .post('/api/competitions')
      .set(bearer(organizer))
      .send({ name: 'Kompetisi Tersimpan', slug: 'json-kept', year, plan });
    expect(created.status).toBe(201);
    cid = created.body.id;
  });
  afterAll(() => closeTestApps(a, b));

  /** What A answers, checked against the view B's service builds from the rows (the same JSON once parsed). */
  async function readThroughA(token = organizer) {
    const res = await a.http().get(`/api/competitions/${cid}`).set(bearer(token));
    expect(res.status).toBe(200);
    const actor = { id: '00000000-0000-4000-8000-000000000000', role: 'admin', sessionId: 'test' } as never;
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await b.app.get(CompetitionsService).get(actor, cid))));
    return res.body;
  }
  const patchThroughB = (body: object) => b.http().patch(`/api/competitions/${cid}`).set(bearer(organizer)).send(body);

  it('a draft: its organizer reads it through both instances, an OPD gets 404 from both', async () => {
    expect((await readThroughA()).name).toBe('Kompetisi Tersimpan');
    expect((await b.http().get(`/api/competitions/${cid}`).set(bearer(organizer))).status).toBe(200);
    // A keeps the body now; the OPD's 404 does not come from it
    expect((await a.http().get(`/api/competitions/${cid}`).set(bearer(opd))).status).toBe(404);
    expect((await b.http().get(`/api/competitions/${cid}`).set(bearer(opd))).status).toBe(404);
  });

  it('a rename and a new description through B are in the next read through A', async () => {
    await readThroughA();
    expect((await patchThroughB({ name: 'Kompetisi Berganti Nama', description: 'Deskripsi baru' })).status).toBe(200);
    const body = await readThroughA();
    expect(body).toMatchObject({ name: 'Kompetisi Berganti Nama', description: 'Deskripsi baru' });
  });

  it('a plan edit through B (a stage removed, a criterion renamed) is in the next read through A, stage rows too', async () => {
    const before = await readThroughA();
    const plan = structuredClone(before.plan);
    plan.stages = plan.stages.filter((s: { key: string }) => s.key !== 'presentation');
    plan.stages.find((s: { key: string }) => s.key === 'field_verification').weight = 100;
    const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
    plan.tieBreak = ['stage:field_verification'];
    desk.rubric[0].label.id = 'Kebaruan (diubah)';
    const res = await patchThroughB({ plan });
    expect(res.status).toBe(200);
    const after = await readThroughA();
    expect(after.stages.map((s: { key: string }) => s.key)).toEqual(['submission', 'screening', 'desk_review', 'field_verification']);
    expect(after.plan.stages.find((s: { key: string }) => s.key === 'desk_review').rubric[0].label.id).toBe('Kebaruan (diubah)');
  });

  it('opening the edition through B: A shows it open with its first stage opened, and the OPD may now read it through A', async () => {
    await readThroughA();
    expect((await b.http().post(`/api/competitions/${cid}/open`).set(bearer(organizer))).status).toBe(200);
    const body = await readThroughA(opd);
    expect(body.status).toBe('open');
    expect(body.stages[0]).toMatchObject({ key: 'submission', status: 'open' });
    expect(body.stages[0].openedAt).not.toBeNull();
  });

  it('a deadline moved through B (with its reason) is in the next read through A', async () => {
    const before = await readThroughA();
    const plan = structuredClone(before.plan);
    const moved = new Date(Date.parse(plan.stages[0].closesAt) - 86400_000).toISOString().replace('Z', '+00:00');
    plan.stages[0].closesAt = moved;
    expect((await patchThroughB({ plan, reason: 'tenggat dimajukan' })).status).toBe(200);
    const after = await readThroughA();
    expect(Date.parse(after.plan.stages[0].closesAt)).toBe(Date.parse(moved));
  });

  it('a stage closed and the next one opened through B are in the next read through A', async () => {
    await readThroughA();
    expect((await b.http().post(`/api/competitions/${cid}/stages/submission/close`).set(bearer(organizer)).send({})).status).toBe(200);
    let body = await readThroughA();
    expect(body.stages[0]).toMatchObject({ key: 'submission', status: 'closed' });
    expect(body.stages[0].closedAt).not.toBeNull();
    expect((await b.http().post(`/api/competitions/${cid}/stages/screening/open`).set(bearer(organizer))).status).toBe(200);
    body = await readThroughA();
    expect(body.stages[1]).toMatchObject({ key: 'screening', status: 'open' });
  });

  it('changes made by hand in SQL (status, name, a stage row) are in the next read too', async () => {
    await readThroughA();
    await a.db.query(`UPDATE competitions SET status = 'published' WHERE id = $1`, [cid]);
    expect((await readThroughA()).status).toBe('published');
    await a.db.query(`UPDATE competitions SET name = 'Diubah di psql' WHERE id = $1`, [cid]);
    expect((await readThroughA()).name).toBe('Diubah di psql');
    await a.db.query(`UPDATE competition_stages SET status = 'closed', closed_at = now() WHERE competition_id = $1 AND key = 'screening'`, [
      cid,
    ]);
    expect((await readThroughA()).stages[1]).toMatchObject({ key: 'screening', status: 'closed' });
    // back to a draft by hand: the OPD's next read through A is a 404 again
    await a.db.query(`UPDATE competitions SET status = 'draft' WHERE id = $1`, [cid]);
    expect((await a.http().get(`/api/competitions/${cid}`).set(bearer(opd))).status).toBe(404);
  });

  it("an admin's draft: 404 to the organizer through A until B adds them as a co-organizer, then 200", async () => {
    const year = new Date().getFullYear() + 1;
    const created = await a
      .http()
      .post('/api/competitions')
      .set(bearer(admin))
      .send({ name: 'Draf Admin', slug: 'json-kept-admin', year, template: 'iga-kipp' });
    expect(created.status).toBe(201);
    const path = `/api/competitions/${created.body.id}`;
    expect((await a.http().get(path).set(bearer(admin))).status).toBe(200);
    expect((await a.http().get(path).set(bearer(organizer))).status).toBe(404);
    const me = (await a.http().get('/api/me').set(bearer(organizer))).body;
    expect((await b.http().post(`${path}/organizers`).set(bearer(admin)).send({ userId: me.id })).status).toBe(201);
    const res = await a.http().get(path).set(bearer(organizer));
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Draf Admin');
  });
});
