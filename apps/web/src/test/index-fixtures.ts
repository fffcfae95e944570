import type { IndexEdition, IndexFramework, IndexGap, RegionAssessment } from '../api/indexes';

const text = (id: string, en = id) => ({ id, en });

/** A small framework: two region indicators (one asking for a regulation), one innovation indicator, one count indicator. */
export const framework: IndexFramework = {
  key: 'mini',
  label: text('Indeks mini'),
  method: { decimals: 2, minInnovations: 1 },
  bands: [
    { label: text('Sangat Inovatif', 'Very innovative'), min: 60.01 },
    { label: text('Inovatif', 'Innovative'), min: 35 },
    { label: text('Kurang Inovatif', 'Less innovative'), min: 0 },
  ],
  aspects: [
    {
      key: 'spd',
      label: text('Pemerintah daerah', 'Regional government'),
      variables: [
        {
          key: 'institusi',
          label: text('Institusi', 'Institutions'),
          indicators: [
            {
              key: 'regulasi',
              scope: 'region',
              label: text('Regulasi', 'Regulation'),
              options: [
                { key: 'tidak_ada', score: 0, guidance: text('Tidak ada', 'None'), evidence: { type: 'none' } },
                { key: 'perkada', score: 2, guidance: text('Perkada', 'Head of region regulation'), evidence: { type: 'link' } },
                { key: 'perda', score: 3, guidance: text('Perda', 'By-law'), evidence: { type: 'document', kinds: ['regulation'] } },
              ],
            },
            {
              key: 'anggaran',
              scope: 'region',
              label: text('Anggaran', 'Budget'),
              options: [
                { key: 'tidak_ada', score: 0, guidance: text('Tidak ada', 'None'), evidence: { type: 'none' } },
                { key: 'ada', score: 2, guidance: text('Ada', 'Yes'), evidence: { type: 'none' } },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'sid',
      label: text('Inovasi daerah', 'Regional innovations'),
      variables: [
        {
          key: 'kematangan',
          label: text('Kematangan', 'Maturity'),
          indicators: [
            {
              key: 'tahapan',
              scope: 'innovation',
              label: text('Tahapan', 'Stage'),
              options: [
                { key: 'inisiatif', score: 1, guidance: text('Inisiatif', 'Initiative'), evidence: { type: 'none' } },
                { key: 'penerapan', score: 3, guidance: text('Penerapan', 'Implementation'), evidence: { type: 'none' } },
              ],
            },
          ],
        },
        {
          key: 'jumlah',
          label: text('Jumlah inovasi', 'Number of innovations'),
          indicators: [
            {
              key: 'jumlah',
              scope: 'count',
              label: text('Jumlah'),
              steps: [
                { min: 0, score: 0, guidance: text('0') },
                { min: 1, score: 2, guidance: text('1+') },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const edition: IndexEdition = {
  id: 'e1',
  slug: 'iid-uji',
  name: 'IID Uji',
  year: 2026,
  status: 'self_assessment',
  categories: ['kota'],
  framework,
  selfAssessmentOpensAt: null,
  selfAssessmentClosesAt: null,
  verificationOpensAt: null,
  verificationClosesAt: null,
};

const gap = (field: string, code: IndexGap['code'], id: string, en: string) => ({
  field,
  code,
  params: {},
  message: en,
  messages: { id, en },
});

/** Kota Bekasi half-way: `regulasi` answered perda without its regulation, `anggaran` unanswered, one innovation unanswered. */
export const assessment: RegionAssessment = {
  edition: { id: 'e1', slug: 'iid-uji', name: 'IID Uji', status: 'self_assessment' },
  region: { id: 'r-bekasi', name: 'Kota Bekasi', kind: 'kota' },
  submittedAt: null,
  complete: false,
  gaps: [
    gap(
      'region.regulasi',
      'evidence_document',
      'Pilihan "Perda" pada indikator "Regulasi" memerlukan bukti dukung berupa dokumen (regulation).',
      'Option "By-law" of indicator "Regulation" needs an evidence document (regulation).',
    ),
    gap('region.anggaran', 'unanswered', 'Indikator "Anggaran" belum dijawab.', 'Indicator "Budget" is not answered.'),
    gap('innovations.i-sitaro.tahapan', 'unanswered', 'Indikator "Tahapan" belum dijawab.', 'Indicator "Stage" is not answered.'),
  ],
  innovations: [{ id: 'i-sitaro', title: 'SiTaro', regionId: 'r-bekasi', organizationId: 'o-rsud', innovationId: null }],
  answers: [
    {
      id: 'a-regulasi',
      indicator: 'regulasi',
      innovationId: null,
      option: 'perda',
      link: null,
      version: 1,
      updatedAt: '2026-05-01T00:00:00Z',
      documents: [],
    },
  ],
};
