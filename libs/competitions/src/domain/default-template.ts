import type { LocalizedText } from '@app/kernel';
import { PLAN_DEFAULTS, type CompetitionPlan, type CriterionPlan, type ProposalSection } from './competition-plan';

/** All template times are Jakarta time (WIB). */
const WIB = '+07:00';

/**
 * The default "IGA/KIPP style" plan (see DOMAIN.md): submission → screening → desk review (top 45 per category)
 * → presentation 60% (top 15 per category) → field verification 40%, scheduled across `year`.
 */
export function defaultTemplate(year: number): CompetitionPlan {
  const at = (monthDay: string, time: string) => `${year}-${monthDay}T${time}${WIB}`;
  const window = (from: string, to: string) => ({ opensAt: at(from, '00:00:00'), closesAt: at(to, '23:59:59') });
  const scored = { aggregation: PLAN_DEFAULTS.aggregation, jurorsPerInnovation: PLAN_DEFAULTS.jurorsPerInnovation };
  const unscored = { weight: 0, rubric: [], aggregation: PLAN_DEFAULTS.aggregation, jurorsPerInnovation: 0 };
  // Cloned so that callers may edit their copy without touching the shared rubric constants.
  return structuredClone<CompetitionPlan>({
    categories: [
      { key: 'provinsi', label: { id: 'Provinsi', en: 'Province' }, regionKinds: ['provinsi'] },
      { key: 'kabupaten', label: { id: 'Kabupaten', en: 'Regency' }, regionKinds: ['kabupaten'] },
      { key: 'kota', label: { id: 'Kota', en: 'City' }, regionKinds: ['kota'] },
    ],
    stages: [
      {
        key: 'submission',
        kind: 'submission',
        label: { id: 'Penjaringan', en: 'Submission' },
        ...window('01-01', '06-30'),
        ...unscored,
        advance: { type: 'all' },
      },
      {
        key: 'screening',
        kind: 'screening',
        label: { id: 'Seleksi administrasi', en: 'Administrative screening' },
        ...window('07-01', '07-31'),
        ...unscored,
        checklist: SCREENING_CHECKLIST,
        advance: { type: 'all' },
      },
      {
        key: 'desk_review',
        kind: 'desk_review',
        label: { id: 'Penilaian proposal', en: 'Desk review' },
        ...window('08-01', '08-31'),
        weight: 0,
        rubric: DESK_REVIEW_RUBRIC,
        ...scored,
        advance: { type: 'top', n: 45 },
      },
      {
        key: 'presentation',
        kind: 'presentation',
        label: { id: 'Presentasi dan wawancara', en: 'Presentation and interview' },
        // Starts a week after desk review so that the objection window fits in between.
        ...window('09-08', '09-30'),
        weight: 60,
        rubric: PRESENTATION_RUBRIC,
        ...scored,
        advance: { type: 'top', n: 15 },
      },
      {
        key: 'field_verification',
        kind: 'field_verification',
        label: { id: 'Verifikasi lapangan', en: 'Field verification' },
        ...window('10-01', '10-31'),
        weight: 40,
        rubric: FIELD_VERIFICATION_RUBRIC,
        ...scored,
        advance: null,
      },
    ],
    bands: [
      { label: 'Sangat Inovatif', min: 60.01 },
      { label: 'Inovatif', min: 35 },
      { label: 'Kurang Inovatif', min: 0.01 },
      { label: 'Tidak Dapat Dinilai', min: 0 },
    ],
    tieBreak: ['stage:field_verification', 'stage:presentation'],
    objectionWindowDays: PLAN_DEFAULTS.objectionWindowDays,
    // Off by default so that an edition works without coordinator accounts; KIPP-style editions turn it on.
    requireCoordinator: false,
    proposalForm: { sections: KIPP_SECTIONS },
    eligibility: { minMonthsImplemented: 12, maxEntriesPerOrganization: 5, noDuplicateTitle: true },
  });
}

function criterion(key: string, weight: number, label: LocalizedText, guidance: LocalizedText): CriterionPlan {
  return { key, label, weight, min: 0, max: 100, guidance };
}

function section(key: string, maxWords: number, label: LocalizedText): ProposalSection {
  return { key, label, required: true, maxWords };
}

const SCREENING_CHECKLIST = [
  {
    key: 'complete',
    label: { id: 'Kelengkapan', en: 'Complete' },
    guidance: {
      id: 'Semua isian profil, bagian proposal dan dokumen bukti wajib telah dilengkapi.',
      en: 'All profile fields, proposal sections and required evidence documents are present.',
    },
  },
  {
    key: 'implemented_one_year',
    label: { id: 'Telah diterapkan minimal 1 tahun', en: 'Implemented for at least 1 year' },
    guidance: {
      id: 'Inovasi telah diterapkan paling sedikit satu tahun, dibuktikan dengan dokumen penetapan atau laporan.',
      en: 'The innovation has been in use for at least one year, shown by a decree or report.',
    },
  },
  {
    key: 'regional_authority',
    label: { id: 'Sesuai kewenangan daerah', en: 'Within regional authority' },
    guidance: {
      id: 'Inovasi termasuk urusan pemerintahan yang menjadi kewenangan pemerintah daerah.',
      en: 'The innovation falls under a government affair that the regional government is responsible for.',
    },
  },
  {
    key: 'no_duplicate',
    label: { id: 'Bukan duplikasi', en: 'Not a duplicate' },
    guidance: {
      id: 'Inovasi belum pernah diajukan dengan judul atau isi yang sama pada edisi ini dan bukan pemenang edisi sebelumnya.',
      en: 'Not already entered under the same title or content in this edition, and not a previous winner.',
    },
  },
];

const DESK_REVIEW_RUBRIC = [
  criterion(
    'kebaruan',
    25,
    { id: 'Kebaruan', en: 'Novelty' },
    {
      id: 'Seberapa baru gagasan atau cara pelayanan dibandingkan praktik sebelumnya dan di daerah lain.',
      en: 'How new the idea or way of serving is compared with earlier practice and other regions.',
    },
  ),
  criterion(
    'efektivitas',
    20,
    { id: 'Efektivitas', en: 'Effectiveness' },
    {
      id: 'Sejauh mana inovasi menyelesaikan masalah yang dirumuskan, didukung data sebelum dan sesudah.',
      en: 'How far the innovation solves the stated problem, backed by before-and-after data.',
    },
  ),
  criterion(
    'kemanfaatan',
    25,
    { id: 'Kemanfaatan', en: 'Benefit' },
    {
      id: 'Manfaat nyata bagi masyarakat dan pemerintah daerah: jangkauan, waktu, biaya, kepuasan.',
      en: 'Real benefit to citizens and the regional government: reach, time, cost, satisfaction.',
    },
  ),
  criterion(
    'replikasi',
    15,
    { id: 'Replikasi', en: 'Transferability' },
    {
      id: 'Kemudahan inovasi diterapkan oleh unit atau daerah lain; adakah yang sudah mereplikasi.',
      en: 'How easily other units or regions could adopt it; whether any already have.',
    },
  ),
  criterion(
    'keberlanjutan',
    15,
    { id: 'Keberlanjutan', en: 'Sustainability' },
    {
      id: 'Dasar hukum, anggaran, SDM dan kelembagaan yang menjamin inovasi terus berjalan.',
      en: 'Regulation, budget, staff and institutions that keep the innovation running.',
    },
  ),
];

const PRESENTATION_RUBRIC = [
  criterion(
    'kebaharuan',
    30,
    { id: 'Kebaharuan', en: 'Novelty' },
    {
      id: 'Keaslian dan kebaharuan inovasi sebagaimana dipaparkan dan dijawab dalam wawancara.',
      en: 'Originality and novelty of the innovation as presented and defended in the interview.',
    },
  ),
  criterion(
    'kemanfaatan',
    25,
    { id: 'Kemanfaatan', en: 'Benefit' },
    {
      id: 'Manfaat yang terukur bagi penerima layanan, dengan data dan contoh nyata.',
      en: 'Measurable benefit for service users, with data and concrete examples.',
    },
  ),
  criterion(
    'kewenangan_kolaborasi',
    15,
    { id: 'Kewenangan dan kolaborasi', en: 'Regional authority and collaboration' },
    {
      id: 'Kesesuaian dengan kewenangan daerah dan keterlibatan pemangku kepentingan lain.',
      en: 'Fit with the regional authority and involvement of other stakeholders.',
    },
  ),
  criterion(
    'replikasi',
    20,
    { id: 'Replikasi dan aplikabilitas', en: 'Replicability and applicability' },
    {
      id: 'Kejelasan cara inovasi dapat diterapkan di tempat lain dan syarat penerapannya.',
      en: 'How clearly the innovation could be applied elsewhere, and what that takes.',
    },
  ),
  criterion(
    'penguasaan_materi',
    10,
    { id: 'Penguasaan materi', en: 'Command of the material' },
    {
      id: 'Penguasaan pemapar atas inovasi: kejelasan paparan dan ketepatan jawaban.',
      en: 'How well the presenter knows the innovation: clarity of the talk and accuracy of the answers.',
    },
  ),
];

/** The guidance of each criterion is the verifier's checklist on site. */
const FIELD_VERIFICATION_RUBRIC = [
  criterion(
    'kesesuaian_data',
    40,
    { id: 'Kesesuaian data', en: 'Evidence matches' },
    {
      id: 'Periksa bahwa data, dokumen dan foto dalam usulan sesuai dengan kondisi di lapangan.',
      en: 'Check that the data, documents and photos in the submission match what is on site.',
    },
  ),
  criterion(
    'dampak_nyata',
    40,
    { id: 'Dampak nyata', en: 'Real impact' },
    {
      id: 'Wawancarai penerima manfaat dan petugas; pastikan dampak yang dilaporkan benar dirasakan.',
      en: 'Interview beneficiaries and staff; confirm the reported impact is really felt.',
    },
  ),
  criterion(
    'keberlanjutan',
    20,
    { id: 'Keberlanjutan', en: 'Sustainability' },
    {
      id: 'Lihat dasar hukum, anggaran berjalan, SDM dan SOP yang menjamin layanan terus berjalan.',
      en: 'Look for the regulation, running budget, staff and procedures that keep the service going.',
    },
  ),
];

/** KIPP proposal sections and their word limits. */
const KIPP_SECTIONS = [
  section('ringkasan', 200, { id: 'Ringkasan', en: 'Summary' }),
  section('latar_belakang_tujuan', 300, { id: 'Latar belakang dan tujuan', en: 'Background and objectives' }),
  section('kebaruan', 200, { id: 'Kebaruan', en: 'Novelty' }),
  section('implementasi', 200, { id: 'Implementasi', en: 'Implementation' }),
  section('signifikansi', 600, { id: 'Signifikansi', en: 'Significance' }),
  section('adaptabilitas', 300, { id: 'Adaptabilitas', en: 'Adaptability' }),
  section('sumber_daya', 200, { id: 'Sumber daya', en: 'Resources' }),
  section('strategi_keberlanjutan', 500, { id: 'Strategi keberlanjutan', en: 'Sustainability strategy' }),
];
