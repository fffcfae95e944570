import { type CutoffCandidate, applyAdvanceRule } from './cutoffs';
import { ScoringInputError } from './scoring.errors';

const candidates: CutoffCandidate[] = [
  { id: 'a', category: 'kota', score: 90 },
  { id: 'b', category: 'kota', score: 80 },
  { id: 'c', category: 'kota', score: 80 },
  { id: 'd', category: 'kota', score: 70 },
  { id: 'e', category: 'kota', score: null },
  { id: 'f', category: 'kabupaten', score: 61.2 },
  { id: 'g', category: 'kabupaten', score: 75 },
];

function outcomes(rule: Parameters<typeof applyAdvanceRule>[1]): Record<string, [string, number | null]> {
  return Object.fromEntries(applyAdvanceRule(candidates, rule).map((d) => [d.id, [d.outcome, d.rank]]));
}

describe('applyAdvanceRule', () => {
  it.each<[number, string[]]>([
    [0, []],
    [1, ['a', 'g']],
    [2, ['a', 'b', 'c', 'f', 'g']], // b and c tie at the boundary (rank 2): both advance
    [3, ['a', 'b', 'c', 'f', 'g']], // rank 4 (d) is beyond 3
    [4, ['a', 'b', 'c', 'd', 'f', 'g']],
    [10, ['a', 'b', 'c', 'd', 'f', 'g']], // e has no score
  ])('top %p per category passes %j', (n, passed) => {
    const result = outcomes({ type: 'top', n });
    expect(Object.keys(result).filter((id) => result[id][0] === 'passed')).toEqual(passed);
  });

  it('ranks within each category by competition ranking; no score → eliminated with no rank', () => {
    expect(outcomes({ type: 'top', n: 2 })).toEqual({
      a: ['passed', 1],
      b: ['passed', 2],
      c: ['passed', 2],
      d: ['eliminated', 4],
      e: ['eliminated', null],
      f: ['passed', 2],
      g: ['passed', 1],
    });
  });

  it('gives human reasons', () => {
    const reasons = Object.fromEntries(applyAdvanceRule(candidates, { type: 'top', n: 2 }).map((d) => [d.id, d.reason]));
    expect(reasons).toMatchObject({
      a: 'rank 1 of 4 in kota, within the top 2',
      c: 'rank 2 of 4 in kota, within the top 2',
      d: 'rank 4 of 4 in kota, outside the top 2',
      e: 'no score in this stage',
    });
    const threshold = Object.fromEntries(applyAdvanceRule(candidates, { type: 'threshold', min: 70 }).map((d) => [d.id, d.reason]));
    expect(threshold).toMatchObject({
      f: 'score 61.2 below threshold 70 (rank 2 of 2 in kabupaten)',
      d: 'score 70 meets threshold 70 (rank 4 of 4 in kota)',
    });
  });

  it.each<[number, string[]]>([
    [70, ['a', 'b', 'c', 'd', 'g']], // a score equal to min passes
    [80, ['a', 'b', 'c']],
    [61.2, ['a', 'b', 'c', 'd', 'f', 'g']],
    [100, []],
    [-1, ['a', 'b', 'c', 'd', 'f', 'g']], // still not e: no score
  ])('threshold %p passes %j', (min, passed) => {
    const result = outcomes({ type: 'threshold', min });
    expect(Object.keys(result).filter((id) => result[id][0] === 'passed')).toEqual(passed);
  });

  it('keeps the candidates order and handles no candidates', () => {
    expect(applyAdvanceRule([...candidates].reverse(), { type: 'top', n: 1 }).map((d) => d.id)).toEqual([
      'g',
      'f',
      'e',
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(applyAdvanceRule([], { type: 'top', n: 3 })).toEqual([]);
  });

  it.each([
    [{ type: 'top', n: -1 }],
    [{ type: 'top', n: 1.5 }],
    [{ type: 'top' }],
    [{ type: 'threshold', min: '70' }],
    [{ type: 'threshold', min: NaN }],
    [{ type: 'best', n: 3 }],
    [null],
  ])('rejects the rule %j', (rule) => {
    expect(() => applyAdvanceRule(candidates, rule as never)).toThrow(ScoringInputError);
  });

  it('rejects duplicate ids and non-finite scores', () => {
    expect(() => applyAdvanceRule([candidates[0], candidates[0]], { type: 'top', n: 1 })).toThrow(/duplicate candidate id "a"/);
    expect(() => applyAdvanceRule([{ id: 'x', category: 'kota', score: NaN }], { type: 'top', n: 1 })).toThrow(/non-finite/);
  });
});
