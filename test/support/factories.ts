import { DemoSeedService, judgeEdition } from '@app/demo';
import { accountToken, minimalPdf, type AccountTokenPurpose } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { AssignmentsService, JuryService, PipelineService } from '@app/judging';
import type { TestApp } from './test-app';

export const DEMO_PASSWORD = 'demo-pass-2024';

export async function login(
  t: TestApp,
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string; user: { id: string; role: string; organizationId: string | null } }> {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The token of the link in a user's latest account e-mail (invitation or reset), as that e-mail carries it. */
export async function accountLinkToken(t: TestApp, email: string, purpose: AccountTokenPurpose = 'invitation'): Promise<string> {
  const res = await t.db.query(
    `SELECT a.id FROM account_tokens a JOIN users u ON u.id = a.user_id WHERE u.email = $1 AND a.purpose = $2 ORDER BY a.created_at DESC LIMIT 1`,
    [email.toLowerCase(), purpose],
  );
  if (!res.rows[0]) throw new Error(`no ${purpose} link for ${email}`);
  return accountToken(t.env.jwt.refreshSecret, purpose, (res.rows[0] as { id: string }).id);
}

/** Sets an invited account's password through its invitation link, as its owner would. */
export async function acceptInvitation(t: TestApp, email: string, password: string): Promise<void> {
  const res = await t
    .http()
    .post('/api/auth/invitations/accept')
    .send({ token: await accountLinkToken(t, email), password });
  if (res.status !== 204) throw new Error(`accept invitation ${email}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Loads the demo regions, organizations and accounts into the test database. */
export async function seedDemo(t: TestApp, opts: { judged?: boolean } = {}): Promise<void> {
  await t.app.get(DemoSeedService).seed(opts);
}

export async function idOf(
  t: TestApp,
  table: 'organizations' | 'regions' | 'users' | 'competitions',
  column: string,
  value: string,
): Promise<string> {
  const res = await t.db.query(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]);
  if (!res.rows[0]) throw new Error(`no ${table} row with ${column} = ${value}`);
  return (res.rows[0] as { id: string }).id;
}

/** A small valid PDF with a line of text, for evidence uploads. */
export function tinyPdf(text = 'Data dukung inovasi'): Buffer {
  return minimalPdf([text]);
}

/**
 * Creates an edition from the IGA/KIPP template for `year` and opens it. Its submission window runs from
 * yesterday (submitting waits for the window to open) to 30 June of that year.
 */
export async function openCompetition(
  t: TestApp,
  token: string,
  opts: { slug: string; year?: number; requireCoordinator?: boolean; mutate?: (plan: any) => void },
): Promise<{ id: string; plan: any }> {
  const year = opts.year ?? new Date().getFullYear() + 1;
  const template = await t.http().get(`/api/competitions/template?year=${year}`).set(bearer(token));
  const plan = template.body;
  plan.requireCoordinator = opts.requireCoordinator ?? false;
  plan.stages[0].opensAt = submissionOpenSince();
  opts.mutate?.(plan);
  const created = await t
    .http()
    .post('/api/competitions')
    .set(bearer(token))
    .send({ name: `Kompetisi ${opts.slug}`, slug: opts.slug, year, plan });
  if (created.status !== 201) throw new Error(`create competition: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await t.http().post(`/api/competitions/${created.body.id}/open`).set(bearer(token));
  if (opened.status !== 200) throw new Error(`open competition: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { id: created.body.id, plan: opened.body.plan };
}

/** An RFC 3339 instant a day ago: a submission window that is already open. */
export function submissionOpenSince(): string {
  return new Date(Date.now() - 86400_000).toISOString().replace('Z', '+00:00');
}

/** A complete proposal for the template's form (every required field and section, within word limits). */
export function completeProposal(title: string, extra: Record<string, unknown> = {}) {
  const words = (n: number, w = 'layanan') => Array.from({ length: n }, () => w).join(' ');
  return {
    title,
    summary: `${title}: layanan antar obat gratis bagi pasien rawat jalan.`,
    phase: 'penerapan',
    digital: true,
    governmentAffair: 'kesehatan',
    startDate: '2021-10-25',
    problem: 'Antrean panjang pengambilan obat di instalasi farmasi.',
    approach: 'Obat diantar kurir motor ke rumah pasien, satu motor per kecamatan.',
    results: 'Waktu tunggu obat turun dari tiga jam menjadi nol.',
    replicability: 'Dapat diterapkan RSUD lain dengan armada kecil.',
    sustainability: 'Dianggarkan dalam APBD dan BLUD rumah sakit.',
    sections: {
      ringkasan: words(50),
      latar_belakang_tujuan: words(60),
      kebaruan: words(40),
      implementasi: words(40),
      signifikansi: words(80),
      adaptabilitas: words(40),
      sumber_daya: words(40),
      strategi_keberlanjutan: words(60),
    },
    ...extra,
  };
}

export async function uploadPdf(t: TestApp, token: string, innovationId: string, name = 'sk-inovasi.pdf', bytes = tinyPdf()) {
  return t
    .http()
    .post(`/api/innovations/${innovationId}/documents`)
    .set(bearer(token))
    .attach('file', bytes, { filename: name, contentType: 'application/pdf' });
}

/** Puts already-submitted innovations of these organizations (by code) straight into a competition. */
export async function seedSubmitted(
  t: TestApp,
  competitionId: string,
  entries: { code: string; title: string }[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [n, e] of entries.entries()) {
    const res = await t.db.query(
      `INSERT INTO innovations (competition_id, organization_id, region_id, province_id, category, status, current_stage, title, summary, created_by, submitted_at, version)
       SELECT $1, o.id, r.id, CASE WHEN r.kind = 'provinsi' THEN r.id ELSE r.parent_id END, r.kind, 'submitted', 'submission', $3, 'ringkasan', (SELECT id FROM users WHERE email = 'admin@demo.local'), now() - ($4 || ' hours')::interval, 1
         FROM organizations o JOIN regions r ON r.id = o.region_id WHERE o.code = $2 RETURNING id`,
      [competitionId, e.code, e.title, n + 1],
    );
    if (!res.rows[0]) throw new Error(`no organization ${e.code}`);
    ids[e.title] = res.rows[0].id;
  }
  return ids;
}

/**
 * Runs a competition of {@link seedSubmitted} innovations through every stage with the demo organizer and
 * jurors (demo-judging's deterministic scores); `beforeClose` runs before each scored stage closes.
 */
export async function judgeWithDemoJury(
  t: TestApp,
  competitionId: string,
  ids: Record<string, string>,
  opts: { beforeClose?: (stageKey: string) => Promise<void>; fail?: Record<string, string> } = {},
): Promise<void> {
  const users = await t.db.query(
    `SELECT id, role, email, name FROM users WHERE email LIKE 'juror%@demo.local' OR email = 'organizer@demo.local'`,
  );
  const actor = (u: { id: string; role: 'juror' | 'organizer'; email: string; name: string }) => ({
    ...u,
    organizationId: null,
    regionId: null,
    sessionId: 'test',
  });
  await judgeEdition(
    { pipeline: t.app.get(PipelineService), assignments: t.app.get(AssignmentsService), jury: t.app.get(JuryService) },
    actor(users.rows.find((u: { role: string }) => u.role === 'organizer')),
    users.rows.filter((u: { role: string }) => u.role === 'juror').map(actor),
    await t.app.get(CompetitionsService).snapshot(competitionId),
    { titles: new Map(Object.entries(ids).map(([title, id]) => [id, title])), ...opts },
  );
}
