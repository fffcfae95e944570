import type { TestApp } from '../../support/test-app';
import { bearer, tinyPdf } from '../../support/factories';
import { MINI_FRAMEWORK } from '../../support/index-framework';
import type { World } from './world';

export interface IndexWorld {
  edition: string;
  slug: string;
  region: string;
  /** Kota Bekasi's answer to the region indicator `regulasi`. */
  answer: string;
  /** The innovation org A reported. */
  innovation: string;
  snapshot: string;
  /** The regulation (PDF) attached to `answer`. */
  document: string;
}

export async function ok<T = any>(what: string, res: { status: number; body: T }): Promise<T> {
  if (![200, 201].includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

/**
 * An index edition in verification, run by the world's organizer: Kota Bekasi submitted (org A reported one
 * innovation), juror J validates it (juror K nothing), version 1 published.
 */
export async function buildIndexWorld(t: TestApp, w: World): Promise<IndexWorld> {
  const org = w.token.organizer!;
  const coord = w.token.coordinator!;
  const region = (await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`)).rows[0].id as string;
  const edition = (
    await ok(
      'create',
      await t
        .http()
        .post('/api/index-editions')
        .set(bearer(org))
        .send({ name: 'IID Matriks', slug: 'matriks-iid', year: 2027, framework: MINI_FRAMEWORK }),
    )
  ).id as string;
  await ok('open', await t.http().post(`/api/index-editions/${edition}/status`).set(bearer(org)).send({ to: 'self_assessment' }));
  const innovation = (
    await ok(
      'report',
      await t
        .http()
        .post(`/api/index-editions/${edition}/innovations`)
        .set(bearer(w.token.opdA!))
        .send({ title: 'Inovasi Indeks Matriks' }),
    )
  ).id as string;
  const put = (token: string, body: object) =>
    t.http().put(`/api/index-editions/${edition}/regions/${region}/answers`).set(bearer(token)).send(body);
  const answer = (
    await ok('regulasi', await put(coord, { indicator: 'regulasi', option: 'perda', link: 'https://jdih.example.go.id/perda' }))
  ).id as string;
  const document = (
    await ok(
      'document',
      await t
        .http()
        .post(`/api/index-editions/${edition}/answers/${answer}/documents/regulation`)
        .set(bearer(coord))
        .attach('file', tinyPdf('Perda inovasi'), { filename: 'perda.pdf', contentType: 'application/pdf' }),
    )
  ).id as string;
  await ok('anggaran', await put(coord, { indicator: 'anggaran', option: 'ada' }));
  await ok('tahapan', await put(w.token.opdA!, { indicator: 'tahapan', innovationId: innovation, option: 'penerapan' }));
  await ok('submit', await t.http().post(`/api/index-editions/${edition}/regions/${region}/submit`).set(bearer(coord)));
  await ok('verification', await t.http().post(`/api/index-editions/${edition}/status`).set(bearer(org)).send({ to: 'verification' }));
  // Juror J validates Kota Bekasi (set directly: the automatic assignment may pick any juror).
  await t.db.query(`INSERT INTO index_validators (edition_id, region_id, validator_id) VALUES ($1, $2, $3)`, [
    edition,
    region,
    w.userId.jurorAssigned,
  ]);
  const snapshot = (await ok('publish', await t.http().post(`/api/index-editions/${edition}/publish`).set(bearer(org)).send({})))
    .id as string;
  return { edition, slug: 'matriks-iid', region, answer, innovation, snapshot, document };
}
