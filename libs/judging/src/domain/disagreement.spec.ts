import { JudgingErrorCode } from './judging.errors';
import { type DisagreementThresholds, flagDisagreement } from './disagreement';

describe('flagDisagreement', () => {
  const scores = {
    calm: [70, 75, 80], // range 10
    edge: [50, 75], // range 25: not above the default
    split: [40, 90, 66], // range 50
    wide: [60, 90], // range 30
    lonely: [0], // one sheet: no spread
    empty: [],
  };

  const cases: { name: string; threshold?: number | DisagreementThresholds; flagged: string[] }[] = [
    { name: 'default: range above 25 points, widest first', flagged: ['split', 'wide'] },
    { name: 'a lower range threshold', threshold: 10, flagged: ['split', 'wide', 'edge'] },
    { name: 'the threshold itself is not flagged', threshold: 50, flagged: [] },
    { name: 'a standard deviation threshold', threshold: { standardDeviation: 12 }, flagged: ['split', 'wide', 'edge'] },
    { name: 'either limit flags', threshold: { range: 40, standardDeviation: 14 }, flagged: ['split', 'wide'] },
    { name: 'no limits, no flags', threshold: {}, flagged: [] },
  ];

  it.each(cases)('$name', ({ threshold, flagged }) => {
    expect(flagDisagreement(scores, threshold).map((f) => f.innovationId)).toEqual(flagged);
  });

  it('describes the spread', () => {
    const [flag] = flagDisagreement({ split: [40, 90, 65] });
    expect(flag).toEqual({ innovationId: 'split', count: 3, min: 40, max: 90, mean: 65, range: 50, standardDeviation: expect.any(Number) });
    expect(flag.standardDeviation).toBeCloseTo(Math.sqrt((625 + 625 + 0) / 3), 12);
  });

  it('orders equal ranges by standard deviation, then by id', () => {
    const flags = flagDisagreement({ b: [0, 30], a: [0, 30], c: [0, 0, 0, 30], d: [0, 15, 30] });
    expect(flags.map((f) => f.innovationId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    { name: 'a negative threshold', input: { x: [1, 2] }, threshold: -1 },
    { name: 'a NaN threshold', input: { x: [1, 2] }, threshold: { standardDeviation: Number.NaN } },
    { name: 'a non-finite score', input: { x: [1, Number.NaN] }, threshold: undefined },
  ])('rejects $name', ({ input, threshold }) => {
    expect(() => flagDisagreement(input, threshold)).toThrow(
      expect.objectContaining({ code: JudgingErrorCode.InvalidInput, kind: 'invalid' }),
    );
  });
});
