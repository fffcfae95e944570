// Index edition test data shared by the index e2e tests.

const text = (id: string, en = id) => ({ id, en });
/** A small framework: two region indicators (one needing a link), one innovation indicator, one count indicator. */
export const MINI_FRAMEWORK = {
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
      label: text('Pemerintah daerah'),
      variables: [
        {
          key: 'institusi',
          label: text('Institusi'),
          indicators: [
            {
              key: 'regulasi',
              scope: 'region',
              label: text('Regulasi'),
              options: [
                { key: 'tidak_ada', score: 0, guidance: text('Tidak ada'), evidence: { type: 'none' } },
                { key: 'perkada', score: 2, guidance: text('Perkada'), evidence: { type: 'link' } },
                { key: 'perda', score: 3, guidance: text('Perda'), evidence: { type: 'document', kinds: ['regulation'] } },
              ],
            },
            {
              key: 'anggaran',
              scope: 'region',
              label: text('Anggaran'),
              options: [
                { key: 'tidak_ada', score: 0, guidance: text('Tidak ada'), evidence: { type: 'none' } },
                { key: 'ada', score: 2, guidance: text('Ada'), evidence: { type: 'none' } },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'sid',
      label: text('Inovasi daerah'),
      variables: [
        {
          key: 'kematangan',
          label: text('Kematangan'),
          indicators: [
            {
              key: 'tahapan',
              scope: 'innovation',
              label: text('Tahapan'),
              options: [
                { key: 'inisiatif', score: 1, guidance: text('Inisiatif'), evidence: { type: 'none' } },
                { key: 'penerapan', score: 3, guidance: text('Penerapan'), evidence: { type: 'none' } },
              ],
            },
            {
              key: 'jumlah',
              scope: 'count',
              label: text('Jumlah inovasi'),
              steps: [
                { min: 0, score: 0, guidance: text('0') },
                { min: 2, score: 2, guidance: text('2+') },
              ],
            },
          ],
        },
      ],
    },
  ],
};
