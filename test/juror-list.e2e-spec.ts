import type { Actor } from '../libs/common/src';
import { AssignmentsService } from '../libs/judging/src';
import { bearer, login, openCompetition, seedDemo, seedSubmitted } from './support/factories';
import { closeTestApps, createTestAppPair, type TestApp } from './support/test-app';

type Item = {
  id: string;
  competitionName: string;
  stage: string;
  stageStatus: string;
  dueAt: string | null;
  innovationId: string;
  title: string;
  category: string;
  sheetStatus: string;
  version: number;
};
type List = {
  progress: { total: number; submitted: number; draft: number; notStarted: number; complete: boolean };
  items: Item[];
  total: number;
};

/**
 * The juror's list (GET /api/assignments/mine) is kept per instance between changes and checked against the
 * juror's list stamp (triggers) on every request: each change of what the list shows, made through either
 * instance or straight in the database (as the worker or an operator would), is on the next page of both.
 */
describe("the juror's assignment list follows every change, on every instance (e2e, two API instances)", () => {
  let a: TestApp;
  let b: TestApp;
  let org: string;
  let juror: { token: string; id: string };
  let cid: string;
  let ids: Record<string, string>;
  const post = (t: TestApp, path: string, token: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);

  /** The page through A and through B: both answer 200, alike, and as the list made afresh (nothing kept) reads. */
  async function mine(): Promise<List> {
    const [fromA, fromB] = [
      await a.http().get('/api/assignments/mine').set(bearer(juror.token)),
      await b.http().get('/api/assignments/mine').set(bearer(juror.token)),
    ];
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromB.text).toBe(fromA.text);
    const fresh = await a.app.get(AssignmentsService).mine({ id: juror.id, role: 'juror' } as Actor);
    expect(JSON.parse(fromA.text)).toEqual({ ...fresh, page: 1, pageSize: 50 });
    return JSON.parse(fromA.text);
  }

  beforeAll(async () => {
    [a, b] = await createTestAppPair();
    await seedDemo(a);
    org = (await login(a, 'organizer@demo.local')).accessToken;
    const s = await login(a, 'juror2@demo.local');
    juror = { token: s.accessToken, id: s.user.id };
    const c = await openCompetition(a, org, {
      slug: 'daftar-juri',
      mutate: (plan) => {
        plan.stages.find((x: { key: string }) => x.key === 'desk_review').jurorsPerInnovation = 5;
      },
    });
    cid = c.id;
    ids = await seedSubmitted(a, cid, [
      { code: 'RSUD-KOTA-BEKASI', title: 'A' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'B' },
      { code: 'DINKES-KAB-BOGOR', title: 'C' },
      { code: 'DPMPTSP-KOTA-DEPOK', title: 'D' },
    ]);
    expect((await post(a, `/api/competitions/${cid}/stages/submission/close`, org)).status).toBe(200);
    expect((await post(a, `/api/competitions/${cid}/stages/screening/open`, org)).status).toBe(200);
    const decisions = ['A', 'B', 'C', 'D'].map((k) => ({ innovationId: ids[k], decision: 'pass' }));
    expect((await post(a, `/api/competitions/${cid}/screening`, org, { decisions })).body).toEqual({ passed: 4, failed: 0 });
    expect((await post(a, `/api/competitions/${cid}/stages/screening/close`, org)).status).toBe(200);
  });
  afterAll(() => closeTestApps(a, b));

  it('assignments made through A are on the list through A and B', async () => {
    expect((await mine()).total).toBe(0);
    expect((await post(a, `/api/competitions/${cid}/stages/desk_review/assignments`, org)).status).toBe(201);
    const list = await mine();
    expect(list.items.map((i) => i.title).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(list.total).toBe(4);
    expect(list.items.every((i) => i.stageStatus === 'scheduled' && i.sheetStatus === 'not_started')).toBe(true);
  });

  it('opening the stage through B shows it open', async () => {
    await mine();
    expect((await post(b, `/api/competitions/${cid}/stages/desk_review/open`, org)).status).toBe(200);
    expect((await mine()).items.every((i) => i.stageStatus === 'open')).toBe(true);
  });

  it('a sheet saved through A, then submitted through B, shows its status, version and the progress', async () => {
    const first = (await mine()).items[0];
    const sheet = await a.http().get(`/api/assignments/${first.id}/sheet`).set(bearer(juror.token));
    const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string; max: number }) => [c.key, c.max]));
    const saved = await a
      .http()
      .put(`/api/assignments/${first.id}/sheet`)
      .set(bearer(juror.token))
      .send({ scores, comment: 'Dinilai sesuai rubrik', confirmNoConflict: true, version: sheet.body.sheet.version });
    expect(saved.status).toBe(200);
    let list = await mine();
    expect(list.items.find((i) => i.id === first.id)).toMatchObject({ sheetStatus: 'draft', version: saved.body.version });
    expect(list.progress.draft).toBe(1);
    const again = await b
      .http()
      .put(`/api/assignments/${first.id}/sheet`)
      .set(bearer(juror.token))
      .send({ scores, comment: 'Dinilai ulang', confirmNoConflict: true, version: saved.body.version });
    expect(again.status).toBe(200);
    expect((await mine()).items.find((i) => i.id === first.id)!.version).toBe(again.body.version);
    expect((await post(b, `/api/assignments/${first.id}/sheet/submit`, juror.token, { version: again.body.version })).status).toBe(200);
    list = await mine();
    expect(list.items.find((i) => i.id === first.id)!.sheetStatus).toBe('submitted');
    expect([list.progress.submitted, list.progress.draft]).toEqual([1, 0]);
  });

  it('an assignment removed through A leaves the list; added by hand through B it comes back', async () => {
    const before = await mine();
    const open = before.items.find((i) => i.sheetStatus === 'not_started')!;
    const removed = await a.http().delete(`/api/assignments/${open.id}`).set(bearer(org)).send({ reason: 'Penggantian juri' });
    expect(removed.status).toBe(204);
    const after = await mine();
    expect(after.items.some((i) => i.id === open.id)).toBe(false);
    expect(after.total).toBe(before.total - 1);
    const added = await post(b, `/api/competitions/${cid}/stages/desk_review/assignments/manual`, org, {
      innovationId: open.innovationId,
      jurorId: juror.id,
    });
    expect(added.status).toBe(201);
    const back = await mine();
    expect(back.total).toBe(before.total);
    expect(back.items.some((i) => i.innovationId === open.innovationId && i.id !== open.id)).toBe(true);
  });

  it('the competition renamed through B, and its due date moved through A, show on the next page', async () => {
    await mine();
    expect((await b.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ name: 'Kompetisi Juri Berganti Nama' })).status).toBe(
      200,
    );
    expect((await mine()).items.every((i) => i.competitionName === 'Kompetisi Juri Berganti Nama')).toBe(true);
    const plan = (await a.http().get(`/api/competitions/${cid}`).set(bearer(org))).body.plan;
    const desk = plan.stages.find((s: { key: string }) => s.key === 'desk_review');
    const due = new Date(Date.parse(desk.closesAt) - 86400_000).toISOString().replace('Z', '+00:00');
    desk.closesAt = due;
    const moved = await a.http().patch(`/api/competitions/${cid}`).set(bearer(org)).send({ plan, reason: 'Perpanjangan penilaian' });
    expect(moved.status).toBe(200);
    expect((await mine()).items.every((i) => Date.parse(i.dueAt!) === Date.parse(due))).toBe(true);
  });

  it('a title and a category changed in the database (another process) show on the next page', async () => {
    const list = await mine();
    const one = list.items[0];
    await a.db.query(`UPDATE innovations SET title = 'Judul Baru Inovasi', category = 'tematik' WHERE id = $1`, [one.innovationId]);
    expect((await mine()).items.find((i) => i.id === one.id)).toMatchObject({ title: 'Judul Baru Inovasi', category: 'tematik' });
    // An update of what the list does not show keeps it as it was.
    await a.db.query(`UPDATE innovations SET summary = 'Ringkasan lain' WHERE id = $1`, [one.innovationId]);
    expect((await mine()).items.find((i) => i.id === one.id)!.title).toBe('Judul Baru Inovasi');
  });

  it('a sheet reopened by the worker or an operator in the database shows as a draft', async () => {
    const submitted = (await mine()).items.find((i) => i.sheetStatus === 'submitted')!;
    await a.db.query(`UPDATE score_sheets SET status = 'draft', version = version + 1 WHERE assignment_id = $1`, [submitted.id]);
    const list = await mine();
    expect(list.items.find((i) => i.id === submitted.id)!.sheetStatus).toBe('draft');
    expect(list.progress.submitted).toBe(0);
  });

  it('a conflict declared through B releases the assignment from the list', async () => {
    const open = (await mine()).items.find((i) => i.sheetStatus === 'not_started')!;
    const declared = await post(b, `/api/innovations/${open.innovationId}/conflicts`, juror.token, { reason: 'Pernah menjadi konsultan' });
    expect(declared.status).toBe(201);
    expect((await mine()).items.some((i) => i.innovationId === open.innovationId)).toBe(false);
  });

  it('closing the stage through A shows it closed', async () => {
    await mine();
    const closed = await post(a, `/api/competitions/${cid}/stages/desk_review/close`, org, {
      force: true,
      reason: 'Batas waktu penilaian',
    });
    expect(closed.status).toBe(200);
    expect((await mine()).items.every((i) => i.stageStatus === 'closed')).toBe(true);
  });

  it('an assignment in a second competition joins the list, and the changes of that competition show too', async () => {
    const before = await mine();
    const other = await openCompetition(a, org, { slug: 'daftar-juri-dua' });
    const [x] = Object.values(await seedSubmitted(a, other.id, [{ code: 'BAPPEDA-KAB-BEKASI', title: 'X' }]));
    // As the worker or an operator would: straight into the table.
    await a.db.query(
      `INSERT INTO assignments (competition_id, stage_key, innovation_id, juror_id, source) VALUES ($1, 'desk_review', $2, $3, 'manual')`,
      [other.id, x, juror.id],
    );
    let list = await mine();
    expect(list.total).toBe(before.total + 1);
    expect(list.items.find((i) => i.innovationId === x)).toMatchObject({
      competitionName: 'Kompetisi daftar-juri-dua',
      stageStatus: 'scheduled',
    });
    expect((await b.http().patch(`/api/competitions/${other.id}`).set(bearer(org)).send({ name: 'Kompetisi Kedua' })).status).toBe(200);
    list = await mine();
    expect(list.items.find((i) => i.innovationId === x)!.competitionName).toBe('Kompetisi Kedua');
    expect(list.items.filter((i) => i.innovationId !== x).every((i) => i.competitionName === 'Kompetisi Juri Berganti Nama')).toBe(true);
    await a.db.query(`UPDATE competition_stages SET status = 'open' WHERE competition_id = $1 AND key = 'desk_review'`, [other.id]);
    expect((await mine()).items[0]).toMatchObject({ innovationId: x, stageStatus: 'open' });
  });

  it('other pages and page sizes follow too', async () => {
    /** Every page of one item through `t`, joined. */
    const pages = async (t: TestApp, total: number) => {
      const items: Item[] = [];
      for (let page = 1; page <= total; page++) {
        const res = await t.http().get(`/api/assignments/mine?pageSize=1&page=${page}`).set(bearer(juror.token));
        expect([res.status, res.body.total, res.body.page, res.body.pageSize]).toEqual([200, total, page, 1]);
        items.push(...res.body.items);
      }
      return items;
    };
    const before = await mine();
    expect(await pages(a, before.total)).toEqual(before.items);
    expect(await pages(b, before.total)).toEqual(before.items);
    // A new title moves the item in the order (titles break ties): pages kept must not show the old order.
    await a.db.query(`UPDATE innovations SET title = 'AAA Judul Pertama' WHERE id = $1`, [
      before.items[before.items.length - 1].innovationId,
    ]);
    const after = await mine();
    expect(after.items.map((i) => i.title)).not.toEqual(before.items.map((i) => i.title));
    expect(await pages(a, after.total)).toEqual(after.items);
    expect(await pages(b, after.total)).toEqual(after.items);
  });
});
