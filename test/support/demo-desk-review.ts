import type { TestApp } from './test-app';
import { bearer, login } from './factories';

/**
 * The demo edition (IGA 2024 demo, seeded unjudged) taken to an open desk review by its organizer through the
 * API: submission closed, every entry screened in, jurors assigned automatically. Returns SiTaro's desk-review
 * assignments (its criteria include "kemanfaatan") and a juror not assigned to SiTaro.
 */
export async function demoDeskReview(
  t: TestApp,
): Promise<{ competitionId: string; sitaro: string; assignments: { id: string; email: string }[]; otherJuror: string }> {
  const org = (await login(t, 'organizer@demo.local')).accessToken;
  const [competition] = (await t.db.query(`SELECT id FROM competitions WHERE slug = 'iga-2024-demo'`)).rows;
  const id = competition.id as string;
  const post = async (path: string, body: object = {}) => {
    const res = await t.http().post(`/api/competitions/${id}${path}`).set(bearer(org)).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  };
  const entries = (await t.db.query(`SELECT id FROM innovations WHERE competition_id = $1 AND status = 'submitted'`, [id])).rows.map(
    (r: { id: string }) => r.id,
  );
  await post('/stages/submission/close');
  await post('/stages/screening/open');
  await post('/screening', { decisions: entries.map((innovationId: string) => ({ innovationId, decision: 'pass' })) });
  await post('/stages/screening/close');
  await post('/stages/desk_review/assignments');
  await post('/stages/desk_review/open');
  const [sitaro] = (await t.db.query(`SELECT id FROM innovations WHERE competition_id = $1 AND title LIKE 'SiTaro%'`, [id])).rows;
  const assignments = (
    await t.db.query(
      `SELECT a.id, u.email FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.innovation_id = $1 AND a.stage_key = 'desk_review' AND a.removed_at IS NULL ORDER BY u.email`,
      [sitaro.id],
    )
  ).rows;
  const [other] = (
    await t.db.query(`SELECT email FROM users WHERE role = 'juror' AND email NOT IN (SELECT unnest($1::text[])) ORDER BY email LIMIT 1`, [
      assignments.map((a: { email: string }) => a.email),
    ])
  ).rows;
  return { competitionId: id, sitaro: sitaro.id, assignments, otherJuror: other.email };
}
