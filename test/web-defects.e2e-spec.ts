import { createTestApp, type TestApp } from './support/test-app';
import { bearer, login, seedDemo } from './support/factories';

/** Issue 18: what a new user of the web app hit, on the API's side. */
describe('web defects (issue 18): API parts (e2e, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t, { judged: true });
  });
  afterAll(async () => t?.close());

  describe('errors in the client’s language, with codes and parameters', () => {
    it('a 400 answers in Accept-Language (Indonesian by default) with the same code and fields', async () => {
      const organizer = await login(t, 'organizer@demo.local');
      const body = { name: 'x'.repeat(201), slug: 'bahasa-test', year: 2026, template: 'iga-kipp', colour: 'red' };
      const send = (lang?: string) => {
        const req = t.http().post('/api/competitions').set(bearer(organizer.accessToken));
        return (lang ? req.set('accept-language', lang) : req).send(body);
      };
      const [en, id, none] = await Promise.all([send('en-GB,en;q=0.9'), send('id-ID,id;q=0.9'), send()]);
      for (const res of [en, id, none]) expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(en.body.message).toMatch(/^Validation failed: /);
      expect(id.body.message).toBe('Isian tidak valid; periksa kolom yang disebutkan.');
      expect(none.body.message).toBe(id.body.message);
      expect(en.body.details.fields).toEqual(id.body.details.fields);
      expect(en.body.details.fields).toEqual(
        expect.arrayContaining([
          { field: 'name', code: 'FIELD_TOO_LONG', params: { max: 200 }, message: expect.stringContaining('200') },
          { field: 'colour', code: 'FIELD_NOT_ALLOWED', params: {}, message: 'is not an allowed field' },
        ]),
      );
    });

    it('sign-in errors come in both languages, with a code for each field', async () => {
      const wrong = (lang: string) =>
        t.http().post('/api/auth/login').set('accept-language', lang).send({ email: 'organizer@demo.local', password: 'wrong-password-1' });
      const [en, id] = [await wrong('en'), await wrong('id')];
      expect([en.status, en.body.code, en.body.message]).toEqual([401, 'AUTH_INVALID_CREDENTIALS', 'E-mail or password is wrong']);
      expect([id.status, id.body.code, id.body.message]).toEqual([401, 'AUTH_INVALID_CREDENTIALS', 'Email atau kata sandi salah.']);
      const malformed = await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details.fields).toContainEqual(
        expect.objectContaining({ field: 'email', code: 'FIELD_NOT_EMAIL', params: {} }),
      );
    });

    it('a 409 carries the parameters its message is made from', async () => {
      const organizer = await login(t, 'organizer@demo.local');
      const list = await t.http().get('/api/competitions').set(bearer(organizer.accessToken));
      const demo = (list.body.items ?? list.body).find((c: { slug: string }) => c.slug === 'iga-2024-demo');
      const res = await t
        .http()
        .post(`/api/competitions/${demo.id}/stages/screening/open`)
        .set(bearer(organizer.accessToken))
        .set('accept-language', 'id');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'STAGE_ILLEGAL_TRANSITION', params: { from: 'closed', to: 'open' } });
      expect(res.body.message).toMatch(/^Status tahap tidak dapat diubah dari "closed" ke "open"/);
    });
  });

  describe('an OPD keeps its innovations across editions', () => {
    it('GET /api/me/innovations lists the published, ranked SiTaro in its edition, and only the OPD’s own', async () => {
      const rsud = await login(t, 'opd.rsud@demo.local');
      const res = await t.http().get('/api/me/innovations').set(bearer(rsud.accessToken));
      expect(res.status).toBe(200);
      const demo = res.body.editions.find((e: { competition: { slug: string } }) => e.competition.slug === 'iga-2024-demo');
      expect(demo.competition.status).toBe('published');
      const sitaro = demo.innovations.find((i: { title: string }) => /SiTaro/.test(i.title));
      expect(sitaro).toMatchObject({ status: expect.any(String), organizationId: rsud.user.organizationId });
      expect(sitaro).not.toHaveProperty('problem');
      for (const e of res.body.editions) for (const i of e.innovations) expect(i.organizationId).toBe(rsud.user.organizationId);
      const disdukcapil = await login(t, 'opd.disdukcapil@demo.local');
      const theirs = await t.http().get('/api/me/innovations').set(bearer(disdukcapil.accessToken));
      expect(JSON.stringify(theirs.body)).not.toContain(sitaro.id);
      const organizer = await login(t, 'organizer@demo.local');
      expect((await t.http().get('/api/me/innovations').set(bearer(organizer.accessToken))).status).toBe(403);
    });
  });

  describe('the last stage’s close ends judging', () => {
    it('tells the OPDs that judging has ended, not that they advance to a next stage', async () => {
      const rows = await t.db.query(`SELECT payload FROM outbox_messages WHERE type = 'stage_closed'`);
      const byStage = new Map<string, Set<string>>();
      // The stage is its label in both languages ({id, en}); key by the Indonesian one, as the plan names it.
      for (const { payload } of rows.rows) {
        const stage: string = typeof payload.stage === 'string' ? payload.stage : payload.stage.id;
        byStage.set(stage, (byStage.get(stage) ?? new Set()).add(payload.outcome));
      }
      const stages = [...byStage.keys()];
      expect(stages.length).toBeGreaterThan(1);
      const last = await t.db.query(`SELECT plan->'stages'->-1->'label'->>'id' AS label FROM competitions WHERE slug = 'iga-2024-demo'`);
      expect([...byStage.get(last.rows[0].label)!]).toEqual(['completed']);
      for (const [stage, outcomes] of byStage) if (stage !== last.rows[0].label) expect(outcomes.has('completed')).toBe(false);
    });
  });
});
