import { jurorReport, spearman } from './juror-report';
import { ScoringInputError } from './scoring.errors';
import { oneStage } from './testing/fixtures';

describe('jurorReport', () => {
  // A scores p, q, r, s: 60, 70, 80, 90 (μ 75); B scores p, q, r: 80, 85, 90 (μ 85, lenient);
  // C scores s only: 50. Stage: 8 sheets, μS = (300 + 255 + 50)/8 = 75.625.
  const input = oneStage([
    ['A', 'p', 60],
    ['A', 'q', 70],
    ['A', 'r', 80],
    ['A', 's', 90],
    ['B', 'p', 80],
    ['B', 'q', 85],
    ['B', 'r', 90],
    ['C', 's', 50],
  ]);

  it('compares each juror with the stage: count, mean, SD, leniency and agreement', () => {
    const report = jurorReport(input, 's');
    expect(report).toMatchObject({ stage: 's', sheets: 8, mean: 75.625 });
    const [a, b, c] = report.jurors;
    // A vs the others on p, q, r (B) and s (C): deviations −20, −15, −10, +40 → MAD 85/4 = 21.25;
    // ranks of A (1, 2, 3, 4) vs others' (2, 3, 4, 1): ρ = 1 − 6·(1 + 1 + 1 + 9)/(4·15) = −0.2
    expect(a).toEqual({
      juror: 'A',
      sheets: 4,
      mean: 75,
      sd: Math.sqrt(125),
      leniency: 75 - 75.625,
      sdRatio: Math.sqrt(125) / report.sd!,
      agreement: { sharedInnovations: 4, meanAbsoluteDeviation: 21.25, spearman: expect.closeTo(-0.2, 12) },
    });
    // B vs A on p, q, r: +20, +15, +10 → MAD 15; same order → ρ = 1
    expect(b).toMatchObject({
      juror: 'B',
      sheets: 3,
      mean: 85,
      leniency: 85 - 75.625,
      agreement: { sharedInnovations: 3, meanAbsoluteDeviation: 15, spearman: expect.closeTo(1, 12) },
    });
    // C vs A on s: −40; one shared innovation → no Spearman
    expect(c).toMatchObject({
      juror: 'C',
      sheets: 1,
      mean: 50,
      sd: 0,
      agreement: { sharedInnovations: 1, meanAbsoluteDeviation: 40, spearman: null },
    });
  });

  it('has no agreement for a juror who shares no innovation, and handles an empty stage', () => {
    const report = jurorReport(
      oneStage([
        ['A', 'p', 60],
        ['B', 'q', 70],
      ]),
      's',
    );
    expect(report.jurors.map((j) => j.agreement)).toEqual([
      { sharedInnovations: 0, meanAbsoluteDeviation: null, spearman: null },
      { sharedInnovations: 0, meanAbsoluteDeviation: null, spearman: null },
    ]);
    const empty = { ...oneStage([]), submissions: [{ id: 'p', category: 'kota' }] };
    expect(jurorReport(empty, 's')).toEqual({ stage: 's', sheets: 0, mean: null, sd: null, jurors: [] });
  });

  it('rejects an unknown stage', () => {
    expect(() => jurorReport(input, 'field')).toThrow(ScoringInputError);
  });
});

describe('spearman', () => {
  it.each([
    [[1, 2, 3], [10, 20, 30], 1],
    [[1, 2, 3], [30, 20, 10], -1],
    [[1, 2, 3, 4], [2, 3, 4, 1], -0.2],
    [[1, 1, 2], [1, 2, 3], Math.sqrt(3) / 2], // ties take average ranks: (1.5, 1.5, 3) vs (1, 2, 3)
    [[5, 5, 5], [1, 2, 3], null], // no variation
  ])('spearman(%j, %j) = %p', (xs, ys, expected) => {
    const rho = spearman(xs, ys);
    if (expected === null) expect(rho).toBeNull();
    else expect(rho).toBeCloseTo(expected, 12);
  });
});
