import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, login, tinyPdf } from '../support/factories';
import { buildWorld, defaultParams, EMAIL_OF, WHO, type SignedIn, type Who, type World } from './support/world';
import { buildIndexWorld, type IndexWorld } from './support/index-world';
import { buildAwardWorld, type AwardWorld } from './support/award-world';
import { MINI_FRAMEWORK } from '../support/index-framework';
import { OperationsService } from '@app/operations';

/**
 * Issue #10, part 1: every operation of the OpenAPI document, called as each kind of caller, against real
 * resources (see support/world.ts). What proves what:
 * - "ok": the guards let the call through to the handler. Any status other than 401, 403 and 404 proves it
 *   (a 400 or 409 is the handler refusing the body or the state, not the caller); a 5xx fails the test.
 * - 401 / 403 / 404: exactly that status. 404 is the answer for another organization's or another
 *   competition's resource (DESIGN §6): its existence does not leak.
 * A leak is a 2xx where the table says the caller is refused, or a 2xx body, on a signed-in route, that holds
 * another organization's data (the id or title of an innovation the caller may not see, the id of an
 * organization outside its scope) or, for the other competition's organizer, anything of competitions it
 * does not run.
 */
type Outcome = 'ok' | '401' | '403' | '404';

// prettier-ignore
const COLUMNS: readonly Who[] = WHO; // anon opdA opdB jurorAssigned jurorOther organizerOther organizer admin coordinator

/**
 * THE TABLE: expected outcome per route and caller. Columns, in order:
 *   anon · opd A · opd B · juror assigned (J) · juror not assigned (K) · organizer of another competition ·
 *   organizer · admin · coordinator (Kota Bekasi: orgs A and B are in its region, X is not)
 * Path parameters: competition = "matriks", innovation = A (org A), document = A's PDF, assignment = J's
 * desk-review sheet (submitted, stage closed), organization = org A, notification = one of opd A's,
 * outbox message = a dead one of "matriks", objection = org A's on the published edition, key = desk_review
 * (closed); public routes take the published edition. Exceptions are in REQUESTS below.
 * A route of the OpenAPI document that is missing here fails the test ("new route without a rule").
 */
// prettier-ignore
const TABLE: Record<string, string> = {
  //                                                              anon opdA opdB jurA jurK orgX org  adm  coord
  'GET /health':                                                 'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/regions':                                            '401  403  403  403  403  ok   ok   ok   403',
  'POST /api/regions':                                           '401  403  403  403  403  ok   ok   ok   403',
  'GET /api/organizations':                                      '401  ok   ok   403  403  ok   ok   ok   ok',
  'POST /api/organizations':                                     '401  403  403  403  403  ok   ok   ok   403',
  'GET /api/organizations/{id}':                                 '401  ok   404  403  403  ok   ok   ok   ok',
  'POST /api/imports/organizations':                             '401  403  403  403  403  ok   ok   ok   403',
  'PUT /api/regions/{id}/tags':                                  '401  403  403  403  403  403  403  ok   403',
  'POST /api/imports/national-areas':                            '401  403  403  403  403  403  403  ok   403',
  'POST /api/imports/region-tags':                               '401  403  403  403  403  403  403  ok   403',
  'POST /api/auth/login':                                        'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/auth/refresh':                                      'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/me':                                                 '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/users':                                              '401  403  403  403  403  ok   ok   ok   403',
  'POST /api/users':                                             '401  403  403  403  403  ok   ok   ok   403',
  'POST /api/imports/users':                                     '401  403  403  403  403  403  403  ok   403',
  'POST /api/auth/invitations/accept':                           'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/auth/password-reset':                               'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/auth/password-reset/confirm':                       'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/competitions':                                       '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/competitions':                                      '401  403  403  403  403  ok   ok   ok   403',
  'GET /api/competitions/template':                              '401  403  403  403  403  ok   ok   ok   403',
  'GET /api/competitions/{id}':                                  '401  ok   ok   ok   ok   404  ok   ok   ok',
  'PATCH /api/competitions/{id}':                                '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/open':                            '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/archive':                         '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/organizers':                      '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/audit':                            '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/innovations':                      '401  ok   ok   403  403  404  ok   ok   ok',
  'POST /api/competitions/{id}/innovations':                     '401  ok   ok   403  403  403  403  403  403',
  'GET /api/innovations/{id}':                                   '401  ok   404  ok   404  404  ok   ok   ok',
  'PATCH /api/innovations/{id}':                                 '401  ok   404  403  403  403  403  403  403',
  'POST /api/innovations/{id}/submit':                           '401  ok   404  403  403  403  403  403  403',
  'POST /api/innovations/{id}/withdraw':                         '401  ok   404  403  403  403  403  403  403',
  'POST /api/innovations/{id}/disqualify':                       '401  403  403  403  403  404  ok   ok   403',
  // Organizers step in only for a region without a coordinator; Kota Bekasi has one (403 SUBMISSION_COORDINATOR_PRESENT).
  'POST /api/innovations/{id}/return':                           '401  403  403  403  403  404  403  403  ok',
  'POST /api/innovations/{id}/forward':                          '401  403  403  403  403  404  403  403  ok',
  'GET /api/innovations/{id}/history':                           '401  ok   404  ok   404  404  ok   ok   ok',
  'GET /api/me/innovations':                                     '401  ok   ok   403  403  403  403  403  403',
  'GET /api/me/waiting':                                         '401  ok   ok   403  403  403  403  403  ok',
  'POST /api/innovations/{id}/documents':                        '401  ok   404  403  403  403  403  403  403',
  'GET /api/innovations/{id}/documents':                         '401  ok   404  ok   404  404  ok   ok   ok',
  'GET /api/documents/{id}':                                     '401  ok   404  ok   404  404  ok   ok   ok',
  'GET /api/notifications':                                      '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/notifications/read-all':                            '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/notifications/{id}/read':                           '401  ok   404  404  404  404  404  404  404',
  'GET /api/me/notification-preferences':                        '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'PUT /api/me/notification-preferences':                        '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/admin/outbox':                                       '401  403  403  403  403  ok   ok   ok   403',
  'POST /api/admin/outbox/{id}/replay':                          '401  403  403  403  403  404  ok   ok   403',
  'GET /api/admin/queues':                                       '401  403  403  403  403  403  403  ok   403',
  'POST /api/competitions/{id}/stages/{key}/open':               '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/stages/{key}/close':              '401  403  403  403  403  404  ok   ok   403',
  'POST /api/innovations/{id}/screening':                        '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/screening':                       '401  403  403  403  403  404  ok   ok   403',
  'GET /api/innovations/{id}/stages':                            '401  ok   404  ok   404  404  ok   ok   ok',
  'POST /api/innovations/{id}/presentation':                     '401  403  403  403  403  404  ok   ok   403',
  'GET /api/innovations/{id}/presentation':                      '401  ok   404  ok   404  404  ok   ok   ok',
  'GET /api/competitions/{id}/presentations':                    '401  403  403  403  403  404  ok   ok   403',
  'POST /api/innovations/{id}/field-visit':                      '401  403  403  403  404  404  ok   ok   403',
  'GET /api/innovations/{id}/field-visit':                       '401  ok   404  ok   404  404  ok   ok   ok',
  'POST /api/innovations/{id}/field-visit/photos':               '401  403  403  403  404  404  ok   ok   403',
  'POST /api/competitions/{id}/stages/{key}/assignments':        '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/stages/{key}/assignments/manual': '401  403  403  403  403  404  ok   ok   403',
  'GET /api/assignments/mine':                                   '401  403  403  ok   ok   403  403  403  403',
  'GET /api/assignments/{id}/sheet':                             '401  403  403  ok   404  404  ok   ok   403',
  'PUT /api/assignments/{id}/sheet':                             '401  403  403  ok   404  403  403  403  403',
  'POST /api/assignments/{id}/sheet/submit':                     '401  403  403  ok   404  403  403  403  403',
  'POST /api/assignments/{id}/sheet/reopen':                     '401  403  403  403  403  404  ok   ok   403',
  'GET /api/assignments/{id}/sheet/versions':                    '401  403  403  ok   404  404  ok   ok   403',
  'POST /api/innovations/{id}/conflicts':                        '401  403  403  ok   404  403  403  403  403',
  'GET /api/competitions/{id}/stages/{key}/progress':            '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/stages/{key}/calibration':         '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/rankings/preview':                 '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/rankings/announce':               '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/rankings/publish':                '401  403  403  403  403  404  ok   ok   403',
  'POST /api/competitions/{id}/rankings/exports':                '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/objections':                       '401  403  403  403  403  404  ok   ok   403',
  'POST /api/objections/{id}/answer':                            '401  403  403  403  403  404  ok   ok   403',
  'POST /api/objections/{id}/reopen':                            '401  403  403  403  403  404  ok   ok   403',
  'POST /api/objections/{id}/settle':                            '401  403  403  403  403  404  ok   ok   403',
  // Its OPD, or its region's coordinator (issue 17: a region award's entry has no OPD account).
  'POST /api/innovations/{id}/objections':                       '401  ok   404  403  403  403  403  403  ok',
  'GET /api/innovations/{id}/objections':                        '401  ok   404  404  404  404  ok   ok   ok',
  'GET /api/innovations/{id}/score':                             '401  ok   404  404  404  404  ok   ok   ok',
  'GET /api/innovations/{id}/screening':                         '401  403  403  403  403  404  ok   ok   403',
  'GET /api/public/competitions':                                'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/competitions/{slug}/rankings':                'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/competitions/{slug}/rankings/unranked':       'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/competitions/{slug}/rankings.csv':            'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/competitions/{slug}/rankings.xlsx':           'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/rankings/{snapshotId}':                       'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/rankings/{snapshotId}/certificates/{innovationId}': 'ok ok ok ok ok ok ok ok ok',
  'GET /api/public/innovations':                                 'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/innovations/{id}':                            'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/survey-units':                                       '401  ok   ok   403  403  ok   ok   ok   ok',
  'POST /api/survey-units':                                      '401  ok   404  403  403  403  403  ok   ok',
  'GET /api/survey-units/{id}':                                  '401  ok   404  403  403  ok   ok   ok   ok',
  'POST /api/survey-units/{id}/periods':                         '401  ok   404  403  403  403  403  ok   ok',
  'GET /api/survey-periods/{id}':                                '401  ok   404  403  403  ok   ok   ok   ok',
  'POST /api/survey-periods/{id}/imports':                       '401  ok   404  403  403  403  403  ok   ok',
  'POST /api/survey-periods/{id}/exclusions':                    '401  ok   404  403  403  403  403  ok   ok',
  'POST /api/innovations/{id}/survey-evidence':                  '401  ok   404  403  403  403  403  403  403',
  'GET /api/innovations/{id}/survey-evidence':                   '401  ok   404  ok   404  404  ok   ok   ok',
  'GET /api/public/surveys/{code}':                              'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/public/surveys/{code}/responses':                   'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/surveys/{code}/ikm':                          'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/survey-units/{id}':                           'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/innovations/{id}/survey-evidence':            'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/competitions/{id}/favourite-polls':                 '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/favourite-polls':                  '401  403  403  403  403  404  ok   ok   403',
  'GET /api/public/favourite-polls/{id}':                        'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/public/favourite-polls/{id}/votes':                 'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/public/favourite-votes/verify':                     'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/index-editions':                                     '401  403  403  403  403  ok   ok   ok   403',
  'GET /api/index-editions':                                      '401  ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/index-editions/{id}':                                 '401  ok   ok   ok   ok   404  ok   ok   ok',
  'PUT /api/index-editions/{id}/framework':                       '401  403  403  403  403  404  ok   ok   403',
  'PUT /api/index-editions/{id}/windows':                         '401  403  403  403  403  404  ok   ok   403',
  'POST /api/index-editions/{id}/status':                         '401  403  403  403  403  404  ok   ok   403',
  'GET /api/index-editions/{id}/regions/{regionId}':              '401  ok   ok   ok   404  404  ok   ok   ok',
  'PUT /api/index-editions/{id}/regions/{regionId}/answers':      '401  ok   404  403  403  403  403  403  ok',
  'POST /api/index-editions/{id}/regions/{regionId}/submit':      '401  403  403  403  403  403  403  403  ok',
  'PUT /api/index-editions/{id}/regions/{regionId}/survey-answers': '401 ok  404  403  403  403  403  403  ok',
  'GET /api/index-editions/{id}/regions/{regionId}/survey-answers': '401 ok  ok   ok   404  404  ok   ok   ok',
  'POST /api/index-editions/{id}/answers/{answerId}/documents/{kind}': '401 403 403 403 403 403 403 403 ok',
  'GET /api/index-editions/{id}/documents/{documentId}':          '401  404  404  ok   404  404  ok   ok   ok',
  'POST /api/index-editions/{id}/innovations':                    '401  ok   ok   403  403  403  403  403  403',
  'GET /api/index-editions/{id}/innovations':                     '401  ok   ok   ok   ok   404  ok   ok   ok',
  'POST /api/index-editions/{id}/validators':                     '401  403  403  403  403  404  ok   ok   403',
  'GET /api/index-editions/{id}/validations':                     '401  403  403  ok   ok   404  ok   ok   403',
  'PUT /api/index-editions/{id}/answers/{answerId}/verification': '401  403  403  ok   404  403  403  403  403',
  'PUT /api/index-editions/{id}/innovations/{innovationId}/eligibility': '401 403 403 ok 404 403 403 403 403',
  'GET /api/index-editions/{id}/preview':                         '401  403  403  403  403  404  ok   ok   403',
  'POST /api/index-editions/{id}/publish':                        '401  403  403  403  403  404  ok   ok   403',
  'POST /api/index-editions/{id}/rankings/exports':               '401  403  403  403  403  404  ok   ok   403',
  'GET /api/public/index-editions':                               'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/index-editions/{slug}/rankings':               'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/index-editions/{slug}/regions/{regionId}':     'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/index-editions/{slug}/rankings.csv':           'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/index-editions/{slug}/rankings.xlsx':          'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/index-rankings/{snapshotId}':                  'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  // The organizer's operation on "matriks": its owner, admins and the competition's organizers (404 for the others).
  'GET /api/operations/{id}':                                    '401  404  404  404  404  404  ok   ok   404',
  // The organizer's export on "matriks" and its file: the same callers.
  'GET /api/operations/{id}/file':                               '401  404  404  404  404  404  ok   ok   404',
  // Region awards (support/award-world.ts): the entry belongs to Pemerintah Kota Bekasi (neither org A nor B), its coordinator prepares it.
  'POST /api/competitions/{id}/award-nominees':                   '401  403  403  403  403  404  ok   ok   403',
  'GET /api/competitions/{id}/award-entries':                     '401  403  403  403  403  404  ok   ok   ok',
  'GET /api/award-entries/{id}':                                  '401  404  404  404  404  404  ok   ok   ok',
  'PATCH /api/award-entries/{id}':                                '401  403  403  403  403  404  ok   ok   ok',
  'GET /api/public/awards/{slug}':                                'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/public/awards/{slug}/regions/{regionId}':             'ok   ok   ok   ok   ok   ok   ok   ok   ok',
  // Last: these end sessions or remove things.
  'DELETE /api/documents/{id}':                                  '401  ok   404  403  403  403  403  403  403',
  'DELETE /api/assignments/{id}':                                '401  403  403  403  403  404  ok   ok   403',
  'POST /api/auth/logout':                                       '401  ok   ok   ok   ok   ok   ok   ok   ok',
};

interface Ctx {
  t: TestApp;
  w: World;
  n: number;
  regionKotaBekasi: string;
}
interface RequestSpec {
  /** Path parameters that differ from the defaults. */
  params?: (w: World, who: Who) => Record<string, string>;
  body?: (c: Ctx, who: Who) => object;
  csv?: (c: Ctx) => string;
  file?: { bytes: Buffer; filename: string; contentType: string };
  /** Spend a fresh session of the caller (logout, refresh) instead of the shared token. */
  fresh?: boolean;
}

const unique = (c: Ctx, prefix: string) => `${prefix}-${c.n}`;

/** Minimal valid bodies, so that a refusal comes from the guards and the ownership checks, not validation. */
const REQUESTS: Record<string, RequestSpec> = {
  'POST /api/regions': { body: (c) => ({ name: `Provinsi Uji ${c.n}`, kind: 'provinsi' }) },
  'POST /api/organizations': { body: (c) => ({ name: `Dinas Uji ${c.n}`, regionId: c.regionKotaBekasi }) },
  'PUT /api/regions/{id}/tags': { body: () => ({ tags: ['perbatasan'] }) },
  'POST /api/imports/region-tags': { csv: () => 'code,tags\n32.75,perbatasan\n' },
  'POST /api/imports/organizations': { csv: (c) => `name,region,kind,code,email\nDinas Impor ${c.n},32.75,opd,IMP-${c.n},\n` },
  'POST /api/auth/login': {
    body: (c, who) => ({
      email: EMAIL_OF[who === 'anon' ? 'opdA' : who](c.w)[0],
      password: EMAIL_OF[who === 'anon' ? 'opdA' : who](c.w)[1] ?? 'demo-pass-2024',
    }),
  },
  'POST /api/auth/refresh': { fresh: true },
  'POST /api/auth/logout': { fresh: true, body: () => ({}) },
  'POST /api/users': { body: (c) => ({ email: `${unique(c, 'juri.matriks')}@demo.local`, name: 'Juri Matriks', role: 'juror' }) },
  'POST /api/auth/invitations/accept': { body: () => ({ token: 'tautan-palsu', password: 'sandi-matriks-2025' }) },
  'POST /api/auth/password-reset': { body: () => ({ email: 'tidak.ada@demo.local' }) },
  'POST /api/auth/password-reset/confirm': { body: () => ({ token: 'tautan-palsu', password: 'sandi-matriks-2025' }) },
  'POST /api/imports/users': {
    csv: (c) =>
      `email,name,role,organization,region,affiliations,password,locale\n${unique(c, 'impor')}@demo.local,Juri Impor,juror,,,,,id\n`,
  },
  'POST /api/competitions': { body: (c) => ({ name: `Kompetisi Uji ${c.n}`, slug: unique(c, 'uji'), year: 2027, template: 'iga-kipp' }) },
  'PATCH /api/competitions/{id}': { body: () => ({ description: 'Edisi uji matriks otorisasi' }) },
  'POST /api/competitions/{id}/innovations': { body: () => ({ title: 'Inovasi Baru Matriks' }) },
  'PATCH /api/innovations/{id}': { body: () => ({ summary: 'Ringkasan baru' }) },
  'POST /api/innovations/{id}/withdraw': { params: (w) => ({ id: w.ids.innovationA2 }), body: () => ({}) },
  'POST /api/innovations/{id}/disqualify': { params: (w) => ({ id: w.ids.innovationA2 }), body: () => ({ reason: 'Data dukung palsu' }) },
  'POST /api/innovations/{id}/return': { body: () => ({ comment: 'Lengkapi SK penetapan' }) },
  'POST /api/innovations/{id}/documents': {
    file: { bytes: tinyPdf('Bukti tambahan'), filename: 'bukti.pdf', contentType: 'application/pdf' },
  },
  'PUT /api/me/notification-preferences': { body: () => ({ digest: 'immediate' }) },
  'POST /api/innovations/{id}/screening': { body: () => ({ decision: 'pass' }) },
  'POST /api/competitions/{id}/screening': { body: (c) => ({ decisions: [{ innovationId: c.w.ids.innovationA, decision: 'pass' }] }) },
  'POST /api/innovations/{id}/presentation': {
    body: (c) => ({
      startsAt: '2027-09-10T09:00:00+07:00',
      endsAt: '2027-09-10T09:20:00+07:00',
      location: 'Ruang Rapat Utama',
      panel: [c.w.ids.presentationJuror],
    }),
  },
  'POST /api/innovations/{id}/field-visit': { body: () => ({ findings: 'Layanan berjalan sesuai laporan' }) },
  'POST /api/innovations/{id}/field-visit/photos': {
    file: { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]), filename: 'foto.jpg', contentType: 'image/jpeg' },
  },
  'POST /api/competitions/{id}/stages/{key}/assignments/manual': {
    body: (c) => ({ innovationId: c.w.ids.innovationA, jurorId: c.w.userId.jurorOther }),
  },
  'DELETE /api/assignments/{id}': { body: () => ({ reason: 'Konflik kepentingan' }) },
  'PUT /api/assignments/{id}/sheet': { body: () => ({ scores: { kebaruan: 80 } }) },
  'POST /api/assignments/{id}/sheet/reopen': { body: () => ({ reason: 'Nilai perlu ditinjau' }) },
  'POST /api/innovations/{id}/conflicts': { body: () => ({ reason: 'Kerabat pimpinan OPD' }) },
  'POST /api/objections/{id}/answer': { body: () => ({ answer: 'Sudah dipertimbangkan', decision: 'rejected' }) },
  'POST /api/objections/{id}/reopen': { body: () => ({ stage: 'field_verification', reason: 'Sanggahan dikabulkan' }) },
  'POST /api/objections/{id}/settle': { body: () => ({ stage: 'field_verification' }) },
  'POST /api/competitions/{id}/organizers': { body: (c) => ({ userId: c.w.userId.admin }) }, // not an organizer account: 400 from the handler (adding organizerOther would change what it may see)
  'POST /api/innovations/{id}/objections': { body: () => ({ reason: 'Nilai tidak sesuai' }) },
  'GET /api/innovations/{id}/score': { params: (w) => ({ id: w.ids.publishedA }) },
  'POST /api/survey-units': { body: (c) => ({ name: unique(c, 'Loket Uji'), organizationId: c.w.ids.orgA }) },
  'POST /api/survey-units/{id}/periods': {
    body: () => ({ label: 'SKM uji', opensAt: '2027-01-01T00:00:00+07:00', closesAt: '2027-07-01T00:00:00+07:00' }),
  },
  'POST /api/survey-periods/{id}/imports': { csv: () => 'u1,u2,u3,u4,u5,u6,u7,u8,u9\n3,3,3,3,3,3,3,3,3\n' },
  'POST /api/survey-periods/{id}/exclusions': {
    body: () => ({ responseIds: ['00000000-0000-4000-8000-000000000000'], reason: 'Uji matriks' }),
  },
  'GET /api/public/survey-units/{id}': { params: (w) => ({ id: w.ids.surveyUnit }) },
  'POST /api/innovations/{id}/survey-evidence': {
    body: (c) => ({ unitId: c.w.ids.surveyUnit, beforePeriodId: c.w.ids.surveyPeriod, afterPeriodId: c.w.ids.surveyPeriod }),
  },
  'POST /api/competitions/{id}/favourite-polls': {
    body: (c) => ({
      category: 'kota',
      opensAt: '2027-08-01T00:00:00+07:00',
      closesAt: '2027-08-10T00:00:00+07:00',
      innovationIds: [c.w.ids.innovationA, c.w.ids.innovationB],
    }),
  },
  'GET /api/public/favourite-polls/{id}': { params: (w) => ({ id: w.ids.poll }) },
  'POST /api/public/favourite-polls/{id}/votes': {
    params: (w) => ({ id: w.ids.poll }),
    body: (c) => ({ innovationId: c.w.ids.innovationB, email: `${unique(c, 'warga')}@gmail.com` }),
  },
  'POST /api/public/favourite-votes/verify': { body: (c) => ({ token: c.w.ids.voteToken }) },
  'POST /api/public/surveys/{code}/responses': {
    body: () => ({ answers: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 } }),
  },
  'POST /api/index-editions': { body: (c) => ({ name: `Indeks Uji ${c.n}`, slug: unique(c, 'indeks-uji'), year: 2027 }) },
  'GET /api/index-editions/{id}': { params: () => indexParams() },
  // The edition is in verification: a refused body or state (400/409) proves the guards let the call through.
  'PUT /api/index-editions/{id}/framework': { params: () => indexParams(), body: () => ({ framework: MINI_FRAMEWORK }) },
  'PUT /api/index-editions/{id}/windows': {
    params: () => indexParams(),
    body: () => ({ verificationClosesAt: '2031-01-01T00:00:00Z', reason: 'Uji otorisasi' }),
  },
  'POST /api/index-editions/{id}/status': { params: () => indexParams(), body: () => ({ to: 'self_assessment' }) },
  'GET /api/index-editions/{id}/regions/{regionId}': { params: () => indexParams() },
  'PUT /api/index-editions/{id}/regions/{regionId}/answers': {
    params: () => indexParams(),
    body: (_c, who) =>
      who.startsWith('opd')
        ? { indicator: 'tahapan', innovationId: iw.innovation, option: 'inisiatif' }
        : { indicator: 'anggaran', option: 'tidak_ada' },
  },
  'POST /api/index-editions/{id}/regions/{regionId}/submit': { params: () => indexParams() },
  'PUT /api/index-editions/{id}/regions/{regionId}/survey-answers': {
    params: () => indexParams(),
    body: (c) => ({ indicator: 'survei_kepuasan', innovationId: iw.innovation, periodId: c.w.ids.surveyPeriod }),
  },
  'GET /api/index-editions/{id}/regions/{regionId}/survey-answers': { params: () => indexParams() },
  'POST /api/index-editions/{id}/answers/{answerId}/documents/{kind}': {
    params: () => ({ ...indexParams(), kind: 'regulation' }),
    file: { bytes: tinyPdf('Perda'), filename: 'perda.pdf', contentType: 'application/pdf' },
  },
  'GET /api/index-editions/{id}/documents/{documentId}': { params: () => indexParams() },
  'POST /api/index-editions/{id}/innovations': { params: () => indexParams(), body: () => ({ title: 'Inovasi Indeks Baru' }) },
  'GET /api/index-editions/{id}/innovations': { params: () => indexParams() },
  'POST /api/index-editions/{id}/validators': { params: () => indexParams(), body: () => ({ perRegion: 1 }) },
  'GET /api/index-editions/{id}/validations': { params: () => indexParams() },
  'PUT /api/index-editions/{id}/answers/{answerId}/verification': { params: () => indexParams(), body: () => ({ option: 'perda' }) },
  'PUT /api/index-editions/{id}/innovations/{innovationId}/eligibility': { params: () => indexParams(), body: () => ({ eligible: true }) },
  'GET /api/index-editions/{id}/preview': { params: () => indexParams() },
  'POST /api/index-editions/{id}/publish': { params: () => indexParams(), body: () => ({ reason: 'Koreksi matriks' }) },
  'POST /api/index-editions/{id}/rankings/exports': { params: () => indexParams(), body: () => ({ format: 'csv' }) },
  'POST /api/competitions/{id}/rankings/exports': { params: (w) => ({ id: w.ids.published }), body: () => ({ format: 'csv' }) },
  'GET /api/public/index-editions/{slug}/rankings': { params: () => indexParams() },
  'GET /api/public/index-editions/{slug}/rankings.csv': { params: () => indexParams() },
  'GET /api/public/index-editions/{slug}/rankings.xlsx': { params: () => indexParams() },
  'GET /api/public/index-editions/{slug}/regions/{regionId}': { params: () => indexParams() },
  'POST /api/competitions/{id}/award-nominees': { params: () => awardParams() },
  'GET /api/competitions/{id}/award-entries': { params: () => awardParams() },
  'GET /api/award-entries/{id}': { params: () => entryParams() },
  'PATCH /api/award-entries/{id}': { params: () => entryParams(), body: () => ({ presenterName: 'Tri Adhianto' }) },
  'GET /api/public/awards/{slug}': { params: () => awardParams() },
  'GET /api/public/awards/{slug}/regions/{regionId}': { params: () => awardParams() },
  'GET /api/public/index-rankings/{snapshotId}': { params: () => indexParams() },
  'GET /api/operations/{id}': { params: () => ({ id: operationId }) },
  'GET /api/operations/{id}/file': { params: () => ({ id: exportId }) },
};

/** An operation the organizer of "matriks" ran on it (built in beforeAll). */
let operationId: string;
/** An export the organizer of "matriks" ran on it, with its file (built in beforeAll). */
let exportId: string;

/** The index edition of the world (support/index-world.ts), built in beforeAll. */
let iw: IndexWorld;
const indexParams = () => ({
  id: iw.edition,
  regionId: iw.region,
  answerId: iw.answer,
  innovationId: iw.innovation,
  slug: iw.slug,
  snapshotId: iw.snapshot,
  documentId: iw.document,
});
/** The region award of the world (support/award-world.ts), built in beforeAll. */
let aw: AwardWorld;
const awardParams = () => ({ id: aw.competition, slug: aw.slug, regionId: aw.region });
const entryParams = () => ({ id: aw.entry });

describe('authorization matrix: every OpenAPI operation × every kind of caller (e2e)', () => {
  let t: TestApp;
  let w: World;
  let ctx: Ctx;
  let operations: { route: string; secured: boolean }[];
  /** Per caller, strings that must never appear in a 2xx body of a signed-in route. */
  let foreign: Record<SignedIn, Map<string, string>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    iw = await buildIndexWorld(t, w);
    operationId = (
      await t.app.get(OperationsService).start({ kind: 'judging.assign', ownerId: w.userId.organizer, competitionId: w.ids.competition })
    ).id;
    const exported = await t.app
      .get(OperationsService)
      .start({ kind: 'results.export', ownerId: w.userId.organizer, competitionId: w.ids.competition });
    await t.app
      .get(OperationsService)
      .attachFile(exported.id, { fileName: 'matriks.csv', mediaType: 'text/csv; charset=utf-8', body: Buffer.from('a\r\n') });
    await exported.succeed('matriks.csv');
    exportId = exported.id;
    const region = await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`);
    ctx = { t, w, n: 0, regionKotaBekasi: region.rows[0].id };
    const doc = await t.http().get('/docs-json');
    operations = Object.entries<Record<string, { security?: unknown[] }>>(doc.body.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, secured: !!op.security?.length })),
    );

    // What each caller may not see, from the database.
    const innovations: { id: string; title: string; organization_id: string; region_id: string; competition_id: string }[] = (
      await t.db.query(`SELECT id, title, organization_id, region_id, competition_id FROM innovations`)
    ).rows;
    const orgs: { id: string; region_id: string }[] = (await t.db.query(`SELECT id, region_id FROM organizations`)).rows;
    const readerOf = async (userId: string) =>
      new Set<string>(
        (
          await t.db.query(
            `SELECT innovation_id FROM assignments WHERE juror_id = $1 AND removed_at IS NULL
             UNION SELECT innovation_id FROM presentation_slots WHERE $1 = ANY(panel)
             UNION SELECT innovation_id FROM field_visits WHERE $1 = ANY(verifiers)`,
            [userId],
          )
        ).rows.map((r: { innovation_id: string }) => r.innovation_id),
      );
    const markers = (hidden: { id: string; title?: string }[], label: string) =>
      new Map(
        hidden.flatMap((x) => [
          [x.id, `${label} ${x.id}`] as [string, string],
          ...(x.title ? [[x.title, `${label} "${x.title}"`] as [string, string]] : []),
        ]),
      );
    const notInnovationsOf = (keep: (i: (typeof innovations)[number]) => boolean) => innovations.filter((i) => !keep(i));
    const kotaBekasi = ctx.regionKotaBekasi;
    const jA = await readerOf(w.userId.jurorAssigned);
    const jK = await readerOf(w.userId.jurorOther);
    foreign = {
      opdA: new Map([
        ...markers(
          notInnovationsOf((i) => i.organization_id === w.ids.orgA),
          'innovation',
        ),
        ...markers(
          orgs.filter((o) => o.id !== w.ids.orgA),
          'organization',
        ),
      ]),
      opdB: new Map([
        ...markers(
          notInnovationsOf((i) => i.organization_id === w.ids.orgB),
          'innovation',
        ),
        ...markers(
          orgs.filter((o) => o.id !== w.ids.orgB),
          'organization',
        ),
      ]),
      coordinator: new Map([
        ...markers(
          notInnovationsOf((i) => i.region_id === kotaBekasi),
          'innovation',
        ),
        ...markers(
          orgs.filter((o) => o.region_id !== kotaBekasi),
          'organization',
        ),
      ]),
      jurorAssigned: markers(
        notInnovationsOf((i) => jA.has(i.id)),
        'innovation',
      ),
      jurorOther: markers(
        notInnovationsOf((i) => jK.has(i.id)),
        'innovation',
      ),
      organizerOther: new Map([
        ...markers(
          notInnovationsOf((i) => i.competition_id === w.ids.otherCompetition),
          'innovation',
        ),
        ...markers(
          [w.ids.competition, w.ids.published, w.ids.openCompetition].map((id) => ({ id })),
          'competition',
        ),
      ]),
      organizer: new Map(),
      admin: new Map(),
    };
    // Built after the markers above: the entry's title is its region's name, which the directory shows everyone.
    aw = await buildAwardWorld(t, w, iw);
    for (const who of ['opdA', 'opdB', 'jurorAssigned', 'jurorOther', 'organizerOther'] as const)
      foreign[who].set(aw.entry, `award entry ${aw.entry}`);
    foreign.organizerOther.set(aw.competition, `competition ${aw.competition}`);
  });
  afterAll(async () => t?.close());

  it('has exactly one rule per OpenAPI operation (a new route without a rule fails here)', () => {
    const documented = operations.map((o) => o.route);
    const withoutRule = documented.filter((r) => !(r in TABLE));
    const stale = Object.keys(TABLE).filter((r) => !documented.includes(r));
    expect({ withoutRule, stale }).toEqual({ withoutRule: [], stale: [] });
    for (const [route, row] of Object.entries(TABLE)) {
      const cells = row.trim().split(/\s+/);
      expect({ route, cells: cells.length }).toEqual({ route, cells: COLUMNS.length });
      for (const c of cells) expect(['ok', '401', '403', '404']).toContain(c);
    }
    expect(Object.keys(REQUESTS).filter((r) => !(r in TABLE))).toEqual([]);
  });

  const mismatches: string[] = [];
  const leaks: string[] = [];
  let checks = 0;

  async function call(route: string, who: Who) {
    const [method, template] = route.split(' ');
    const spec = REQUESTS[route] ?? {};
    const params = { ...defaultParams(w, template), ...spec.params?.(w, who) };
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (!params[name]) throw new Error(`no value for {${name}} in ${route}`);
      return params[name];
    });
    ctx.n++;
    let token = w.token[who];
    let refreshToken: string | undefined;
    if (spec.fresh) {
      const [email, password] = EMAIL_OF[who === 'anon' ? 'opdA' : who](w);
      const session = await login(t, email, password);
      refreshToken = session.refreshToken;
      if (who !== 'anon') token = session.accessToken;
    }
    let req = (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method.toLowerCase()](path);
    if (token) req = req.set(bearer(token));
    if (spec.file) return req.attach('file', spec.file.bytes, { filename: spec.file.filename, contentType: spec.file.contentType });
    if (spec.csv) return req.set('content-type', 'text/csv').send(spec.csv(ctx));
    if (route === 'POST /api/auth/refresh') return req.send({ refreshToken });
    if (spec.body) return req.send(spec.body(ctx, who));
    return method === 'GET' ? req : req.send({});
  }

  // One test per row, in table order (the ones that end sessions or remove things come last).
  it.each(Object.entries(TABLE))('%s: every caller gets what the table says, and no 2xx leaks', async (route, row) => {
    const expected = Object.fromEntries(
      row
        .trim()
        .split(/\s+/)
        .map((cell, i) => [COLUMNS[i], cell as Outcome]),
    ) as Record<Who, Outcome>;
    const secured = operations.find((o) => o.route === route)?.secured ?? true;
    const mine: string[] = [];
    // Callers the table refuses go first, so that an allowed call's side effects cannot hide a refusal.
    const order = [...COLUMNS].sort((a, b) => Number(expected[a] === 'ok') - Number(expected[b] === 'ok'));
    for (const who of order) {
      const res = await call(route, who);
      checks++;
      const want = expected[who];
      const got = res.status;
      const reached = ![401, 403, 404].includes(got);
      if (got >= 500) mine.push(`${route} as ${who}: ${got} ${res.text.slice(0, 200)}`);
      else if (want === 'ok' ? !reached : got !== Number(want))
        mine.push(`${route} as ${who}: expected ${want}, got ${got} ${res.text.slice(0, 160)}`);
      if (want !== 'ok' && got >= 200 && got < 300) leaks.push(`${route} as ${who}: ${got} where the table says ${want}`);
      if (who !== 'anon' && secured && got >= 200 && got < 300) {
        const text = res.text ?? '';
        const seen = [...foreign[who].entries()].filter(([marker]) => text.includes(marker)).map(([, label]) => label);
        if (seen.length)
          leaks.push(`${route} as ${who}: body holds ${seen.slice(0, 3).join(', ')}${seen.length > 3 ? ` (+${seen.length - 3})` : ''}`);
      }
    }
    mismatches.push(...mine);
    expect(mine).toEqual([]);
    expect(leaks.filter((l) => l.startsWith(`${route} as `))).toEqual([]);
  });

  it('checked every route as every caller and found no leak', () => {
    console.log(
      `authorization matrix: ${Object.keys(TABLE).length} routes × ${COLUMNS.length} callers = ${checks} checks; leaks: ${leaks.length}; mismatches: ${mismatches.length}${leaks.length ? `\n  ${leaks.join('\n  ')}` : ''}`,
    );
    expect(checks).toBe(operations.length * COLUMNS.length);
    expect(leaks).toEqual([]);
  });
});
