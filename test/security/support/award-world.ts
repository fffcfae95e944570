import type { TestApp } from '../../support/test-app';
import { bearer } from '../../support/factories';
import type { World } from './world';
import { ok, type IndexWorld } from './index-world';

export interface AwardWorld {
  competition: string;
  slug: string;
  /** Kota Bekasi's entry (the innovations row of Pemerintah Kota Bekasi). */
  entry: string;
  region: string;
}

/**
 * A region award edition of the world's organizer over the index world's snapshot, nominated and published:
 * a one-stage plan (the given IID, weight 100), so Kota Bekasi's entry is ranked without any juror. Without
 * `publish`, the edition stays open with the entry still prepared by its coordinator.
 */
export async function buildAwardWorld(
  t: TestApp,
  w: World,
  iw: IndexWorld,
  opts: { publish: boolean } = { publish: true },
): Promise<AwardWorld> {
  const org = w.token.organizer!;
  const plan = await ok(
    'template',
    await t.http().get(`/api/competitions/template?year=2027&indexSnapshotId=${iw.snapshot}`).set(bearer(org)),
  );
  plan.stages = [
    {
      ...plan.stages[0],
      opensAt: new Date(Date.now() - 86400_000).toISOString(),
      closesAt: new Date(Date.now() + 86400_000).toISOString(),
      weight: 100,
      advance: null,
    },
  ];
  plan.tieBreak = ['stage:iid'];
  plan.objectionWindowDays = 0;
  const competition = (
    await ok(
      'create',
      await t
        .http()
        .post('/api/competitions')
        .set(bearer(org))
        .send({ name: 'Penghargaan Daerah Matriks', slug: 'matriks-daerah', year: 2027, plan }),
    )
  ).id as string;
  await ok('open', await t.http().post(`/api/competitions/${competition}/open`).set(bearer(org)));
  const nominated = await ok('nominate', await t.http().post(`/api/competitions/${competition}/award-nominees`).set(bearer(org)));
  if (!opts.publish) return { competition, slug: 'matriks-daerah', entry: nominated.entries[0].id, region: iw.region };
  await ok('close', await t.http().post(`/api/competitions/${competition}/stages/iid/close`).set(bearer(org)));
  await ok('announce', await t.http().post(`/api/competitions/${competition}/rankings/announce`).set(bearer(org)).send({ days: 0 }));
  await ok('publish', await t.http().post(`/api/competitions/${competition}/rankings/publish`).set(bearer(org)).send({}));
  return { competition, slug: 'matriks-daerah', entry: nominated.entries[0].id, region: iw.region };
}
