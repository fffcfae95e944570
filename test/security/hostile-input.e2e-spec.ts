import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, login, tinyPdf } from '../support/factories';
import { buildWorld, defaultParams, EMAIL_OF, type SignedIn, type World } from './support/world';
import { buildIndexWorld, type IndexWorld } from './support/index-world';
import { buildAwardWorld, type AwardWorld } from './support/award-world';
import { MINI_FRAMEWORK } from '../support/index-framework';

/**
 * Issue #10, part 2: property-based hostile requests (fast-check, fixed seed) at every write operation of the
 * OpenAPI document, each sent as a caller that may use it, against real resources. For every response:
 * - never a 5xx; an error is JSON `{statusCode, error, message}` with statusCode = the status, and holds no
 *   stack trace, no file path and no SQL or PostgreSQL error text;
 * - a refused request (4xx) leaves the database exactly as it was (row counts of the main tables and a
 *   checksum of their mutable columns);
 * - hostile values (wrong types, 100k-character strings, unknown fields, out-of-range numbers, malformed JSON,
 *   non-object bodies, bad path parameters) are refused; SQL and script payloads in text fields may be
 *   accepted (they are data), and are then stored as sent.
 */
const SEED = 20261124;
const RUNS = 12;
const UPLOAD_LIMIT = 256 * 1024;

type Caller = SignedIn | 'anon';
interface Target {
  who: Caller;
  params?: (w: World) => Record<string, string>;
  /** A valid body for this caller and resource; hostile inputs are mutations of it. */
  body?: (c: Ctx) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Sign in afresh before each request (logout and refresh spend the session). */
  fresh?: boolean;
  /** Token of another caller than the named role (the juror of an assignment). */
  token?: (w: World) => string;
  csv?: boolean;
  multipart?: boolean;
}
interface Ctx {
  t: TestApp;
  w: World;
  n: number;
  refreshToken?: string;
  regionKotaBekasi: string;
}

/** One caller per write route, and a valid body. A write route of the OpenAPI document missing here fails. */
const TARGETS: Record<string, Target> = {
  'POST /api/regions': { who: 'admin', body: (c) => ({ name: `Provinsi Uji ${c.n}`, kind: 'provinsi' }) },
  'POST /api/organizations': { who: 'admin', body: (c) => ({ name: `Dinas Uji ${c.n}`, regionId: c.regionKotaBekasi, kind: 'opd' }) },
  'POST /api/imports/organizations': { who: 'admin', csv: true },
  'PUT /api/regions/{id}/tags': { who: 'admin', body: () => ({ tags: ['perbatasan', 'daerah_tertinggal'] }) },
  'POST /api/imports/national-areas': { who: 'admin' },
  'POST /api/imports/region-tags': { who: 'admin', csv: true },
  'POST /api/auth/login': { who: 'anon', body: () => ({ email: 'opd.rsud@demo.local', password: 'demo-pass-2024' }) },
  'POST /api/auth/refresh': { who: 'anon', fresh: true, body: (c) => ({ refreshToken: c.refreshToken! }) },
  'POST /api/auth/logout': { who: 'opdA', fresh: true, body: () => ({ everywhere: false }) },
  'POST /api/users': { who: 'admin', body: (c) => ({ email: `fuzz${c.n}@demo.local`, name: 'Juri Uji', role: 'juror', locale: 'id' }) },
  'POST /api/imports/users': { who: 'admin', csv: true },
  'POST /api/auth/invitations/accept': { who: 'anon', body: () => ({ token: 'tautan-palsu', password: 'sandi-uji-2025-aman' }) },
  'POST /api/auth/password-reset': { who: 'anon', body: (c) => ({ email: `lupa${c.n}@demo.local` }) },
  'POST /api/auth/password-reset/confirm': { who: 'anon', body: () => ({ token: 'tautan-palsu', password: 'sandi-uji-2025-aman' }) },
  'POST /api/competitions': {
    who: 'organizer',
    body: (c) => ({ name: `Kompetisi Uji ${c.n}`, slug: `uji-${c.n}`, year: 2027, template: 'iga-kipp', description: 'uji' }),
  },
  'PATCH /api/competitions/{id}': {
    who: 'organizer',
    params: (w) => ({ id: w.ids.openCompetition }),
    body: () => ({ name: 'Kompetisi Terbuka', description: 'Edisi terbuka', reason: 'uji' }),
  },
  'POST /api/competitions/{id}/open': { who: 'organizer' },
  'POST /api/competitions/{id}/archive': { who: 'organizer' },
  'POST /api/competitions/{id}/organizers': { who: 'organizer', body: (c) => ({ userId: c.w.userId.admin }) }, // not an organizer account: 400 from the handler (adding organizerOther would change what it may see)
  'POST /api/competitions/{id}/innovations': {
    who: 'opdA',
    params: (w) => ({ id: w.ids.openCompetition }),
    body: (c) => ({ title: `Inovasi Uji ${c.n}`, summary: 'ringkasan', digital: true, startDate: '2021-01-01' }),
  },
  'PATCH /api/innovations/{id}': {
    who: 'opdA',
    params: (w) => ({ id: w.ids.draftA }),
    body: () => ({ summary: 'Ringkasan yang diperbarui', digital: false, phase: 'penerapan' }),
  },
  'POST /api/innovations/{id}/submit': { who: 'opdA' },
  'POST /api/innovations/{id}/withdraw': { who: 'opdA', body: () => ({ comment: 'mundur' }) },
  'POST /api/innovations/{id}/disqualify': {
    who: 'organizer',
    params: (w) => ({ id: w.ids.innovationA2 }),
    body: () => ({ reason: 'Data dukung palsu' }),
  },
  'POST /api/innovations/{id}/return': { who: 'coordinator', body: () => ({ comment: 'Lengkapi data' }) },
  'POST /api/innovations/{id}/forward': { who: 'coordinator', body: () => ({ comment: 'Diteruskan' }) },
  'POST /api/innovations/{id}/documents': { who: 'opdA', params: (w) => ({ id: w.ids.draftA }), multipart: true },
  'DELETE /api/documents/{id}': { who: 'opdA' },
  'POST /api/notifications/read-all': { who: 'opdA' },
  'POST /api/notifications/{id}/read': { who: 'opdA' },
  'PUT /api/me/notification-preferences': { who: 'opdA', body: () => ({ digest: 'daily' }) },
  'POST /api/admin/outbox/{id}/replay': { who: 'admin' },
  'POST /api/competitions/{id}/stages/{key}/open': { who: 'organizer' },
  'POST /api/competitions/{id}/stages/{key}/close': { who: 'organizer', body: () => ({ force: true, reason: 'batas waktu' }) },
  'POST /api/innovations/{id}/screening': {
    who: 'organizer',
    body: () => ({ decision: 'fail', reason: 'tidak lengkap', checklist: { complete: false } }),
  },
  'POST /api/competitions/{id}/screening': {
    who: 'organizer',
    body: (c) => ({ decisions: [{ innovationId: c.w.ids.innovationA, decision: 'pass' }] }),
  },
  'POST /api/innovations/{id}/presentation': {
    who: 'organizer',
    body: (c) => ({
      startsAt: '2027-09-10T09:00:00+07:00',
      endsAt: '2027-09-10T09:20:00+07:00',
      location: 'Ruang Rapat Utama',
      link: 'https://meet.example.go.id/uji',
      panel: [c.w.ids.presentationJuror],
      note: 'bawa laptop',
    }),
  },
  'POST /api/innovations/{id}/field-visit': {
    who: 'organizer',
    body: () => ({
      visitAt: '2027-10-07T09:00:00+07:00',
      address: 'Jl. Pramuka 55',
      findings: 'sesuai',
      checklist: [{ key: 'kesesuaian_data', ok: true, note: 'ok' }],
    }),
  },
  'POST /api/innovations/{id}/field-visit/photos': { who: 'organizer', multipart: true },
  'POST /api/competitions/{id}/stages/{key}/assignments': { who: 'organizer', body: () => ({ k: 2, allowVerifiersAsScorers: false }) },
  'POST /api/competitions/{id}/stages/{key}/assignments/manual': {
    who: 'organizer',
    params: () => ({ key: 'presentation' }),
    body: (c) => ({ innovationId: c.w.ids.innovationA, jurorId: c.w.userId.jurorOther }),
  },
  'DELETE /api/assignments/{id}': { who: 'organizer', body: () => ({ reason: 'konflik' }) },
  'PUT /api/assignments/{id}/sheet': {
    who: 'jurorAssigned',
    token: (w) => w.ids.presentationToken,
    params: (w) => ({ id: w.ids.presentationAssignment }),
    body: async (c) => {
      const v = await c.t.db.query(`SELECT version FROM score_sheets WHERE assignment_id = $1`, [c.w.ids.presentationAssignment]);
      return { scores: { kebaharuan: 80, kemanfaatan: 75 }, comment: 'draf', confirmNoConflict: true, version: v.rows[0]?.version ?? 0 };
    },
  },
  'POST /api/assignments/{id}/sheet/submit': {
    who: 'jurorAssigned',
    token: (w) => w.ids.presentationToken,
    params: (w) => ({ id: w.ids.presentationAssignment }),
    body: () => ({ version: 1 }),
  },
  'POST /api/assignments/{id}/sheet/reopen': {
    who: 'organizer',
    params: (w) => ({ id: w.ids.presentationAssignment }),
    body: () => ({ reason: 'tinjau' }),
  },
  'POST /api/innovations/{id}/conflicts': { who: 'jurorAssigned', body: () => ({ reason: 'kerabat' }) },
  'POST /api/competitions/{id}/rankings/announce': { who: 'organizer', body: () => ({ days: 5 }) },
  'POST /api/objections/{id}/reopen': { who: 'organizer', body: () => ({ stage: 'field_verification', reason: 'dikabulkan' }) },
  'POST /api/objections/{id}/settle': { who: 'organizer', body: () => ({ stage: 'field_verification' }) },
  'POST /api/competitions/{id}/rankings/publish': { who: 'organizer', body: () => ({ reason: 'koreksi' }) },
  'POST /api/competitions/{id}/rankings/exports': {
    who: 'organizer',
    params: (w) => ({ id: w.ids.published }),
    body: () => ({ format: 'csv' }),
  },
  'POST /api/objections/{id}/answer': { who: 'organizer', body: () => ({ answer: 'Sudah dipertimbangkan', decision: 'rejected' }) },
  'POST /api/innovations/{id}/objections': { who: 'opdA', body: () => ({ reason: 'keberatan' }) },
  // Citizens' voice (issue 22)
  'POST /api/survey-units': { who: 'opdA', body: (c) => ({ name: `Loket Uji ${c.n}`, organizationId: c.w.ids.orgA, population: 1000 }) },
  'POST /api/survey-units/{id}/periods': {
    who: 'opdA',
    body: () => ({ label: 'SKM uji', opensAt: '2027-01-01T00:00:00+07:00', closesAt: '2027-07-01T00:00:00+07:00' }),
  },
  'POST /api/survey-periods/{id}/imports': { who: 'opdA', csv: true },
  'POST /api/survey-periods/{id}/exclusions': {
    who: 'opdA',
    body: () => ({ responseIds: ['00000000-0000-4000-8000-000000000000'], reason: 'Uji masukan' }),
  },
  'POST /api/innovations/{id}/survey-evidence': {
    who: 'opdA',
    body: (c) => ({ unitId: c.w.ids.surveyUnit, beforePeriodId: c.w.ids.surveyPeriod, afterPeriodId: c.w.ids.surveyPeriod }),
  },
  'POST /api/public/surveys/{code}/responses': {
    who: 'anon',
    body: () => ({ answers: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 } }),
  },
  'POST /api/competitions/{id}/favourite-polls': {
    who: 'organizer',
    body: (c) => ({
      category: 'kota',
      opensAt: '2027-08-01T00:00:00+07:00',
      closesAt: '2027-08-10T00:00:00+07:00',
      innovationIds: [c.w.ids.innovationA, c.w.ids.innovationB],
    }),
  },
  'POST /api/public/favourite-polls/{id}/votes': {
    who: 'anon',
    params: (w) => ({ id: w.ids.poll }),
    body: (c) => ({ innovationId: c.w.ids.innovationB, email: `warga${c.n}@gmail.com` }),
  },
  'POST /api/public/favourite-votes/verify': { who: 'anon', body: (c) => ({ token: c.w.ids.voteToken }) },
  // Index editions (issue 16), on the index world (support/index-world.ts): in verification, version 1 published.
  'POST /api/index-editions': { who: 'organizer', body: (c) => ({ name: `Indeks Uji ${c.n}`, slug: `indeks-uji-${c.n}`, year: 2027 }) },
  'PUT /api/index-editions/{id}/framework': { who: 'organizer', params: () => indexParams(), body: () => ({ framework: MINI_FRAMEWORK }) },
  'PUT /api/index-editions/{id}/windows': {
    who: 'organizer',
    params: () => indexParams(),
    body: () => ({ verificationClosesAt: '2031-01-01T00:00:00Z', reason: 'Uji masukan' }),
  },
  'POST /api/index-editions/{id}/status': { who: 'organizer', params: () => indexParams(), body: () => ({ to: 'self_assessment' }) },
  'PUT /api/index-editions/{id}/regions/{regionId}/answers': {
    who: 'coordinator',
    params: () => indexParams(),
    body: () => ({ indicator: 'anggaran', option: 'tidak_ada' }),
  },
  'POST /api/index-editions/{id}/answers/{answerId}/documents/{kind}': {
    who: 'coordinator',
    params: () => ({ ...indexParams(), kind: 'regulation' }),
    multipart: true,
  },
  'POST /api/index-editions/{id}/regions/{regionId}/submit': { who: 'coordinator', params: () => indexParams() },
  'PUT /api/index-editions/{id}/regions/{regionId}/survey-answers': {
    who: 'opdA',
    params: () => indexParams(),
    body: (c) => ({ indicator: 'survei_kepuasan', innovationId: indexParams().innovationId, periodId: c.w.ids.surveyPeriod }),
  },
  'POST /api/index-editions/{id}/innovations': {
    who: 'opdA',
    params: () => indexParams(),
    body: (c) => ({ title: `Inovasi Indeks ${c.n}` }),
  },
  'POST /api/index-editions/{id}/validators': { who: 'organizer', params: () => indexParams(), body: () => ({ perRegion: 1 }) },
  'PUT /api/index-editions/{id}/answers/{answerId}/verification': {
    who: 'jurorAssigned',
    params: () => indexParams(),
    body: () => ({ option: 'perda' }),
  },
  'PUT /api/index-editions/{id}/innovations/{innovationId}/eligibility': {
    who: 'jurorAssigned',
    params: () => indexParams(),
    body: () => ({ eligible: true }),
  },
  'POST /api/index-editions/{id}/publish': { who: 'organizer', params: () => indexParams(), body: () => ({ reason: 'Koreksi uji' }) },
  'POST /api/index-editions/{id}/rankings/exports': { who: 'organizer', params: () => indexParams(), body: () => ({ format: 'xlsx' }) },
  // Region awards (issue 17), on the award world (support/award-world.ts): open, Kota Bekasi nominated.
  'POST /api/competitions/{id}/award-nominees': { who: 'organizer', params: () => ({ id: aw.competition }) },
  'PATCH /api/award-entries/{id}': {
    who: 'coordinator',
    params: () => ({ id: aw.entry }),
    body: () => ({
      presenterName: 'Tri Adhianto',
      presenterPosition: 'Wali Kota',
      materialsUrl: 'https://bekasikota.go.id/iga.pdf',
      showcase: [iw.innovation],
    }),
  },
};

/** The index edition of the world (support/index-world.ts), built in beforeAll. */
let iw: IndexWorld;
/** The region award over it (support/award-world.ts), built in beforeAll. */
let aw: AwardWorld;
const indexParams = () => ({
  id: iw.edition,
  regionId: iw.region,
  answerId: iw.answer,
  innovationId: iw.innovation,
  slug: iw.slug,
  snapshotId: iw.snapshot,
  documentId: iw.document,
});

// ── hostile values ──────────────────────────────────────────────────────────
const HUGE = 'A'.repeat(100_000);
const SQL = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)',
  "admin'--",
  '" OR ""="',
  "') UNION SELECT password_hash FROM users --",
  '$1',
  '%',
];
const SCRIPT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '\u202Egnp.exe',
  '\u0000',
  '../../../../etc/passwd',
];
const NUMBERS = [-1, 0.5, 1e308, -1e308, 2 ** 53 + 2, 1e-7, -0.000001];
const MALFORMED = [
  '{',
  '{"a":',
  '{"a": 1,}',
  "{'single': 1}",
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"version": -Infinity}',
  '[1, 2',
  '{"a": "\\u0000"}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '{"a": 1}}',
  '\u0000',
  'null',
  '"a string"',
  '42',
  '[]',
  '['.repeat(50_000) + ']'.repeat(50_000),
  '{"a":' + '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_001),
];
const BAD_IDS = [
  '1',
  '-1',
  "' OR 1=1 --",
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'null',
  'undefined',
  '0x1f',
  '00000000-0000-0000-0000-00000000000g',
  'x'.repeat(300),
  '%00',
  '<script>',
];

type Mutation =
  | { kind: 'field'; field: string; value: unknown }
  | { kind: 'unknown'; key: string; value: unknown }
  | { kind: 'text'; field: string; value: string }
  | { kind: 'raw'; raw: string }
  | { kind: 'param'; name: string; value: string };

const parses = (raw: string) => {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
};
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const anyValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

function mutations(base: Record<string, unknown>, known: string[], params: string[]): fc.Arbitrary<Mutation> {
  const fields = Object.keys(base);
  const strings = fields.filter((f) => typeof base[f] === 'string');
  const numbers = fields.filter((f) => typeof base[f] === 'number');
  const options: fc.Arbitrary<Mutation>[] = [fc.constantFrom(...MALFORMED).map((raw) => ({ kind: 'raw' as const, raw }))];
  if (fields.length) {
    options.push(
      fc
        .constantFrom(...fields)
        .chain((field) =>
          anyValue.filter((v) => typeOf(v) !== typeOf(base[field])).map((value) => ({ kind: 'field' as const, field, value })),
        ),
      fc.constantFrom(...fields).map((field) => ({ kind: 'field' as const, field, value: HUGE })),
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom('isAdmin', 'role', 'organizationId', 'status', 'createdBy', 'id', 'userId', 'competitionId'),
            fc.string({ minLength: 1, maxLength: 12 }),
          ),
          anyValue,
        )
        .filter(([key]) => !known.includes(key))
        .map(([key, value]) => ({ kind: 'unknown' as const, key, value })),
    );
  }
  if (numbers.length)
    options.push(
      fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom(...NUMBERS))
        .map(([field, value]) => ({ kind: 'field' as const, field, value })),
    );
  if (strings.length)
    options.push(
      fc
        .tuple(fc.constantFrom(...strings), fc.constantFrom(...SQL, ...SCRIPT))
        .map(([field, value]) => ({ kind: 'text' as const, field, value })),
    );
  if (params.length)
    options.push(
      fc
        .tuple(fc.constantFrom(...params), fc.oneof(fc.uuid(), fc.constantFrom(...BAD_IDS)))
        .map(([name, value]) => ({ kind: 'param' as const, name, value })),
    );
  return fc.oneof(...options);
}

function examplesFor(base: Record<string, unknown>): [Mutation][] {
  const strings = Object.keys(base).filter((f) => typeof base[f] === 'string');
  return [
    [{ kind: 'raw', raw: '{"a":' }],
    ...strings.flatMap((field): [Mutation][] => [
      [{ kind: 'text', field, value: `a\u0000b` }],
      [{ kind: 'text', field, value: "'; DROP TABLE users; --" }],
    ]),
  ];
}

/** Text that must never reach a client: stacks, paths, and PostgreSQL's or TypeORM's own words. */
const LEAK =
  /\n\s+at |\bat [\w$.<>]+ \(|\.[jt]s:\d+|node_modules|QueryFailedError|EntityNotFound|TypeORMError|syntax error at or near|violates (unique|foreign key|check|not-null) constraint|duplicate key value|invalid input syntax for|out of range for type|value too long for type|relation "\w+" does not exist|"stack"/i;

interface Counters {
  tried: number;
  byRoute: Record<string, number>;
  fiveHundreds: string[];
  accepted: Record<string, number>;
}

describe('hostile input at every write route (e2e, property-based)', () => {
  let t: TestApp;
  let w: World;
  let ctx: Ctx;
  let doc: {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const counters: Counters = { tried: 0, byRoute: {}, fiveHundreds: [], accepted: {} };

  /**
   * What a request can change. Not what the notification delivery writes on its own a moment after an accepted
   * request (new inbox items, outbox statuses, claims): only reading an inbox item is a request's doing.
   */
  const fingerprint = async (): Promise<Record<string, string>> =>
    (
      await t.db.query(`SELECT
          (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM organizations) AS organizations,
          (SELECT count(*) FROM competitions) AS competitions, (SELECT count(*) FROM innovations) AS innovations, (SELECT count(*) FROM documents) AS documents,
          (SELECT count(*) FROM assignments WHERE removed_at IS NULL) AS assignments, (SELECT count(*) FROM score_sheets) AS sheets, (SELECT count(*) FROM score_sheet_versions) AS sheet_versions,
          (SELECT count(*) FROM stage_results) AS results, (SELECT count(*) FROM presentation_slots) AS slots, (SELECT count(*) FROM field_visits) AS visits,
          (SELECT count(*) FROM conflict_declarations) AS conflicts, (SELECT count(*) FROM objections) AS objections, (SELECT count(*) FROM ranking_snapshots) AS snapshots,
          (SELECT count(*) FROM ranking_announcements) AS announcements, (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM innovation_status_history) AS history,
          (SELECT count(*) FROM outbox_messages) AS outbox, (SELECT count(*) FROM notifications WHERE read_at IS NOT NULL) AS read_notifications,
          (SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NULL) AS live_sessions,
          (SELECT md5(string_agg(id || ':' || version || ':' || status || ':' || title || ':' || coalesce(summary, ''), ',' ORDER BY id)) FROM innovations) AS innovation_sum,
          (SELECT md5(string_agg(id || ':' || status || ':' || name || ':' || coalesce(description, ''), ',' ORDER BY id)) FROM competitions) AS competition_sum,
          (SELECT md5(string_agg(competition_id || ':' || key || ':' || status, ',' ORDER BY competition_id, key)) FROM competition_stages) AS stage_sum,
          (SELECT md5(string_agg(id || ':' || version || ':' || status || ':' || scores::text, ',' ORDER BY id)) FROM score_sheets) AS sheet_sum,
          (SELECT md5(string_agg(id || ':' || coalesce(answer, ''), ',' ORDER BY id)) FROM objections) AS objection_sum,
          (SELECT md5(string_agg(user_id || ':' || digest, ',' ORDER BY user_id)) FROM notification_preferences) AS preference_sum`)
    ).rows[0];
  const changes = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a)
      .filter((k) => a[k] !== b[k])
      .map((k) => `${k} ${a[k]} → ${b[k]}`);

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
    w = await buildWorld(t);
    iw = await buildIndexWorld(t, w);
    aw = await buildAwardWorld(t, w, iw, { publish: false });
    ctx = { t, w, n: 0, regionKotaBekasi: (await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`)).rows[0].id };
    doc = (await t.http().get('/docs-json')).body;
  });
  afterAll(async () => {
    const perRoute = Object.keys(counters.byRoute).length;
    console.log(
      `hostile input: ${counters.tried} inputs tried at ${perRoute} write routes (seed ${SEED}, ${RUNS} generated per JSON route + fixed cases); 5xx seen: ${counters.fiveHundreds.length}` +
        `; accepted as data (2xx: SQL/script text in text fields, real files, CSV rows): ${Object.values(counters.accepted).reduce((a, b) => a + b, 0)}` +
        (counters.fiveHundreds.length ? `\n  ${counters.fiveHundreds.join('\n  ')}` : ''),
    );
    await t?.close();
  });

  const writeRoutes = () =>
    Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );

  /** The JSON body's known property names, from the OpenAPI schema (so an "unknown" field is really unknown). */
  function knownFields(route: string): string[] {
    const [m, p] = route.split(' ');
    const ref = doc.paths[p][m.toLowerCase()].requestBody?.content['application/json']?.schema.$ref;
    return ref ? Object.keys(doc.components.schemas[ref.split('/').pop()!].properties ?? {}) : [];
  }

  async function tokenFor(target: Target): Promise<string | null> {
    if (target.fresh) {
      const [email, password] = EMAIL_OF[target.who === 'anon' ? 'opdA' : target.who](w);
      const s = await login(t, email, password);
      ctx.refreshToken = s.refreshToken;
      return target.who === 'anon' ? null : s.accessToken;
    }
    if (target.token) return target.token(w);
    return target.who === 'anon' ? null : w.token[target.who];
  }

  function request(route: string, target: Target, token: string | null, paramOverride?: { name: string; value: string }) {
    const [method, template] = route.split(' ');
    const params = { ...defaultParams(w, template), ...target.params?.(w) };
    if (paramOverride) params[paramOverride.name] = paramOverride.value;
    const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]));
    let req = (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method.toLowerCase()](url);
    if (token) req = req.set(bearer(token));
    return req;
  }

  /** Every response: < 500, and an error is the JSON error shape with nothing internal in it. */
  function problemsOf(res: { status: number; text: string; body: any; headers: Record<string, string> }): string[] {
    const problems: string[] = [];
    if (res.status >= 500) problems.push(`status ${res.status}`);
    if (res.status >= 400) {
      if (!/^application\/json/.test(res.headers['content-type'] ?? '')) problems.push(`error content-type ${res.headers['content-type']}`);
      const b = res.body ?? {};
      if (b.statusCode !== res.status || typeof b.error !== 'string' || typeof b.message !== 'string')
        problems.push(`error shape ${res.text.slice(0, 200)}`);
      if (LEAK.test(res.text)) problems.push(`internals in the error: ${res.text.slice(0, 300)}`);
    }
    return problems;
  }

  async function check(
    route: string,
    label: string,
    refusedExpected: boolean,
    send: () => Promise<{ status: number; text: string; body: any; headers: Record<string, string> }>,
  ) {
    const before = await fingerprint();
    const res = await send();
    counters.tried++;
    counters.byRoute[route] = (counters.byRoute[route] ?? 0) + 1;
    const problems = problemsOf(res);
    if (res.status >= 500) counters.fiveHundreds.push(`${route} ${label}: ${res.status} ${res.text.slice(0, 200)}`);
    if (res.status >= 400 && res.status < 500) {
      const changed = changes(before, await fingerprint());
      if (changed.length) problems.push(`a refused request (${res.status}) changed the database: ${changed.join(', ')}`);
    }
    if (res.status < 400) {
      if (refusedExpected) problems.push(`hostile input accepted (${res.status}) ${res.text.slice(0, 200)}`);
      else counters.accepted[route] = (counters.accepted[route] ?? 0) + 1;
    }
    if (problems.length) throw new Error(`${route} with ${label}: ${problems.join('; ')}`);
    return res;
  }

  it('knows a caller for every write route of the OpenAPI document', () => {
    const routes = writeRoutes();
    expect({
      withoutTarget: routes.filter((r) => !(r in TARGETS)),
      stale: Object.keys(TARGETS).filter((r) => !routes.includes(r)),
    }).toEqual({ withoutTarget: [], stale: [] });
  });

  const jsonRoutes = Object.entries(TARGETS).filter(([, target]) => !target.csv && !target.multipart);
  it.each(jsonRoutes)('%s: generated hostile bodies, raw malformed JSON and bad path parameters', async (route, target) => {
    const template = route.split(' ')[1];
    const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    // Control: the caller reaches the handler with the valid body (else the fuzzing below proves nothing).
    const control = await request(route, target, await tokenFor(target)).send(target.body ? await target.body(ctx) : {});
    if ([401, 403, 404].includes(control.status) || control.status >= 500)
      throw new Error(`${route}: the control request got ${control.status} ${control.text.slice(0, 200)}`);
    const base = target.body ? await target.body(ctx) : {};
    const arb = mutations(target.body ? base : {}, knownFields(route), params);
    await fc.assert(
      fc.asyncProperty(arb, async (m) => {
        ctx.n++;
        const token = await tokenFor(target);
        const body = target.body ? await target.body(ctx) : undefined;
        const label =
          m.kind === 'raw'
            ? `raw ${JSON.stringify(m.raw.slice(0, 40))}`
            : m.kind === 'param'
              ? `{${m.name}} = ${JSON.stringify(m.value.slice(0, 40))}`
              : `${m.kind} ${'field' in m ? m.field : m.key} = ${JSON.stringify(m.value)?.slice(0, 40)}`;
        // Valid JSON that is no object (null, 42, []) is harmless where the route reads no body.
        const harmless = m.kind === 'raw' && !target.body && parses(m.raw);
        const res = await check(route, label, m.kind !== 'text' && !harmless, () => {
          const req = request(route, target, token, m.kind === 'param' ? m : undefined);
          if (m.kind === 'raw') return req.set('content-type', 'application/json').send(m.raw);
          const next: Record<string, unknown> = { ...(body ?? {}) };
          if (m.kind === 'field' || m.kind === 'text') next[m.field] = m.value;
          if (m.kind === 'unknown') next[m.key] = m.value;
          return req.send(next);
        });
        // Text is data: when accepted, it is stored as sent.
        if (m.kind === 'text' && res.status === 200 && route === 'PATCH /api/innovations/{id}' && m.field === 'summary') {
          const row = await t.db.query(`SELECT summary FROM innovations WHERE id = $1`, [w.ids.draftA]);
          expect(row.rows[0].summary).toBe(m.value.trim());
          expect(res.body.summary).toBe(m.value.trim());
        }
      }),
      // Besides the generated inputs, always: a NUL and an SQL payload in each text field, and broken JSON.
      { seed: SEED, numRuns: target.body ? RUNS : Math.ceil(RUNS / 2), endOnFailure: true, examples: examplesFor(target.body ? base : {}) },
    );
  });

  /** The body schema of a JSON route: property types and which properties are required. */
  function bodySchema(route: string): { types: Record<string, string | undefined>; required: string[] } {
    const [m, p] = route.split(' ');
    const ref = doc.paths[p][m.toLowerCase()].requestBody?.content['application/json']?.schema.$ref;
    const schema = (ref ? doc.components.schemas[ref.split('/').pop()!] : {}) as {
      properties?: Record<string, { type?: string }>;
      required?: string[];
    };
    return {
      types: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, v.type])),
      required: schema.required ?? [],
    };
  }

  // Issue 19 (6): shapes that gave 5xx (a missing title, JSON nested 3,000 deep, a lone surrogate, "plan": []),
  // and blank required texts stored as values. Every JSON write route, every field of its valid body.
  it.each(jsonRoutes)(
    '%s: {}, null, 3,000-deep nesting, lone surrogates, blank texts and [] in every field: never a 5xx, each refused where it must be',
    async (route, target) => {
      const deep = (leaf: string) => '{"a":'.repeat(3000) + leaf + '}'.repeat(3000);
      const { types, required } = bodySchema(route);
      const send = async (label: string, refused: boolean, body: (valid: Record<string, unknown>) => string) => {
        ctx.n++;
        const token = await tokenFor(target);
        const valid = target.body ? await target.body(ctx) : {};
        return check(route, label, refused, () => request(route, target, token).set('content-type', 'application/json').send(body(valid)));
      };
      await send('{}', false, () => '{}');
      await send('null', false, () => 'null');
      await send('3,000-deep nesting under an unknown key', true, (v) =>
        JSON.stringify(v)
          .replace(/^\{/, `{"tiefe":${deep('1')},`)
          .replace(/,}$/, '}'),
      );
      await send('3,000-deep array', true, () => '['.repeat(3000) + ']'.repeat(3000));
      const base = target.body ? await target.body(ctx) : {};
      for (const field of Object.keys(base)) {
        const withField = (value: string) => (v: Record<string, unknown>) =>
          JSON.stringify({ ...v, [field]: '__X__' }).replace('"__X__"', value);
        const deepRes = await send(`${field} = 3,000-deep nesting`, true, withField(deep('1')));
        expect({ field, status: deepRes.status, code: deepRes.body.code }).toEqual({ field, status: 400, code: 'BODY_TOO_DEEP' });
        await send(`${field} = []`, types[field] !== 'array', withField('[]'));
        if (typeof base[field] !== 'string') continue;
        const lone = await send(`${field} = lone surrogate`, true, withField('"\\ud800x"'));
        expect({ field, status: lone.status, code: lone.body.code, named: lone.body.details?.fields?.[0]?.field }).toEqual({
          field,
          status: 400,
          code: 'INVALID_TEXT',
          named: field,
        });
        const blank = await send(`${field} = "   "`, required.includes(field), withField('"   "'));
        if (required.includes(field))
          expect({ field, status: blank.status, named: blank.body.details?.fields?.map((f: { field: string }) => f.field) }).toEqual({
            field,
            status: 400,
            named: expect.arrayContaining([field]),
          });
      }
    },
  );

  it('uploads: path traversal in file names, mislabelled and oversized files; stored names are safe, nothing left over', async () => {
    const storage = path.join(t.env.dataDir, 'storage');
    const marker = `pwned-${Date.now()}`;
    const NAMES = [
      `../../../../../../tmp/${marker}.pdf`,
      `..\\..\\..\\windows\\${marker}.pdf`,
      '/etc/passwd',
      'a/../../b.pdf',
      '.htaccess',
      `${'x'.repeat(5000)}.pdf`,
      'evil\u0000.pdf',
      'rtl\u202Efdp.exe',
      '<script>alert(1)</script>.pdf',
      "'; DROP TABLE documents; --.pdf",
      'CON',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '',
    ];
    const pdf = tinyPdf('Bukti');
    const CONTENTS: Record<string, { bytes: Buffer; ok: boolean }> = {
      pdf: { bytes: pdf, ok: true },
      png: { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), ok: true },
      html: { bytes: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), ok: false },
      svg: { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), ok: false },
      exe: { bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), ok: false },
      zip: { bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), ok: false },
      empty: { bytes: Buffer.alloc(0), ok: false },
      oversized: { bytes: Buffer.concat([pdf, Buffer.alloc(UPLOAD_LIMIT + 1024, 0x20)]), ok: false },
    };
    const LABELS = [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'text/html',
      'image/svg+xml',
      'application/x-msdownload',
      'application/octet-stream',
    ];
    const route = 'POST /api/innovations/{id}/documents';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES),
        fc.constantFrom(...Object.keys(CONTENTS)),
        fc.constantFrom(...LABELS),
        async (name, content, label) => {
          const c = CONTENTS[content];
          const res = await check(route, `${content} as ${label} named ${JSON.stringify(name.slice(0, 40))}`, !c.ok, () =>
            request(route, TARGETS[route], w.token.opdA).attach('file', c.bytes, { filename: name, contentType: label }),
          );
          if (res.status === 201) {
            // The content decides the type; the name is a display name only: no path, no control characters.
            expect(res.body.mediaType).toBe(content === 'pdf' ? 'application/pdf' : 'image/png');
            expect(res.body.fileName).not.toMatch(/[/\\\u0000-\u001f"<>|:*?]|^\./);
            expect(res.body.fileName.length).toBeLessThanOrEqual(160);
          } else expect([400, 413, 415]).toContain(res.status);
          if (content === 'oversized') expect(res.status).toBe(413);
        },
      ),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
    // Fixed cases: no file field, two files, a wrong field name, a multipart body without a boundary.
    const cases: [string, () => import('supertest').Test][] = [
      ['no file', () => request(route, TARGETS[route], w.token.opdA).field('note', 'x')],
      ['two files', () => request(route, TARGETS[route], w.token.opdA).attach('file', pdf, 'a.pdf').attach('file', pdf, 'b.pdf')],
      ['wrong field name', () => request(route, TARGETS[route], w.token.opdA).attach('berkas', pdf, 'a.pdf')],
      [
        'no boundary',
        () =>
          request(route, TARGETS[route], w.token.opdA)
            .set('content-type', 'multipart/form-data')
            .send('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n%PDF-1.4\r\n--x--'),
      ],
      [
        'truncated form',
        () =>
          request(route, TARGETS[route], w.token.opdA)
            .set('content-type', 'multipart/form-data; boundary=x')
            .send(
              '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 then nothing',
            ),
      ],
      [
        'broken part header',
        () =>
          request(route, TARGETS[route], w.token.opdA)
            .set('content-type', 'multipart/form-data; boundary=x')
            .send('--x\r\nContent-Disposition form-data name=file\r\n\r\n%PDF-1.4\r\n--x--\r\n'),
      ],
      ['JSON instead of a file', () => request(route, TARGETS[route], w.token.opdA).send({ file: pdf.toString('base64') })],
    ];
    // Two files, or a file under another field name than the documented "file": refused whole (400).
    for (const [label, send] of cases) await check(route, label, true, send);
    // The field visit's photos go through the same checks (its innovation has no visit: 409 before the file is read).
    const photos = 'POST /api/innovations/{id}/field-visit/photos';
    for (const [content, c] of Object.entries(CONTENTS))
      await check(photos, content, true, () =>
        request(photos, TARGETS[photos], w.token.organizer).attach('file', c.bytes, {
          filename: '../../foto.jpg',
          contentType: 'image/jpeg',
        }),
      );
    // Nothing escaped the storage folder; nothing half-written stays behind; every stored file has its row.
    expect(existsSync(`/tmp/${marker}.pdf`)).toBe(false);
    const files = (dir: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]))
        : [];
    // A refused upload's staged file is removed as its request ends; allow the file system a moment to settle.
    for (let waited = 0; files(path.join(storage, 'tmp')).length && waited < 5_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(files(path.join(storage, 'tmp'))).toEqual([]);
    const keys = (await t.db.query(`SELECT storage_key FROM documents UNION ALL SELECT storage_key FROM index_documents`)).rows
      .map((r: { storage_key: string }) => path.join(storage, 'files', r.storage_key))
      .sort();
    expect(files(path.join(storage, 'files')).sort()).toEqual(keys);
  });

  it('CSV imports: hostile cells and files are imported as data or refused whole, never half', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        ...SQL,
        ...SCRIPT,
        '=HYPERLINK("http://evil","x")',
        '+cmd|calc',
        '@SUM(1)',
        '"unbalanced',
        'a,"b',
        '\r\n',
        '\uFEFF',
        HUGE,
      ),
    );
    for (const route of ['POST /api/imports/organizations', 'POST /api/imports/users']) {
      const header = route.endsWith('organizations')
        ? 'name,region,kind,code,email'
        : 'email,name,role,organization,region,affiliations,password,locale';
      const width = header.split(',').length;
      const file = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 4 })
            .map((rows) => [header, ...rows.map((r) => r.join(','))].join('\n')),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '',
            '\u0000\u0001\u0002',
            header,
            'x,y\n1,2',
            `${header}\n${'a,'.repeat(10_000)}`,
            Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('latin1'),
          ),
        },
      );
      await fc.assert(
        fc.asyncProperty(file, async (csv) => {
          const table = route.endsWith('organizations') ? 'organizations' : 'users';
          const before = Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
          const res = await check(route, `csv ${JSON.stringify(csv.slice(0, 60))}`, false, () =>
            t.http().post(route.split(' ')[1]).set(bearer(w.token.admin!)).set('content-type', 'text/csv').send(csv),
          );
          const after = Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
          // All or nothing: exactly the reported rows were written.
          expect(after - before).toBe(res.status === 201 ? res.body.created : 0);
        }),
        { seed: SEED, numRuns: 20, endOnFailure: true },
      );
      // A CSV under the wrong content type is refused, not parsed; so are broken multipart bodies.
      const url = route.split(' ')[1];
      await check(route, 'CSV sent as JSON', true, () =>
        t.http().post(url).set(bearer(w.token.admin!)).set('content-type', 'application/json').send(`${header}\nx,y`),
      );
      await check(route, 'multipart without boundary', true, () =>
        t
          .http()
          .post(url)
          .set(bearer(w.token.admin!))
          .set('content-type', 'multipart/form-data')
          .send(`--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${header}\r\n--x--`),
      );
      await check(route, 'truncated multipart', true, () =>
        t
          .http()
          .post(url)
          .set(bearer(w.token.admin!))
          .set('content-type', 'multipart/form-data; boundary=x')
          .send(`--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${header}\nDinas,32.75`),
      );
      await check(route, 'multipart without a file', true, () => t.http().post(url).set(bearer(w.token.admin!)).field('note', 'x'));
    }
  });

  it('found no 5xx anywhere', () => {
    expect(counters.fiveHundreds).toEqual([]);
    expect(counters.tried).toBeGreaterThan(400);
  });
});
