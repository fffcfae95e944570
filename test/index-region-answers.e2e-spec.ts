import { UsersService } from '@app/identity';
import { createTestApp, type TestApp } from './support/test-app';
import { bearer, DEMO_PASSWORD, idOf, login, seedDemo } from './support/factories';
import { MINI_FRAMEWORK } from './support/index-framework';

/**
 * Two regions answer the same region indicator of one edition. Region answers were stored under the owner
 * "region" for every region, unique per edition and indicator: the second region's answer overwrote the
 * first region's row (which kept the first region's id), and a national edition could hold one answer per
 * region indicator in all.
 */
describe('index editions: every region keeps its own region answers (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
  });
  afterAll(async () => t?.close());

  it('Kota Bekasi and Kota Bandung answer "regulasi" each for itself', async () => {
    const bandung = await idOf(t, 'regions', 'code', '32.73');
    const bekasi = await idOf(t, 'regions', 'code', '32.75');
    await t.app.get(UsersService).ensure({
      email: 'coordinator.bandung@demo.local',
      name: 'Admin Lokal Kota Bandung',
      role: 'coordinator',
      password: DEMO_PASSWORD,
      organizationId: null,
      regionId: bandung,
    });
    const org = (await login(t, 'organizer@demo.local')).accessToken;
    const coordBekasi = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    const coordBandung = (await login(t, 'coordinator.bandung@demo.local')).accessToken;
    const { id } = (
      await t
        .http()
        .post('/api/index-editions')
        .set(bearer(org))
        .send({ name: 'IID Dua Daerah', slug: 'iid-dua-daerah', year: 2026, framework: MINI_FRAMEWORK })
    ).body;
    expect((await t.http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'self_assessment' })).status).toBe(200);

    const answer = (token: string, region: string, option: string) =>
      t.http().put(`/api/index-editions/${id}/regions/${region}/answers`).set(bearer(token)).send({ indicator: 'regulasi', option });
    expect((await answer(coordBekasi, bekasi, 'perda')).status).toBe(200);
    const second = await answer(coordBandung, bandung, 'perkada');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ option: 'perkada', version: 1 });

    const mine = async (token: string, region: string) =>
      (await t.http().get(`/api/index-editions/${id}/regions/${region}`).set(bearer(token))).body.answers.map(
        (a: { indicator: string; option: string }) => [a.indicator, a.option],
      );
    expect(await mine(coordBekasi, bekasi)).toEqual([['regulasi', 'perda']]);
    expect(await mine(coordBandung, bandung)).toEqual([['regulasi', 'perkada']]);
    const rows = (await t.db.query(`SELECT region_id, self_option FROM index_answers WHERE edition_id = $1 ORDER BY self_option`, [id]))
      .rows;
    expect(rows).toEqual([
      { region_id: bekasi, self_option: 'perda' },
      { region_id: bandung, self_option: 'perkada' },
    ]);
  });
});
