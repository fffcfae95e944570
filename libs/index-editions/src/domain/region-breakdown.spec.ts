import type { IndexFramework } from '@app/regional-index';
import { regionBreakdown, regionSlices } from './region-breakdown';

const text = (id: string) => ({ id, en: id });
const none = { type: 'none' } as const;
/** Two region indicators (max 3 + 2), one innovation indicator (max 3), one count indicator (max 4): max 12. */
const FRAMEWORK: IndexFramework = {
  key: 't',
  label: text('t'),
  method: { decimals: 2, minInnovations: 2 },
  bands: [],
  aspects: [
    {
      key: 'spd',
      label: text('SPD'),
      variables: [
        {
          key: 'institusi',
          label: text('Institusi'),
          indicators: [
            {
              key: 'regulasi',
              scope: 'region',
              label: text('r'),
              options: [
                { key: 'no', score: 0, guidance: text('no'), evidence: none },
                { key: 'perkada', score: 2, guidance: text('p'), evidence: none },
                { key: 'perda', score: 3, guidance: text('d'), evidence: none },
              ],
            },
            {
              key: 'anggaran',
              scope: 'region',
              label: text('a'),
              options: [
                { key: 'no', score: 0, guidance: text('no'), evidence: none },
                { key: 'ada', score: 2, guidance: text('ada'), evidence: none },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'sid',
      label: text('SID'),
      variables: [
        {
          key: 'kematangan',
          label: text('K'),
          indicators: [
            {
              key: 'tahapan',
              scope: 'innovation',
              label: text('t'),
              options: [
                { key: 'ide', score: 1, guidance: text('i'), evidence: none },
                { key: 'terap', score: 3, guidance: text('t'), evidence: none },
              ],
            },
          ],
        },
        {
          key: 'jumlah',
          label: text('J'),
          indicators: [
            {
              key: 'jumlah',
              scope: 'count',
              label: text('j'),
              steps: [
                { min: 0, score: 0, guidance: text('0') },
                { min: 2, score: 2, guidance: text('2') },
                { min: 3, score: 4, guidance: text('3') },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('regionBreakdown', () => {
  it.each([
    {
      name: 'verified lower and one innovation not eligible: divisor max(minInnovations, n)',
      innovations: [
        { id: 'a', region: 'r' },
        { id: 'b', region: 'r', eligible: false },
        { id: 'c', region: 'r' },
        { id: 'x', region: 'other' },
      ],
      answers: [
        { region: 'r', indicator: 'regulasi', self: 'perda', verified: 'perkada' },
        { region: 'r', indicator: 'anggaran', self: 'ada' },
        { innovation: 'a', indicator: 'tahapan', self: 'terap', verified: 'terap' },
        { innovation: 'b', indicator: 'tahapan', self: 'terap', verified: 'terap' },
        { innovation: 'c', indicator: 'tahapan', self: 'terap', verified: 'ide' },
        { innovation: 'x', indicator: 'tahapan', self: 'terap', verified: 'terap' },
        { region: 'other', indicator: 'anggaran', self: 'ada', verified: 'ada' },
      ],
      // self: institusi 5; kematangan (3+3+3)/3 = 3; jumlah n=3 → 4. verified: institusi 2 (unverified anggaran scores 0); (3+1)/2 = 2; n=2 → 2.
      variables: [
        { key: 'institusi', aspect: 'spd', scope: 'region', self: 5, verified: 2, max: 5 },
        { key: 'kematangan', aspect: 'sid', scope: 'innovation', self: 3, verified: 2, max: 3 },
        { key: 'jumlah', aspect: 'sid', scope: 'count', self: 4, verified: 2, max: 4 },
      ],
      maturity: [
        { id: 'a', eligible: true, self: 3, verified: 3, max: 3 },
        { id: 'b', eligible: false, self: 3, verified: 3, max: 3 },
        { id: 'c', eligible: true, self: 3, verified: 1, max: 3 },
      ],
    },
    {
      name: 'one innovation: the divisor is minInnovations, rounded to the framework decimals',
      innovations: [{ id: 'a', region: 'r' }],
      answers: [{ innovation: 'a', indicator: 'tahapan', self: 'ide', verified: 'ide' }],
      variables: [
        { key: 'institusi', self: 0, verified: 0 },
        { key: 'kematangan', self: 0.5, verified: 0.5 },
        { key: 'jumlah', self: 0, verified: 0 },
      ],
      maturity: [{ id: 'a', self: 1, verified: 1 }],
    },
    {
      name: 'nothing answered: every variable 0',
      innovations: [],
      answers: [],
      variables: [
        { key: 'institusi', self: 0 },
        { key: 'kematangan', self: 0 },
        { key: 'jumlah', self: 0 },
      ],
      maturity: [],
    },
  ])('$name', ({ innovations, answers, variables, maturity }) => {
    const result = regionBreakdown(FRAMEWORK, { innovations, answers }, 'r');
    expect(result.variables).toEqual(variables.map((v) => expect.objectContaining(v)));
    expect(result.innovations).toEqual(maturity.map((m) => expect.objectContaining(m)));
  });

  it('a third divides and rounds at the framework decimals', () => {
    const result = regionBreakdown(
      { ...FRAMEWORK, method: { decimals: 2, minInnovations: 3 } },
      { innovations: [{ id: 'a', region: 'r' }], answers: [{ innovation: 'a', indicator: 'tahapan', self: 'ide' }] },
      'r',
    );
    expect(result.variables[1]).toMatchObject({ self: 0.33, verified: 0 });
  });
});

describe('regionSlices', () => {
  const innovations = [
    { id: 'a', region: 'r' },
    { id: 'b', region: 'r', eligible: false },
    { id: 'x', region: 'other' },
    { id: 'y', region: 'lonely' },
  ];
  const answers = [
    { region: 'r', indicator: 'regulasi', self: 'perda', verified: 'perkada', note: 'Perda belum diundangkan' },
    { region: 'other', indicator: 'anggaran', self: 'ada' },
    { innovation: 'x', indicator: 'tahapan', self: 'terap', verified: 'terap' },
    { innovation: 'a', indicator: 'tahapan', self: 'terap', verified: 'ide' },
    { region: 'r', indicator: 'anggaran', self: 'ada' },
    { region: 'answers-only', indicator: 'anggaran', self: 'no' },
    { innovation: 'not-reported', indicator: 'tahapan', self: 'ide' },
  ];
  const slices = regionSlices({ innovations, answers });

  it.each([
    { region: 'r', innovations: ['a', 'b'], answers: [0, 3, 4] },
    { region: 'other', innovations: ['x'], answers: [1, 2] },
    { region: 'lonely', innovations: ['y'], answers: [] },
    { region: 'answers-only', innovations: [], answers: [5] },
  ])('$region: its innovations and the answers about it and them, in input order', ({ region, ...expected }) => {
    const slice = slices.get(region)!;
    expect(slice.innovations.map((i) => i.id)).toEqual(expected.innovations);
    expect(slice.answers).toEqual(expected.answers.map((i) => answers[i]));
  });

  it('has no slice for a region without innovations or answers, and drops an answer about an innovation not reported', () => {
    expect([...slices.keys()].sort()).toEqual(['answers-only', 'lonely', 'other', 'r']);
    expect([...slices.values()].flatMap((s) => s.answers)).not.toContainEqual(answers[6]);
  });

  it('gives each region the breakdown the whole input gives it', () => {
    for (const region of ['r', 'other', 'lonely', 'answers-only'])
      expect(regionBreakdown(FRAMEWORK, slices.get(region)!, region)).toEqual(regionBreakdown(FRAMEWORK, { innovations, answers }, region));
  });
});
