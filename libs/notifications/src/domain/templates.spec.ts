import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_NAMES,
  assertPayload,
  fieldKind,
  payloadProblems,
  type FieldSpec,
  type NotificationType,
} from './notification-types';
import { escapeHtml, renderDigest, renderMessage } from './templates';

const URL_BASE = 'https://inovasi.example.go.id';

/** A valid payload for every type, with every optional field filled. */
const SAMPLES: Record<NotificationType, Record<string, unknown>> = {
  juror_assigned: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    stage: 'Presentasi',
    assignmentId: 'a-1',
    dueAt: '2025-06-30T16:59:00Z',
  },
  stage_opened: { competition: 'IGA 2025', competitionId: 'c-1', stage: 'Presentasi', closesAt: '2025-06-30T16:59:00Z' },
  presentation_scheduled: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    startsAt: '2025-07-01T02:00:00Z',
    place: 'Aula Bappeda',
  },
  presentation_moved: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    startsAt: '2025-07-02T02:00:00Z',
    previousStartsAt: '2025-07-01T02:00:00Z',
    place: 'Zoom',
  },
  field_visit_scheduled: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    visitAt: '2025-07-10T01:00:00Z',
    address: 'RSUD Kota Bekasi',
  },
  field_visit_moved: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    visitAt: '2025-07-11T01:00:00Z',
    previousVisitAt: '2025-07-10T01:00:00Z',
    address: 'RSUD',
  },
  scoring_reminder: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    stage: 'Presentasi',
    assignmentId: 'a-1',
    dueAt: '2025-06-30T16:59:00Z',
  },
  screening_result: { competition: 'IGA 2025', innovation: 'SiTaro', innovationId: 'i-1', decision: 'fail', reason: 'Dokumen kurang' },
  stage_closed: { competition: 'IGA 2025', competitionId: 'c-1', stage: 'Presentasi', innovation: 'SiTaro', outcome: 'advanced' },
  results_published: { competition: 'IGA 2025', slug: 'iga-2025' },
  account_invitation: { name: 'Juri Baru', tokenId: 't-1', expiresAt: '2025-06-30T16:59:00Z', token: 't-1.abc' },
  password_reset: { name: 'Juri Baru', tokenId: 't-1', expiresAt: '2025-06-30T16:59:00Z', token: 't-1.abc' },
  proposal_returned: { competition: 'IGA 2025', innovation: 'SiTaro', innovationId: 'i-1', comment: 'Lengkapi SK' },
  proposal_forwarded: { competition: 'IGA 2025', innovation: 'SiTaro', innovationId: 'i-1', comment: 'Lengkap' },
  results_announced: { competition: 'IGA 2025', competitionId: 'c-1', closesAt: '2025-07-05T16:59:00Z' },
  objection_answered: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    decision: 'upheld',
    answer: 'Nilai diperiksa ulang',
  },
  innovation_disqualified: { competition: 'IGA 2025', innovation: 'SiTaro', innovationId: 'i-1', reason: 'Data dukung dipalsukan' },
  sheet_reopened: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    stage: { id: 'Presentasi', en: 'Presentation' },
    assignmentId: 'a-1',
    reason: 'Sanggahan dikabulkan',
    dueAt: '2025-06-30T16:59:00Z',
  },
  screening_reopened: {
    competition: 'IGA 2025',
    innovation: 'SiTaro',
    innovationId: 'i-1',
    stage: { id: 'Seleksi administrasi', en: 'Administrative screening' },
    reason: 'Dokumen ternyata lengkap',
  },
  conflict_declared: {
    competition: 'IGA 2025',
    competitionId: 'c-1',
    innovation: 'SiTaro',
    juror: 'Juri Satu',
    stage: { id: 'Presentasi', en: 'Presentation' },
    reason: 'Mantan pegawai',
  },
  favourite_vote_verify: {
    competition: 'IGA 2025',
    category: 'kota',
    innovation: 'SiTaro',
    tokenId: 'v-1',
    token: 'tok_1-2',
    expiresAt: '2025-08-02T00:00:00Z',
  },
  index_verification_started: { edition: 'IID 2026', slug: 'iid-2026', editionId: 'e-1' },
  index_results_published: { edition: 'IID 2026', slug: 'iid-2026' },
  index_window_moved: {
    edition: 'IID 2026',
    window: 'verification',
    closesAt: '2026-07-01T00:00:00Z',
    reason: 'Banjir',
    link: '/juri/indeks/x',
  },
  message: { title: 'Rapat juri', body: 'Rapat juri Senin pukul 09.00.', link: '/competitions/c-1' },
};

/** The web app's page paths (apps/web/src/App.tsx's ROUTES), as patterns: a mail's link must open one of them. */
const WEB_ROUTES = [...readFileSync(path.join(__dirname, '../../../../apps/web/src/App.tsx'), 'utf8').matchAll(/\{ path: '([^']+)'/g)].map(
  (m) => new RegExp(`^${m[1].replace(/:\w+/g, '[^/]+')}$`),
);

describe('notification catalogue', () => {
  it('reads the web app’s routes', () => expect(WEB_ROUTES.length).toBeGreaterThan(40));

  it.each(NOTIFICATION_TYPE_NAMES)('%s: its link opens a page of the web app', (type) => {
    const link = renderMessage(type, SAMPLES[type] as Record<string, unknown>, 'id', 'https://inovasi.example').link;
    if (!link) return;
    const { pathname } = new URL(link);
    expect([type, WEB_ROUTES.some((r) => r.test(pathname)) ? 'a page' : pathname]).toEqual([type, 'a page']);
  });

  it.each(NOTIFICATION_TYPE_NAMES)('%s: every placeholder of its wording and link is a declared field', (type) => {
    const spec = NOTIFICATION_TYPES[type];
    const declared = Object.keys(spec.fields);
    const used = [spec.link ?? '', spec.id.subject, spec.en.subject, ...spec.id.lines, ...spec.en.lines].flatMap((t) =>
      [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    );
    expect(declared).toEqual(expect.arrayContaining([...new Set(used)]));
    expect(payloadProblems(type, SAMPLES[type])).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['juror_assigned', {}, ['payload.competition', 'payload.innovation', 'payload.stage', 'payload.assignmentId']],
    ['juror_assigned', { ...SAMPLES.juror_assigned, dueAt: '2025-06-30 23:59' }, ['payload.dueAt']],
    ['juror_assigned', { ...SAMPLES.juror_assigned, assignmentId: '../x y' }, ['payload.assignmentId']],
    ['screening_result', { ...SAMPLES.screening_result, decision: 'maybe' }, ['payload.decision']],
    ['message', { title: 'x', body: 'y', link: 'https://evil.example' }, ['payload.link']],
    ['message', { title: 'x', body: 'y', link: '//evil.example' }, ['payload.link']],
    ['message', { title: ' ', body: 'y' }, ['payload.title']],
    ['message', null, ['payload']],
    ['innovation_submitted', {}, ['type']],
  ])('%s with %j is refused on %j', (type, payload, fields) => {
    expect(payloadProblems(type, payload).map((p) => p.field)).toEqual(fields);
    expect(() => assertPayload(type, payload)).toThrow(expect.objectContaining({ code: 'NOTIFICATION_PAYLOAD_INVALID', kind: 'invalid' }));
  });

  it.each<[FieldSpec, boolean]>([
    ['text', false],
    ['instant?', true],
    [{ choice: { a: { id: 'A', en: 'A' } } }, false],
    [{ choice: { a: { id: 'A', en: 'A' } }, optional: true }, true],
  ])('fieldKind(%j) optional = %s', (spec, optional) => {
    expect(fieldKind(spec).optional).toBe(optional);
  });
});

describe('renderMessage', () => {
  it.each<[NotificationType, 'id' | 'en', string, string]>([
    ['juror_assigned', 'id', 'Penugasan penilaian: SiTaro', 'Batas penilaian: 30 Jun 2025, 23:59 WIB.'],
    ['juror_assigned', 'en', 'New scoring assignment: SiTaro', 'Scoring deadline: 30 Jun 2025, 23:59 WIB.'],
    ['scoring_reminder', 'id', 'Pengingat: nilai "SiTaro" sebelum 30 Jun 2025, 23:59 WIB', 'belum dikirim'],
    ['scoring_reminder', 'en', 'Reminder: score "SiTaro" before 30 Jun 2025, 23:59 WIB', 'has not been submitted yet'],
    ['field_visit_scheduled', 'id', 'Jadwal verifikasi lapangan: SiTaro', 'dijadwalkan pada 10 Jul 2025, 08:00 WIB'],
    ['screening_result', 'id', 'Hasil seleksi administrasi: SiTaro', 'dinyatakan TIDAK LOLOS seleksi administrasi'],
    ['screening_result', 'en', 'Screening result: SiTaro', 'has NOT PASSED the administrative screening'],
    ['stage_closed', 'id', 'Tahap Presentasi ditutup — IGA 2025', 'Inovasi "SiTaro" lanjut ke tahap berikutnya.'],
    ['results_published', 'en', 'IGA 2025 results are published', 'The final ranking of IGA 2025 has been published.'],
    ['message', 'id', 'Rapat juri', 'Rapat juri Senin pukul 09.00.'],
    ['proposal_returned', 'id', 'Proposal dikembalikan untuk perbaikan: SiTaro', 'Catatan: Lengkapi SK'],
    ['proposal_returned', 'en', 'Proposal returned for revision: SiTaro', 'Comment: Lengkapi SK'],
    ['proposal_forwarded', 'en', 'Proposal forwarded to the organizer: SiTaro', 'is now entered'],
    ['results_announced', 'id', 'Hasil sementara IGA 2025 diumumkan: masa sanggah dibuka', 'sampai 5 Jul 2025, 23:59 WIB'],
    ['objection_answered', 'id', 'Sanggahan dijawab: SiTaro', 'Sanggahan atas inovasi "SiTaro" (IGA 2025) DIKABULKAN.'],
    ['objection_answered', 'en', 'Objection answered: SiTaro', 'was UPHELD'],
    ['innovation_disqualified', 'en', 'Innovation disqualified: SiTaro', 'Reason: Data dukung dipalsukan'],
    ['sheet_reopened', 'en', 'Score sheet reopened: SiTaro', 'in the Presentation stage'],
    ['sheet_reopened', 'id', 'Lembar nilai dibuka kembali: SiTaro', 'pada tahap Presentasi'],
    ['screening_reopened', 'id', 'Keputusan pemeriksaan dibuka kembali: SiTaro', 'keputusan tahap Seleksi administrasi dibuka kembali'],
    ['screening_reopened', 'en', 'Screening decision reopened: SiTaro', 'its Administrative screening decision is reopened'],
    ['conflict_declared', 'en', 'Conflict of interest declared: SiTaro', 'Their assignment in the Presentation stage was released'],
  ])('%s in %s: subject %j, text has %j', (type, locale, subject, line) => {
    const m = renderMessage(type, SAMPLES[type], locale, URL_BASE);
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(line);
    expect(m.body).toContain(line);
    expect(m.text).toContain(`${URL_BASE}/settings/notifications`);
    expect(m.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
  });

  it.each<[NotificationType, Record<string, unknown>, string | null]>([
    ['juror_assigned', SAMPLES.juror_assigned, `${URL_BASE}/jury/assignments/a-1`],
    ['results_published', SAMPLES.results_published, `${URL_BASE}/rankings/iga-2025`],
    ['message', SAMPLES.message, `${URL_BASE}/competitions/c-1`],
    ['message', { title: 't', body: 'b' }, null],
  ])('%s links to %s', (type, payload, link) => {
    const m = renderMessage(type, payload, 'id', URL_BASE);
    expect(m.link).toBe(link);
    if (link) expect(m.text).toContain(link);
  });

  it.each<['id' | 'en', string]>([
    ['id', 'Tahap Presentasi pada IGA 2025 telah dibuka.'],
    ['en', 'The Presentation stage of IGA 2025 is now open.'],
  ])('a stage label given in both languages is shown in the reader’s (%s)', (locale, line) => {
    expect(
      renderMessage('stage_opened', { ...SAMPLES.stage_opened, stage: { id: 'Presentasi', en: 'Presentation' } }, locale, URL_BASE).text,
    ).toContain(line);
  });

  it.each([{ id: 'Presentasi' }, { id: ' ', en: 'x' }, 7])('refuses the stage label %j', (stage) => {
    expect(payloadProblems('stage_opened', { ...SAMPLES.stage_opened, stage }).map((p) => p.field)).toEqual(['payload.stage']);
  });

  it('drops a line whose optional field is missing, in both languages', () => {
    const { dueAt: _omit, ...payload } = SAMPLES.juror_assigned;
    expect(renderMessage('juror_assigned', payload, 'id', URL_BASE).text).not.toContain('Batas penilaian');
    expect(renderMessage('juror_assigned', payload, 'en', URL_BASE).text).not.toContain('deadline');
  });

  it('escapes payload values in HTML but keeps them as they are in the text and subject', () => {
    const innovation = `<script>alert("x")</script> & 'co'`;
    const m = renderMessage('juror_assigned', { ...SAMPLES.juror_assigned, innovation }, 'id', URL_BASE);
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;co&#39;');
    expect(m.subject).toBe(`Penugasan penilaian: ${innovation}`);
    expect(m.text).toContain(innovation);
  });

  it('URL-encodes ids in links', () => {
    const m = renderMessage('results_published', { competition: 'x', slug: 'iga.2025-kota_a' }, 'en', URL_BASE);
    expect(m.link).toBe(`${URL_BASE}/rankings/iga.2025-kota_a`);
    expect(renderMessage('message', { title: 't', body: 'b', link: '/a/b?c=d&e=<f>' }, 'en', URL_BASE).html).toContain(
      'href="https://inovasi.example.go.id/a/b?c=d&#38;e=&#60;f&#62;"',
    );
  });

  it.each([
    ['&', '&#38;'],
    ['<b>', '&#60;b&#62;'],
    [`"'`, '&#34;&#39;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j) = %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe('renderDigest', () => {
  const items = [
    { type: 'juror_assigned' as const, payload: SAMPLES.juror_assigned },
    { type: 'stage_opened' as const, payload: { ...SAMPLES.stage_opened, competition: 'A & B' } },
  ];

  it.each<['id' | 'en', string, string]>([
    ['id', 'Ringkasan harian: 2 notifikasi', 'Penugasan penilaian: SiTaro'],
    ['en', 'Daily digest: 2 notifications', 'New scoring assignment: SiTaro'],
  ])('in %s lists every item with its link', (locale, subject, first) => {
    const m = renderDigest(items, locale, URL_BASE);
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(`- ${first}\n  ${URL_BASE}/jury/assignments/a-1`);
    expect(m.text).toContain(`${URL_BASE}/competitions/c-1`);
    expect(m.html).toContain('A &#38; B');
  });

  it('says "notification" for one item in English', () => {
    expect(renderDigest(items.slice(0, 1), 'en', URL_BASE).subject).toBe('Daily digest: 1 notification');
  });
});
