import type { LocalizedText } from '@app/kernel';
import { PLAN_DEFAULTS, type CompetitionPlan, type CriterionPlan } from './competition-plan';
import { defaultTemplate } from './default-template';

const WIB = '+07:00';

function criterion(key: string, weight: number, label: LocalizedText, guidance: LocalizedText): CriterionPlan {
  return { key, label, weight, min: 0, max: 100, guidance };
}

/** The head of region's presentation (DOMAIN.md, IGA award rounds). */
export const REGION_PRESENTATION_RUBRIC: CriterionPlan[] = [
  criterion(
    'kebaharuan',
    30,
    { id: 'Kebaharuan', en: 'Novelty' },
    {
      id: 'Kebaharuan inovasi-inovasi daerah yang dipaparkan kepala daerah dan dijawab dalam wawancara.',
      en: "Novelty of the region's innovations as the head of region presents and defends them.",
    },
  ),
  criterion(
    'kemanfaatan',
    25,
    { id: 'Kemanfaatan', en: 'Benefit' },
    {
      id: 'Manfaat terukur bagi masyarakat daerah, dengan data dan contoh nyata.',
      en: "Measurable benefit for the region's citizens, with data and concrete examples.",
    },
  ),
  criterion(
    'kewenangan_kolaborasi',
    15,
    { id: 'Kewenangan dan kolaborasi', en: 'Regional authority and collaboration' },
    {
      id: 'Kesesuaian dengan kewenangan daerah dan kolaborasi antarperangkat daerah serta pemangku kepentingan.',
      en: 'Fit with the regional authority and collaboration between agencies and stakeholders.',
    },
  ),
  criterion(
    'replikasi_aplikatif',
    20,
    { id: 'Replikasi dan aplikatif', en: 'Replicability and applicability' },
    {
      id: 'Sejauh mana inovasi dapat dan telah direplikasi serta diterapkan di daerah lain.',
      en: 'How far the innovations can be, and have been, replicated and applied elsewhere.',
    },
  ),
  criterion(
    'penguasaan_materi',
    10,
    { id: 'Penguasaan materi', en: 'Command of the material' },
    {
      id: 'Penguasaan kepala daerah atas inovasi daerahnya: kejelasan paparan dan ketepatan jawaban.',
      en: "The head of region's command of the innovations: clarity of the talk and accuracy of the answers.",
    },
  ),
];

/** The validators' checklist on site (peninjauan lapangan). */
export const REGION_FIELD_RUBRIC: CriterionPlan[] = [
  criterion(
    'kesesuaian_bukti',
    40,
    { id: 'Kesesuaian bukti dukung', en: 'Evidence matches' },
    {
      id: 'Periksa bahwa bukti dukung indeks (regulasi, anggaran, dokumen) sesuai dengan kondisi di lapangan.',
      en: 'Check that the index evidence (regulations, budgets, documents) matches what is on site.',
    },
  ),
  criterion(
    'dampak_nyata',
    40,
    { id: 'Dampak nyata', en: 'Real impact' },
    {
      id: 'Wawancarai penerima manfaat inovasi unggulan; pastikan dampak yang dilaporkan benar dirasakan; tanda tangani berita acara.',
      en: 'Interview beneficiaries of the flagship innovations; confirm the reported impact is really felt; sign the minutes.',
    },
  ),
  criterion(
    'keberlanjutan',
    20,
    { id: 'Keberlanjutan', en: 'Sustainability' },
    {
      id: 'Lihat dasar hukum, anggaran berjalan dan kelembagaan inovasi daerah.',
      en: "Look for the regulation, running budget and institutions behind the region's innovations.",
    },
  ),
];

/**
 * The "IGA region award" plan: the entries are regions nominated from a published index snapshot — the
 * verified IID is the given first stage (50 %), then the head of region's presentation (30 %) and the field
 * validation (20 %). Categories provinsi, kabupaten, kota; groups Daerah Tertinggal and Daerah Perbatasan
 * across kinds. Weights, nominees and groups are configuration.
 */
export function regionAwardTemplate(year: number, indexSnapshotId: string): CompetitionPlan {
  const at = (monthDay: string, time: string) => `${year}-${monthDay}T${time}${WIB}`;
  const window = (from: string, to: string) => ({ opensAt: at(from, '00:00:00'), closesAt: at(to, '23:59:59') });
  const scored = { aggregation: PLAN_DEFAULTS.aggregation, jurorsPerInnovation: PLAN_DEFAULTS.jurorsPerInnovation };
  const base = defaultTemplate(year);
  return structuredClone<CompetitionPlan>({
    categories: [
      { key: 'provinsi', label: { id: 'Provinsi Terinovatif', en: 'Most Innovative Province' }, regionKinds: ['provinsi'] },
      { key: 'kabupaten', label: { id: 'Kabupaten Terinovatif', en: 'Most Innovative Regency' }, regionKinds: ['kabupaten'] },
      { key: 'kota', label: { id: 'Kota Terinovatif', en: 'Most Innovative City' }, regionKinds: ['kota'] },
    ],
    stages: [
      {
        key: 'iid',
        kind: 'submission',
        label: { id: 'Nominasi dari Indeks Inovasi Daerah', en: 'Nomination from the regional innovation index' },
        ...window('10-01', '10-14'),
        weight: 50,
        rubric: [],
        aggregation: PLAN_DEFAULTS.aggregation,
        jurorsPerInnovation: 0,
        advance: { type: 'all' },
        given: true,
      },
      {
        key: 'presentation',
        kind: 'presentation',
        label: { id: 'Presentasi kepala daerah', en: 'Presentation by the head of region' },
        ...window('10-15', '10-31'),
        weight: 30,
        rubric: REGION_PRESENTATION_RUBRIC,
        ...scored,
        advance: { type: 'all' },
      },
      {
        key: 'field_verification',
        kind: 'field_verification',
        label: { id: 'Validasi lapangan', en: 'Field validation' },
        ...window('11-01', '11-20'),
        weight: 20,
        rubric: REGION_FIELD_RUBRIC,
        ...scored,
        advance: null,
      },
    ],
    bands: base.bands,
    tieBreak: ['stage:field_verification', 'stage:presentation', 'stage:iid'],
    objectionWindowDays: PLAN_DEFAULTS.objectionWindowDays,
    requireCoordinator: false,
    proposalForm: { sections: [] },
    eligibility: { noDuplicateTitle: false },
    regionAward: {
      indexSnapshotId,
      nominees: 5,
      groups: [
        {
          key: 'daerah_tertinggal',
          label: { id: 'Daerah Tertinggal Terinovatif', en: 'Most Innovative Disadvantaged Region' },
          regionKinds: ['kabupaten', 'kota'],
          regionTags: ['daerah_tertinggal'],
          nominees: 3,
        },
        {
          key: 'daerah_perbatasan',
          label: { id: 'Daerah Perbatasan Terinovatif', en: 'Most Innovative Border Region' },
          regionKinds: ['provinsi', 'kabupaten', 'kota'],
          regionTags: ['perbatasan'],
          nominees: 3,
        },
      ],
    },
  });
}
