import { computeIkm, qualityOf, type Answers } from './ikm';

const row = (...v: number[]): Answers => ({ u1: v[0], u2: v[1], u3: v[2], u4: v[3], u5: v[4], u6: v[5], u7: v[6], u8: v[7], u9: v[8] });

describe('IKM (Permenpan RB 14/2017)', () => {
  it('worked example: four respondents, per-element NRR, IKM 81.25 (B, Baik), weakest element U8', () => {
    const result = computeIkm([
      row(3, 3, 4, 3, 3, 4, 4, 2, 3),
      row(4, 3, 3, 4, 3, 4, 4, 2, 3),
      row(3, 2, 3, 4, 3, 3, 4, 3, 3),
      row(3, 3, 3, 4, 4, 3, 4, 2, 4),
    ]);
    expect(result.elements.map((e) => [e.key, e.nrr, e.converted, e.grade])).toEqual([
      ['u1', 3.25, 81.25, 'B'],
      ['u2', 2.75, 68.75, 'C'],
      ['u3', 3.25, 81.25, 'B'],
      ['u4', 3.75, 93.75, 'A'],
      ['u5', 3.25, 81.25, 'B'],
      ['u6', 3.5, 87.5, 'B'],
      ['u7', 4, 100, 'A'],
      ['u8', 2.25, 56.25, 'D'],
      ['u9', 3.25, 81.25, 'B'],
    ]);
    expect(result).toMatchObject({ responses: 4, index: 3.25, ikm: 81.25, grade: 'B', label: { id: 'Baik', en: 'Good' }, weakest: 'u8' });
  });

  it.each<[string, Answers[], number, string]>([
    ['every answer 4', [row(4, 4, 4, 4, 4, 4, 4, 4, 4)], 100, 'A'],
    ['every answer 1', [row(1, 1, 1, 1, 1, 1, 1, 1, 1)], 25, 'D'],
    ['half 3, half 4', [row(3, 3, 3, 3, 3, 3, 3, 3, 3), row(4, 4, 4, 4, 4, 4, 4, 4, 4)], 87.5, 'B'],
    ['every answer 3', [row(3, 3, 3, 3, 3, 3, 3, 3, 3)], 75, 'C'],
    // Σ = 29 over one respondent: 29/9 × 25 = 80.5555… → 80.56
    ['one respondent, sum 29', [row(3, 3, 3, 3, 3, 3, 3, 4, 4)], 80.56, 'B'],
    // Three respondents whose answers average 3.0 on U1 (1, 4, 4): means are taken before rounding.
    [
      'three respondents, thirds',
      [row(1, 4, 4, 4, 4, 4, 4, 4, 4), row(4, 4, 4, 4, 4, 4, 4, 4, 4), row(4, 4, 4, 4, 4, 4, 4, 4, 4)],
      97.22,
      'A',
    ],
  ])('%s → IKM %d, grade %s', (_name, responses, ikm, grade) => {
    expect(computeIkm(responses)).toMatchObject({ ikm, grade });
  });

  it('without responses everything is null, nothing is graded', () => {
    const r = computeIkm([]);
    expect(r).toMatchObject({ responses: 0, index: null, ikm: null, grade: null, weakest: null });
    expect(r.elements.every((e) => e.nrr === null && e.grade === null)).toBe(true);
  });

  it('on a tie the first weakest element in U1–U9 order is named', () => {
    expect(computeIkm([row(4, 2, 4, 4, 2, 4, 4, 4, 4)]).weakest).toBe('u2');
  });

  it.each<[number, string | null]>([
    [100, 'A'],
    [88.31, 'A'],
    [88.305, 'A'], // rounds to 88.31
    [88.3049, 'B'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [64.995, 'C'], // rounds to 65.00
    [25, 'D'],
    [24.99, null],
  ])("a converted value of %d is grade %s (the regulation's intervals, 2 decimals)", (value, grade) => {
    expect(qualityOf(value)?.grade ?? null).toBe(grade);
  });

  it('takes other intervals as configuration', () => {
    const bands = [
      { grade: 'A' as const, min: 90, label: { id: 'A', en: 'A' } },
      { grade: 'B' as const, min: 0, label: { id: 'B', en: 'B' } },
    ];
    expect(qualityOf(89, { bands, decimals: 2 })?.grade).toBe('B');
    expect(computeIkm([row(4, 4, 4, 4, 4, 4, 4, 4, 3)], { bands, decimals: 1 })).toMatchObject({ ikm: 97.2, grade: 'A' });
  });
});
