// A published mini index (test/support/index-framework.ts) over six kota of the demo, for the region award tests.
import { bearer, login } from './factories';
import { MINI_FRAMEWORK } from './index-framework';
import type { TestApp } from './test-app';

/** Region answers per kota (option of `regulasi`, of `anggaran`), and the innovations its OPDs report (title, tahapan). */
const KOTA: Record<string, { regulasi: string; anggaran: string; innovations: { org: string; title: string; tahapan: string }[] }> = {
  // spd 4, sid 6/2 + 2 → iid 90
  'Kota Bekasi': {
    regulasi: 'perkada',
    anggaran: 'ada',
    innovations: [
      { org: 'RSUD-KOTA-BEKASI', title: 'SiTaro — antar obat', tahapan: 'penerapan' },
      { org: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap', tahapan: 'penerapan' },
    ],
  },
  // spd 4, sid 1/1 → 50
  'Kota Bandung': {
    regulasi: 'perkada',
    anggaran: 'ada',
    innovations: [{ org: 'DISKOMINFO-KOTA-BANDUNG', title: 'Sadayana', tahapan: 'inisiatif' }],
  },
  // spd 2 → 20 each: tied on every tie-break
  'Kota Depok': { regulasi: 'perkada', anggaran: 'tidak_ada', innovations: [] },
  'Kota Bogor': { regulasi: 'tidak_ada', anggaran: 'ada', innovations: [] },
  'Kota Cimahi': { regulasi: 'tidak_ada', anggaran: 'tidak_ada', innovations: [] },
  'Kota Cirebon': { regulasi: 'tidak_ada', anggaran: 'tidak_ada', innovations: [] },
};

/** An account of `role` with the demo password (its hash copied from a demo account), for regions the demo leaves without one. */
async function account(
  t: TestApp,
  email: string,
  role: 'coordinator' | 'opd',
  where: { regionId?: string; organizationId?: string },
): Promise<string> {
  await t.db.query(
    `INSERT INTO users (email, name, password_hash, role, region_id, organization_id)
     SELECT $1, $1, password_hash, $2, $3, $4 FROM users WHERE email = 'coordinator.bekasi@demo.local' ON CONFLICT (email) DO NOTHING`,
    [email, role, where.regionId ?? null, where.organizationId ?? null],
  );
  return (await login(t, email)).accessToken;
}

/**
 * Creates, fills, verifies (verified = self) and publishes the index over HTTP: Bekasi 90, Bandung 50, Depok and
 * Bogor 20 (tied), Cimahi and Cirebon 0. Returns the snapshot and Bandung's reported innovation (another region's).
 */
export async function publishMiniIndex(
  t: TestApp,
  org: string,
  slug: string,
  year: number,
): Promise<{ editionId: string; snapshotId: string; sadayana: string }> {
  const http = () => t.http();
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const created = ok(
    await http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({ name: `IID ${year} (uji)`, slug, year, categories: ['kota'], framework: MINI_FRAMEWORK }),
    'create index',
  );
  const id = created.body.id as string;
  ok(await http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'self_assessment' }), 'open self-assessment');
  let sadayana = '';
  for (const [name, plan] of Object.entries(KOTA)) {
    const [{ id: regionId }] = (await t.db.query(`SELECT id FROM regions WHERE name = $1`, [name])).rows;
    const coordinator =
      name === 'Kota Bekasi'
        ? (await login(t, 'coordinator.bekasi@demo.local')).accessToken
        : await account(t, `coordinator.${regionId}@test.local`, 'coordinator', { regionId });
    const answer = (token: string, body: object) =>
      http().put(`/api/index-editions/${id}/regions/${regionId}/answers`).set(bearer(token)).send(body);
    ok(
      await answer(coordinator, {
        indicator: 'regulasi',
        option: plan.regulasi,
        ...(plan.regulasi === 'perkada' ? { link: `https://jdih.example.go.id/${regionId}` } : {}),
      }),
      `${name} regulasi`,
    );
    ok(await answer(coordinator, { indicator: 'anggaran', option: plan.anggaran }), `${name} anggaran`);
    for (const innovation of plan.innovations) {
      const [{ id: organizationId }] = (await t.db.query(`SELECT id FROM organizations WHERE code = $1`, [innovation.org])).rows;
      const opd = await account(t, `opd.${organizationId}@test.local`, 'opd', { organizationId });
      const reported = ok(
        await http().post(`/api/index-editions/${id}/innovations`).set(bearer(opd)).send({ title: innovation.title }),
        `${innovation.title} report`,
      );
      if (innovation.title === 'Sadayana') sadayana = reported.body.id;
      ok(
        await answer(opd, { indicator: 'tahapan', innovationId: reported.body.id, option: innovation.tahapan }),
        `${innovation.title} tahapan`,
      );
    }
    ok(await http().post(`/api/index-editions/${id}/regions/${regionId}/submit`).set(bearer(coordinator)), `${name} submit`);
  }
  ok(await http().post(`/api/index-editions/${id}/status`).set(bearer(org)).send({ to: 'verification' }), 'open verification');
  const assigned = ok(await http().post(`/api/index-editions/${id}/validators`).set(bearer(org)).send({ perRegion: 1 }), 'validators');
  for (const { regionId, validatorId } of assigned.body.assignments as { regionId: string; validatorId: string }[]) {
    const [{ email }] = (await t.db.query(`SELECT email FROM users WHERE id = $1`, [validatorId])).rows;
    const validator = (await login(t, email)).accessToken;
    const region = ok(await http().get(`/api/index-editions/${id}/regions/${regionId}`).set(bearer(validator)), 'region');
    for (const a of region.body.answers as { id: string; option: string }[])
      ok(
        await http().put(`/api/index-editions/${id}/answers/${a.id}/verification`).set(bearer(validator)).send({ option: a.option }),
        'verify',
      );
  }
  const published = ok(await http().post(`/api/index-editions/${id}/publish`).set(bearer(org)).send({}), 'publish index');
  return { editionId: id, snapshotId: published.body.id, sadayana };
}
