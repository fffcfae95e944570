import { accountToken, type Actor } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { AssignmentsService, JuryService, PipelineService } from '@app/judging';
import { judgeEdition } from '@app/demo';
import type { TestApp } from '../../support/test-app';
import {
  acceptInvitation,
  bearer,
  completeProposal,
  login,
  openCompetition,
  seedDemo,
  seedSubmitted,
  uploadPdf,
} from '../../support/factories';

/** The callers of the authorization matrix, in its column order. */
export const WHO = ['anon', 'opdA', 'opdB', 'jurorAssigned', 'jurorOther', 'organizerOther', 'organizer', 'admin', 'coordinator'] as const;
export type Who = (typeof WHO)[number];
export type SignedIn = Exclude<Who, 'anon'>;

export const OTHER_ORGANIZER = { email: 'sekretariat.kipp@demo.local', password: 'kipp-lain-2025-rahasia' };

/**
 * Real resources for the security tests, built through the API the way a competition runs:
 * - `competition` ("matriks", run by organizer@demo.local): A (RSUD Kota Bekasi = org A, with a PDF),
 *   B (Disdukcapil Kota Bekasi = org B, with a PDF), X (Diskominfo Kota Bandung, outside the coordinator's
 *   region) and A2 (a second entry of org A) went through submission, screening and desk review (k = 2, every
 *   sheet submitted, closed); presentation is assigned (k = 2) and open.
 * - `published` ("terbit"): three innovations judged through every stage by the demo jurors, an objection of
 *   org A answered, results published (snapshot).
 * - `otherCompetition`: a draft run by a second organizer, who runs nothing else.
 * - `openCompetition`: open for submissions, with a draft of org A (`draftA`, with a PDF).
 */
export interface World {
  token: Record<Who, string | null>;
  userId: Record<SignedIn, string>;
  ids: {
    orgA: string;
    orgB: string;
    competition: string;
    otherCompetition: string;
    openCompetition: string;
    published: string;
    publishedSlug: string;
    snapshot: string;
    innovationA: string;
    innovationA2: string;
    innovationB: string;
    innovationX: string;
    publishedA: string;
    draftA: string;
    documentA: string;
    documentDraftA: string;
    /** Juror J's desk-review assignment on A (sheet submitted, stage closed). */
    assignmentJ: string;
    /** An open presentation assignment on A, with no sheet yet. */
    presentationAssignment: string;
    /** The token of that assignment's juror. */
    presentationToken: string;
    presentationJuror: string;
    notificationA: string;
    outboxDead: string;
    objection: string;
    /** Org A's survey unit, its open period and the period's public code. */
    surveyUnit: string;
    surveyPeriod: string;
    surveyCode: string;
    /** A favourite vote (open) of the live competition, and the token of one requested vote's link. */
    poll: string;
    voteToken: string;
    /** Kota Bekasi (orgs A and B are in it). */
    region: string;
  };
  titles: Record<'A' | 'A2' | 'B' | 'X' | 'PA' | 'PB' | 'PX' | 'draftA', string>;
  jurorEmails: { assigned: string; other: string };
}

type Item = { id: string; innovationId: string; competitionId: string; stage: string; sheetStatus: string; version: number };

async function ok<T = any>(what: string, res: { status: number; body: T }, expected: number[] = [200, 201, 204]): Promise<T> {
  if (!expected.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

/** Every open assignment of `token`'s juror in `stage` of `competitionId`, scored `value` and submitted. */
export async function scoreAll(t: TestApp, token: string, competitionId: string, stage: string, value = 70): Promise<number> {
  const mine = await t.http().get('/api/assignments/mine').set(bearer(token));
  const items = (mine.body.items as Item[]).filter(
    (i) => i.competitionId === competitionId && i.stage === stage && i.sheetStatus !== 'submitted',
  );
  for (const item of items) {
    const sheet = await t.http().get(`/api/assignments/${item.id}/sheet`).set(bearer(token));
    const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string }) => [c.key, value]));
    const saved = await ok(
      'save sheet',
      await t
        .http()
        .put(`/api/assignments/${item.id}/sheet`)
        .set(bearer(token))
        .send({ scores, comment: 'Sesuai rubrik', confirmNoConflict: true, version: sheet.body.sheet.version }),
    );
    await ok(
      'submit sheet',
      await t.http().post(`/api/assignments/${item.id}/sheet/submit`).set(bearer(token)).send({ version: saved.version }),
    );
  }
  return items.length;
}

export async function actorOf(t: TestApp, email: string): Promise<Actor> {
  const r = await t.db.query(
    `SELECT id, role, email, name, organization_id AS "organizationId", region_id AS "regionId" FROM users WHERE email = $1`,
    [email],
  );
  return { ...r.rows[0], sessionId: 'security-fixture' };
}

export async function buildWorld(t: TestApp): Promise<World> {
  await seedDemo(t);
  const post = (path: string, token: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);
  const s = {
    admin: await login(t, 'admin@demo.local'),
    organizer: await login(t, 'organizer@demo.local'),
    coordinator: await login(t, 'coordinator.bekasi@demo.local'),
    opdA: await login(t, 'opd.rsud@demo.local'),
    opdB: await login(t, 'opd.disdukcapil@demo.local'),
  };
  const jurors: Record<string, { accessToken: string; user: { id: string } }> = {};
  for (const n of [1, 2, 3, 4, 5]) jurors[`juror${n}@demo.local`] = await login(t, `juror${n}@demo.local`);
  const org = s.organizer.accessToken;

  // A second organizer, who runs a competition of their own and nothing else.
  await ok(
    'create organizer',
    await post('/api/users', s.admin.accessToken, { email: OTHER_ORGANIZER.email, name: 'Sekretariat KIPP', role: 'organizer' }),
  );
  await acceptInvitation(t, OTHER_ORGANIZER.email, OTHER_ORGANIZER.password);
  const other = await login(t, OTHER_ORGANIZER.email, OTHER_ORGANIZER.password);
  const otherCompetition = (
    await ok(
      'create other competition',
      await post('/api/competitions', other.accessToken, { name: 'KIPP Lain 2027', slug: 'kipp-lain', year: 2027, template: 'iga-kipp' }),
    )
  ).id as string;

  const titles = {
    A: 'SiTaro Matriks RSUD',
    A2: 'SiTaro Matriks Cadangan',
    B: 'Patriot Matriks Disdukcapil',
    X: 'Bandung Matriks Diskominfo',
    PA: 'SiTaro Terbit RSUD',
    PB: 'Patriot Terbit Disdukcapil',
    PX: 'Bandung Terbit Diskominfo',
    draftA: 'SiTaro Draf Terbuka',
  };

  // The live competition, run through desk review.
  const c = await openCompetition(t, org, {
    slug: 'matriks',
    mutate: (plan) => {
      const desk = plan.stages.find((x: { key: string }) => x.key === 'desk_review');
      desk.jurorsPerInnovation = 2;
      desk.advance = { type: 'threshold', min: 0 };
      plan.stages.find((x: { key: string }) => x.key === 'presentation').jurorsPerInnovation = 2;
    },
  });
  const submitOwn = async (token: string, title: string) => {
    const created = await ok(`create ${title}`, await post(`/api/competitions/${c.id}/innovations`, token, completeProposal(title)));
    const doc = await ok(`upload ${title}`, await uploadPdf(t, token, created.id));
    await ok(`submit ${title}`, await post(`/api/innovations/${created.id}/submit`, token));
    return { id: created.id as string, documentId: doc.id as string };
  };
  const a = await submitOwn(s.opdA.accessToken, titles.A);
  const b = await submitOwn(s.opdB.accessToken, titles.B);
  const seeded = await seedSubmitted(t, c.id, [
    { code: 'DISKOMINFO-KOTA-BANDUNG', title: titles.X },
    { code: 'RSUD-KOTA-BEKASI', title: titles.A2 },
  ]);
  await ok('close submission', await post(`/api/competitions/${c.id}/stages/submission/close`, org));
  await ok('open screening', await post(`/api/competitions/${c.id}/stages/screening/open`, org));
  await ok(
    'screen',
    await post(`/api/competitions/${c.id}/screening`, org, {
      decisions: [a.id, b.id, seeded[titles.X], seeded[titles.A2]].map((innovationId) => ({ innovationId, decision: 'pass' })),
    }),
  );
  await ok('close screening', await post(`/api/competitions/${c.id}/stages/screening/close`, org));
  await ok('assign desk review', await post(`/api/competitions/${c.id}/stages/desk_review/assignments`, org, {}));
  await ok('open desk review', await post(`/api/competitions/${c.id}/stages/desk_review/open`, org));
  for (const j of Object.values(jurors)) await scoreAll(t, j.accessToken, c.id, 'desk_review', 75);
  await ok('close desk review', await post(`/api/competitions/${c.id}/stages/desk_review/close`, org));
  await ok('assign presentation', await post(`/api/competitions/${c.id}/stages/presentation/assignments`, org, {}));
  await ok('open presentation', await post(`/api/competitions/${c.id}/stages/presentation/open`, org));

  // J: assigned to A in desk review; K: no assignment, slot or visit on A at all.
  const onA = await t.db.query(
    `SELECT a.id, a.stage_key, u.email FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.innovation_id = $1 AND a.removed_at IS NULL ORDER BY a.stage_key, u.email`,
    [a.id],
  );
  const desk = onA.rows.find((r: { stage_key: string }) => r.stage_key === 'desk_review')!;
  const pres = onA.rows.find((r: { stage_key: string }) => r.stage_key === 'presentation')!;
  const assignedEmail: string = desk.email;
  const otherEmail = Object.keys(jurors).find((e) => !onA.rows.some((r: { email: string }) => r.email === e))!;
  if (!otherEmail) throw new Error('every demo juror is on A; the matrix needs one who is not');

  // The published competition: judged through every stage by the demo jurors, one objection answered.
  const p = await openCompetition(t, org, { slug: 'terbit' });
  const pIds = await seedSubmitted(t, p.id, [
    { code: 'RSUD-KOTA-BEKASI', title: titles.PA },
    { code: 'DISDUKCAPIL-KOTA-BEKASI', title: titles.PB },
    { code: 'DISKOMINFO-KOTA-BANDUNG', title: titles.PX },
  ]);
  const jurorActors: Actor[] = [];
  for (const e of Object.keys(jurors)) jurorActors.push(await actorOf(t, e));
  await judgeEdition(
    { pipeline: t.app.get(PipelineService), assignments: t.app.get(AssignmentsService), jury: t.app.get(JuryService) },
    await actorOf(t, 'organizer@demo.local'),
    jurorActors,
    await t.app.get(CompetitionsService).snapshot(p.id),
    {
      titles: new Map(Object.entries(pIds).map(([title, id]) => [id, title])),
    },
  );
  await ok('announce', await post(`/api/competitions/${p.id}/rankings/announce`, org, { days: 5 }));
  const objection = await ok(
    'object',
    await post(`/api/innovations/${pIds[titles.PA]}/objections`, s.opdA.accessToken, {
      reason: 'Nilai presentasi belum mempertimbangkan data dukung tambahan',
    }),
  );
  await ok(
    'answer',
    await t
      .http()
      .post(`/api/objections/${objection.id}/answer`)
      .set(bearer(org))
      .send({ answer: 'Sudah dipertimbangkan', decision: 'rejected' }),
  );
  // The objection window ends (time travel: the announcement closed a second ago).
  await t.db.query(`UPDATE ranking_announcements SET closes_at = now() - interval '1 second' WHERE competition_id = $1`, [p.id]);
  const published = await ok('publish', await post(`/api/competitions/${p.id}/rankings/publish`, org, {}));

  // An edition open for submissions, with a draft of org A.
  const open = await openCompetition(t, org, { slug: 'terbuka' });
  const draft = await ok(
    'draft',
    await post(`/api/competitions/${open.id}/innovations`, s.opdA.accessToken, completeProposal(titles.draftA)),
  );
  const draftDoc = await ok('draft upload', await uploadPdf(t, s.opdA.accessToken, draft.id));

  // An inbox item of org A's user, and a dead outbox message of the live competition.
  const notification = await t.db.query(
    `INSERT INTO notifications (user_id, type, title, body, link, payload) VALUES ($1, 'screening_decided', $2, 'Lolos seleksi administrasi', NULL, $3) RETURNING id`,
    [s.opdA.user.id, `Hasil seleksi: ${titles.A}`, JSON.stringify({ innovationId: a.id, title: titles.A })],
  );
  const dead = await t.db.query(
    `UPDATE outbox_messages SET status = 'dead', last_error = 'smtp refused' WHERE id = (SELECT id FROM outbox_messages WHERE competition_id = $1 ORDER BY created_at LIMIT 1) RETURNING id`,
    [c.id],
  );

  // A survey unit of org A with a period open now (its code is the public short link).
  const surveyUnit = await ok(
    'survey unit',
    await post('/api/survey-units', s.opdA.accessToken, { name: 'Farmasi Rawat Jalan', population: 1000 }),
  );
  const surveyPeriod = await ok(
    'survey period',
    await post(`/api/survey-units/${surveyUnit.id}/periods`, s.opdA.accessToken, {
      label: 'SKM matriks',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    }),
  );

  // A favourite vote of the live competition between A and B, open now, with one vote requested (its link token).
  const poll = await ok(
    'favourite poll',
    await post(`/api/competitions/${c.id}/favourite-polls`, org, {
      category: 'kota',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      innovationIds: [a.id, b.id],
    }),
  );
  await ok(
    'vote',
    await t.http().post(`/api/public/favourite-polls/${poll.id}/votes`).send({ innovationId: a.id, email: 'pemilih.matriks@gmail.com' }),
    [202],
  );
  const voteId = (
    await t.db.query(
      `SELECT payload->>'tokenId' AS id FROM outbox_messages WHERE type = 'favourite_vote_verify' ORDER BY created_at DESC LIMIT 1`,
    )
  ).rows[0].id as string;
  const voteToken = accountToken(t.env.jwt.refreshSecret, 'favourite_vote', voteId);

  const jurorToken = (email: string) => jurors[email].accessToken;
  return {
    token: {
      anon: null,
      opdA: s.opdA.accessToken,
      opdB: s.opdB.accessToken,
      jurorAssigned: jurorToken(assignedEmail),
      jurorOther: jurorToken(otherEmail),
      organizerOther: other.accessToken,
      organizer: org,
      admin: s.admin.accessToken,
      coordinator: s.coordinator.accessToken,
    },
    userId: {
      opdA: s.opdA.user.id,
      opdB: s.opdB.user.id,
      jurorAssigned: jurors[assignedEmail].user.id,
      jurorOther: jurors[otherEmail].user.id,
      organizerOther: other.user.id,
      organizer: s.organizer.user.id,
      admin: s.admin.user.id,
      coordinator: s.coordinator.user.id,
    },
    ids: {
      orgA: s.opdA.user.organizationId!,
      orgB: s.opdB.user.organizationId!,
      competition: c.id,
      otherCompetition,
      openCompetition: open.id,
      published: p.id,
      publishedSlug: 'terbit',
      region: (await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`)).rows[0].id,
      snapshot: published.id,
      innovationA: a.id,
      innovationA2: seeded[titles.A2],
      innovationB: b.id,
      innovationX: seeded[titles.X],
      publishedA: pIds[titles.PA],
      draftA: draft.id,
      documentA: a.documentId,
      documentDraftA: draftDoc.id,
      assignmentJ: desk.id,
      presentationAssignment: pres.id,
      presentationToken: jurorToken(pres.email),
      presentationJuror: jurors[pres.email].user.id,
      notificationA: notification.rows[0].id,
      outboxDead: dead.rows[0].id,
      objection: objection.id,
      surveyUnit: surveyUnit.id,
      surveyPeriod: surveyPeriod.id,
      surveyCode: surveyPeriod.code,
      poll: poll.id,
      voteToken,
    },
    titles,
    jurorEmails: { assigned: assignedEmail, other: otherEmail },
  };
}

/** Session tokens that may be spent (logout, refresh) without touching the world's. */
export const EMAIL_OF: Record<SignedIn, (w: World) => [string, string?]> = {
  opdA: () => ['opd.rsud@demo.local'],
  opdB: () => ['opd.disdukcapil@demo.local'],
  jurorAssigned: (w) => [w.jurorEmails.assigned],
  jurorOther: (w) => [w.jurorEmails.other],
  organizerOther: () => [OTHER_ORGANIZER.email, OTHER_ORGANIZER.password],
  organizer: () => ['organizer@demo.local'],
  admin: () => ['admin@demo.local'],
  coordinator: () => ['coordinator.bekasi@demo.local'],
};

/** The resource each path parameter stands for by default, by the path's first segment after /api. */
export function defaultParams(w: World, template: string): Record<string, string> {
  const seg = template.split('/')[2];
  const id: Record<string, string> = {
    organizations: w.ids.orgA,
    regions: w.ids.region,
    competitions: w.ids.competition,
    innovations: w.ids.innovationA,
    documents: w.ids.documentA,
    assignments: w.ids.assignmentJ,
    notifications: w.ids.notificationA,
    admin: w.ids.outboxDead,
    objections: w.ids.objection,
    public: w.ids.publishedA,
    'survey-units': w.ids.surveyUnit,
    'survey-periods': w.ids.surveyPeriod,
  };
  return {
    id: id[seg],
    key: 'desk_review',
    slug: w.ids.publishedSlug,
    snapshotId: w.ids.snapshot,
    innovationId: w.ids.publishedA,
    code: w.ids.surveyCode,
  };
}
