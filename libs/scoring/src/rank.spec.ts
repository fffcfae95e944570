import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { rank } from './rank';
import { deepFreeze, exampleInput, oneStage, sheet, stage, submission } from './testing/fixtures';
import type { RankOutput, ScoringInput, StageInput } from './types';

/** [submission, rank, final] of a category's rows, in output order. */
function table(output: RankOutput, category = 'kota'): [string, number, number][] {
  return output.categories[category].map((r) => [r.submission, r.rank, r.final]);
}

/** The stage score of the only submission "p" of a one-stage input. */
function stageScoreOfP(input: ScoringInput): number {
  return rank(input).categories.kota.find((r) => r.submission === 'p')!.stages.s;
}

describe('rank: the DESIGN §4 example', () => {
  it('gives exactly the documented output', () => {
    const input = exampleInput();
    const digest = `sha256:${createHash('sha256').update(canonicalize(input)!).digest('hex')}`;
    expect(rank(input)).toEqual({
      inputsDigest: digest,
      categories: {
        kota: [{ rank: 1, submission: 'sitaro', final: 78, band: 'Sangat Inovatif', stages: { presentation: 80, field: 75 } }],
      },
      unranked: [],
    });
  });

  it('prints in the contract key order and shortest number form', () => {
    const json = JSON.stringify(rank(exampleInput()));
    expect(json.replace(/sha256:[0-9a-f]{64}/, 'sha256:…')).toBe(
      '{"inputsDigest":"sha256:…","categories":{"kota":[{"rank":1,"submission":"sitaro","final":78,"band":"Sangat Inovatif",' +
        '"stages":{"presentation":80,"field":75}}]},"unranked":[]}',
    );
  });

  it('does not modify its input', () => {
    const input = deepFreeze(exampleInput());
    const before = JSON.stringify(input);
    expect(() => rank(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('rank: sheet score (§4.1)', () => {
  it.each([
    // criteria, scores, expected r (rounded to 4)
    [[{ key: 'a', weight: 3, min: 0, max: 10 }], { a: 8 }, 80],
    [[{ key: 'a', weight: 1, min: 1, max: 5 }], { a: 4 }, 75],
    [[{ key: 'a', weight: 1, min: 1, max: 5 }], { a: 1 }, 0],
    [[{ key: 'a', weight: 1, min: 1, max: 5 }], { a: 5 }, 100],
    // 100 · (2·(6−0)/10 + 1·(3−1)/4) / 3 = 100 · (1.2 + 0.5) / 3 = 56.6666…
    [
      [
        { key: 'a', weight: 2, min: 0, max: 10 },
        { key: 'b', weight: 1, min: 1, max: 5 },
      ],
      { a: 6, b: 3 },
      56.6667,
    ],
    // a weight-0 criterion is required but does not count: 100 · (1·(2.5−0)/5) / 1 = 50
    [
      [
        { key: 'a', weight: 1, min: 0, max: 5 },
        { key: 'b', weight: 0, min: 0, max: 5 },
      ],
      { a: 2.5, b: 5 },
      50,
    ],
    // negative ranges: 100 · (−1 − (−3)) / (1 − (−3)) = 50
    [[{ key: 'a', weight: 1, min: -3, max: 1 }], { a: -1 }, 50],
  ])('criteria %j with scores %j → %p', (criteria, scores, expected) => {
    const input: ScoringInput = {
      stages: [{ key: 's', weight: 1, criteria }],
      submissions: [submission('p')],
      sheets: [{ stage: 's', juror: 'j', submission: 'p', scores }],
    };
    expect(stageScoreOfP(input)).toBe(expected);
  });
});

describe('rank: aggregation per stage (§4.2)', () => {
  const seven = [10, 20, 30, 40, 80, 90, 100]; // mean 52.857…, median 40, trim 1 → 52, trim 2 → 50
  it.each<[string, ScoringInput['method'], Partial<StageInput>, number[], number]>([
    ['mean is the default', {}, {}, [70, 80, 95], 81.6667],
    ['no method at all: mean', undefined, {}, [70, 80, 95], 81.6667],
    ['mean', { aggregation: 'mean' }, {}, [70, 80, 95], 81.6667],
    ['median, odd n', { aggregation: 'median' }, {}, [95, 70, 80], 80],
    ['median, even n: mean of the middle two', { aggregation: 'median' }, {}, [90, 60, 100, 70], 80],
    ['trimmed_mean: trim defaults to 1', { aggregation: 'trimmed_mean' }, {}, [100, 10, 80, 70, 90], 80],
    ['trimmed_mean trim 2', { aggregation: 'trimmed_mean', trim: 2 }, {}, seven, 50],
    ['trimmed_mean n = 2k: plain mean', { aggregation: 'trimmed_mean', trim: 1 }, {}, [10, 20], 15],
    ['trimmed_mean n < 2k: plain mean', { aggregation: 'trimmed_mean', trim: 1 }, {}, [42], 42],
    ['trimmed_mean n = 2k with k = 2: plain mean', { aggregation: 'trimmed_mean', trim: 2 }, {}, [10, 20, 30, 100], 40],
    ['trimmed_mean trim 0: plain mean', { aggregation: 'trimmed_mean', trim: 0 }, {}, [10, 20, 90], 40],
    ['stage aggregation overrides method', { aggregation: 'median' }, { aggregation: 'mean' }, seven, 52.8571],
    ['stage aggregation falls back to method.trim', { aggregation: 'median', trim: 2 }, { aggregation: 'trimmed_mean' }, seven, 50],
    ['stage trim overrides method.trim', { aggregation: 'trimmed_mean', trim: 2 }, { trim: 1 }, seven, 52],
    ['stage trim 0 overrides method.trim', { aggregation: 'trimmed_mean', trim: 2 }, { trim: 0 }, seven, 52.8571],
    ['stage trimmed_mean without any trim: default 1', {}, { aggregation: 'trimmed_mean' }, seven, 52],
    ['method trim alone changes nothing under mean', { trim: 3 }, {}, seven, 52.8571],
    ['stage aggregation null falls back to method', { aggregation: 'median' }, { aggregation: null }, seven, 40],
  ])('%s', (_name, method, stageExtra, values, expected) => {
    const input = oneStage(
      values.map((x, i) => [`j${i}`, 'p', x] as const),
      method,
    );
    if (method === undefined) delete input.method;
    input.stages = [stage('s', 1, stageExtra)];
    expect(stageScoreOfP(input)).toBe(expected);
  });

  it('each stage aggregates on its own', () => {
    const input: ScoringInput = {
      method: { aggregation: 'median' },
      stages: [stage('a', 1), stage('b', 1, { aggregation: 'trimmed_mean', trim: 1 }), stage('c', 1, { aggregation: 'mean' })],
      submissions: [submission('p')],
      sheets: ['a', 'b', 'c'].flatMap((s) => [10, 20, 90].map((x, j) => sheet(s, `j${j}`, 'p', x))),
    };
    expect(rank(input).categories.kota[0].stages).toEqual({ a: 20, b: 20, c: 40 });
  });
});

describe('rank: zscore (§4.2)', () => {
  it('standardizes per juror over the whole stage (all categories); a single-sheet juror keeps raw scores', () => {
    // A: p 60, q 80 (μ 70, σ 10); B: p 80, q 100 (μ 90, σ 10); C: r 80 only (raw).
    // All five sheets: μS = 80, σS = √160 = 12.6491106407.
    // p: A 80 − 12.6491106407 = 67.3508893593, B 80 + 12.649…·(80 − 90)/10 = the same → 67.3509
    // q: 80 + 12.6491106407 = 92.6491106407 (both) → 92.6491; r: raw 80.
    const input = oneStage(
      [
        ['A', 'p', 60],
        ['A', 'q', 80],
        ['B', 'p', 80],
        ['B', 'q', 100],
        ['C', 'r', 80],
      ],
      { aggregation: 'zscore' },
      [submission('p', 'kota'), submission('q', 'kabupaten'), submission('r', 'kota')],
    );
    const output = rank(input);
    expect(table(output, 'kota')).toEqual([
      ['r', 1, 80],
      ['p', 2, 67.3509],
    ]);
    expect(table(output, 'kabupaten')).toEqual([['q', 1, 92.6491]]);
  });

  it('a juror with σj = 0 keeps raw scores, but still counts in μS and σS', () => {
    // A: p 60, q 80 (μ 70, σ 10); D: p 70, q 70 (σ 0: raw). μS = 70, σS = √50 = 7.0710678119.
    // p: (70 − 7.0710678119 + 70)/2 = 66.4644660941 → 66.4645; q: (70 + 7.0710678119 + 70)/2 = 73.5355339059 → 73.5355
    const output = rank(
      oneStage(
        [
          ['A', 'p', 60],
          ['A', 'q', 80],
          ['D', 'p', 70],
          ['D', 'q', 70],
        ],
        { aggregation: 'zscore' },
      ),
    );
    expect(table(output)).toEqual([
      ['q', 1, 73.5355],
      ['p', 2, 66.4645],
    ]);
  });

  it('clamps adjusted sheets to [0, 100]', () => {
    // A: p 90, q 100 (μ 95, σ 5); B: p 0, q 100 (μ 50, σ 50). μS = 72.5, σS = √1768.75 = 42.0565096032.
    // p: A 72.5 + 42.0565096032·(−5)/5 = 30.4434903968, B the same → 30.4435
    // q: 72.5 + 42.0565096032 = 114.5565… → clamped to 100 for both → 100
    const output = rank(
      oneStage(
        [
          ['A', 'p', 90],
          ['A', 'q', 100],
          ['B', 'p', 0],
          ['B', 'q', 100],
        ],
        { aggregation: 'zscore' },
      ),
    );
    expect(table(output)).toEqual([
      ['q', 1, 100],
      ['p', 2, 30.4435],
    ]);
  });

  it('only the stages aggregating by zscore are adjusted, each with its own statistics', () => {
    const input: ScoringInput = {
      stages: [stage('z', 1, { aggregation: 'zscore' }), stage('m', 1)],
      submissions: [submission('p'), submission('q')],
      sheets: [
        ...[
          ['A', 'p', 60],
          ['A', 'q', 80],
          ['D', 'p', 70],
          ['D', 'q', 70],
        ].map(([j, s, x]) => sheet('z', j as string, s as string, x as number)),
        ...[
          ['A', 'p', 60],
          ['A', 'q', 80],
          ['D', 'p', 70],
          ['D', 'q', 70],
        ].map(([j, s, x]) => sheet('m', j as string, s as string, x as number)),
      ],
    };
    const rows = rank(input).categories.kota;
    expect(rows.map((r) => [r.submission, r.stages])).toEqual([
      ['q', { z: 73.5355, m: 75 }],
      ['p', { z: 66.4645, m: 65 }],
    ]);
    // F = (73.5355 + 75)/2 = 74.26775 → 74.2678; (66.4645 + 65)/2 = 65.73225 → 65.7323
    expect(rows.map((r) => r.final)).toEqual([74.2678, 65.7323]);
  });
});

describe('rank: rounding (§4.4)', () => {
  it('rounds a stage score half away from zero at 4 decimals', () => {
    expect(
      stageScoreOfP(
        oneStage([
          ['a', 'p', 80.0001],
          ['b', 'p', 80],
        ]),
      ),
    ).toBe(80.0001); // 80.00005
    expect(
      stageScoreOfP(
        oneStage([
          ['a', 'p', 80.0001],
          ['b', 'p', 80],
          ['c', 'p', 80],
        ]),
      ),
    ).toBe(80); // 80.0000333…
  });

  it('computes F from the rounded stage scores', () => {
    // a: 70.00005 → 70.0001, b: 69.99995 → 70; F = (70.0001 + 70)/2 = 70.00005 → 70.0001
    // (from the unrounded stage scores it would be exactly 70)
    const input: ScoringInput = {
      stages: [stage('a', 1), stage('b', 1)],
      submissions: [submission('p')],
      sheets: [sheet('a', 'j', 'p', 70.00005), sheet('b', 'j', 'p', 69.99995)],
    };
    expect(rank(input).categories.kota[0]).toMatchObject({ final: 70.0001, stages: { a: 70.0001, b: 70 } });
  });

  it('decimals 0 rounds stage scores and F to integers', () => {
    // a: (80 + 81)/2 = 80.5 → 81, b: (79 + 80)/2 = 79.5 → 80; F = 80.5 → 81
    const input: ScoringInput = {
      method: { decimals: 0 },
      stages: [stage('a', 1), stage('b', 1)],
      submissions: [submission('p')],
      sheets: [sheet('a', 'j', 'p', 80), sheet('a', 'k', 'p', 81), sheet('b', 'j', 'p', 79), sheet('b', 'k', 'p', 80)],
    };
    expect(rank(input).categories.kota[0]).toMatchObject({ final: 81, stages: { a: 81, b: 80 } });
  });

  it.each([
    [10, 80.6666666667],
    [2, 80.67],
    [4, 80.6667],
  ])('decimals %p', (decimals, expected) => {
    expect(
      stageScoreOfP(
        oneStage(
          [
            ['a', 'p', 80],
            ['b', 'p', 81],
            ['c', 'p', 81],
          ],
          { decimals },
        ),
      ),
    ).toBe(expected);
  });

  it('compares rounded values: finals equal after rounding share a rank', () => {
    const output = rank(
      oneStage(
        [
          ['j', 'x', 80.00004],
          ['j', 'y', 80.00001],
        ],
        { tieBreak: [] },
      ),
    );
    expect(table(output)).toEqual([
      ['x', 1, 80],
      ['y', 1, 80],
    ]);
  });
});

describe('rank: final score, stages and unranked (§4.3)', () => {
  const stages = [stage('presentation', 60), stage('field', 40), stage('review', 0)];

  it('weights the weighted stages only; a weight-0 stage still shows in the row, in input stage order', () => {
    const input: ScoringInput = {
      stages: [stage('review', 0), ...stages.slice(0, 2)],
      submissions: [submission('x')],
      sheets: [sheet('field', 'j', 'x', 75), sheet('review', 'j', 'x', 10), sheet('presentation', 'j', 'x', 80)],
    };
    const [row] = rank(input).categories.kota;
    expect(row).toEqual({ rank: 1, submission: 'x', final: 78, band: null, stages: { review: 10, presentation: 80, field: 75 } });
    expect(Object.keys(row.stages)).toEqual(['review', 'presentation', 'field']);
  });

  it('a row lists only the stages it has sheets for', () => {
    const input: ScoringInput = {
      stages,
      submissions: [submission('x')],
      sheets: [sheet('field', 'j', 'x', 75), sheet('presentation', 'j', 'x', 80)],
    };
    expect(rank(input).categories.kota[0].stages).toEqual({ presentation: 80, field: 75 });
  });

  it('lists an innovation missing a weighted stage score as unranked, with the last stage it reached', () => {
    const input: ScoringInput = {
      stages,
      submissions: [
        submission('w', 'kota'),
        submission('z', 'kabupaten'),
        submission('v', 'kota'),
        submission('y', 'kota'),
        submission('x', 'kota'),
      ],
      sheets: [
        sheet('presentation', 'j', 'x', 80),
        sheet('field', 'j', 'x', 75),
        sheet('presentation', 'j', 'y', 70), // no field: reached presentation
        sheet('review', 'j', 'v', 50), // only the weight-0 stage, which is last in input order
        sheet('presentation', 'j', 'v', 50),
        sheet('field', 'j', 'z', 90), // no presentation
      ],
    };
    const output = rank(input);
    expect(output.unranked).toEqual([
      { submission: 'v', category: 'kota', reachedStage: 'review' },
      { submission: 'w', category: 'kota', reachedStage: null },
      { submission: 'y', category: 'kota', reachedStage: 'presentation' },
      { submission: 'z', category: 'kabupaten', reachedStage: 'field' },
    ]);
    expect(output.categories).toEqual({ kabupaten: [], kota: [expect.objectContaining({ submission: 'x', final: 78 })] });
    expect(Object.keys(output.unranked[0])).toEqual(['submission', 'category', 'reachedStage']);
  });

  it('with no sheets at all, every category is present and empty and everything is unranked', () => {
    const input: ScoringInput = { stages, submissions: [submission('b', 'provinsi'), submission('a', 'kota')], sheets: [] };
    const output = rank(input);
    expect(output.categories).toEqual({ kota: [], provinsi: [] });
    expect(output.unranked).toEqual([
      { submission: 'a', category: 'kota', reachedStage: null },
      { submission: 'b', category: 'provinsi', reachedStage: null },
    ]);
  });

  it('treats keys such as "__proto__" as ordinary category and stage keys', () => {
    const input: ScoringInput = {
      stages: [stage('__proto__', 1), stage('constructor', 0)],
      submissions: [submission('p', '__proto__'), submission('q', 'toString')],
      sheets: [sheet('__proto__', 'j', 'p', 80), sheet('constructor', 'j', 'p', 70)],
    };
    const output = JSON.parse(JSON.stringify(rank(input)));
    expect(Object.keys(output.categories)).toEqual(['__proto__', 'toString']);
    expect(output.categories.__proto__).toEqual([
      { rank: 1, submission: 'p', final: 80, band: null, stages: JSON.parse('{"__proto__":80,"constructor":70}') },
    ]);
    expect(output.unranked).toEqual([{ submission: 'q', category: 'toString', reachedStage: null }]);
  });

  it('with no submissions, the output is empty', () => {
    expect(rank({ stages, submissions: [], sheets: [] })).toEqual({
      inputsDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      categories: {},
      unranked: [],
    });
  });
});

describe('rank: ranking and tie-breaks (§4.5)', () => {
  it('shares a rank when still tied: competition ranking 1, 2, 2, 4, ties ordered by id', () => {
    const output = rank(
      oneStage(
        [
          ['j', 'd', 70],
          ['j', 'c', 80],
          ['j', 'a', 90],
          ['j', 'b', 80],
        ],
        { tieBreak: [] },
      ),
    );
    expect(table(output)).toEqual([
      ['a', 1, 90],
      ['b', 2, 80],
      ['c', 2, 80],
      ['d', 4, 70],
    ]);
  });

  it('orders ids by UTF-16 code units, not by locale', () => {
    const output = rank(oneStage(['b', 'a', 'B', '_', 'Ä', 'é'].map((id) => ['j', id, 50] as const)));
    expect(table(output).map(([id, r]) => [id, r])).toEqual([
      ['B', 1],
      ['_', 1],
      ['a', 1],
      ['b', 1],
      ['Ä', 1],
      ['é', 1],
    ]);
  });

  it('ranks each category on its own', () => {
    const output = rank(
      oneStage(
        [
          ['j', 'a', 90],
          ['j', 'b', 80],
          ['j', 'c', 85],
        ],
        {},
        [submission('a'), submission('b'), submission('c', 'kabupaten')],
      ),
    );
    expect(table(output, 'kota')).toEqual([
      ['a', 1, 90],
      ['b', 2, 80],
    ]);
    expect(table(output, 'kabupaten')).toEqual([['c', 1, 85]]);
  });

  describe('"stage:KEY" tie-breaks', () => {
    // x: p 80, f 70; y: p 70, f 80 — both F = 75
    const tied = (tieBreak?: string[]): ScoringInput => ({
      method: tieBreak ? { tieBreak } : {},
      stages: [stage('p', 1), stage('f', 1)],
      submissions: [submission('x'), submission('y')],
      sheets: [sheet('p', 'j', 'x', 80), sheet('f', 'j', 'x', 70), sheet('p', 'j', 'y', 70), sheet('f', 'j', 'y', 80)],
    });
    it.each<[string[] | undefined, [string, number, number][]]>([
      [
        ['stage:p'],
        [
          ['x', 1, 75],
          ['y', 2, 75],
        ],
      ],
      [
        ['stage:f'],
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ],
      [
        ['stage:f', 'stage:p'],
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ],
      [
        [],
        [
          ['x', 1, 75],
          ['y', 1, 75],
        ],
      ],
      [
        undefined,
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ], // default: the weighted stages from last (f) to first
    ])('tieBreak %j', (tieBreak, expected) => {
      expect(table(rank(tied(tieBreak)))).toEqual(expected);
    });
  });

  it('the default tie-break goes from the last weighted stage to the first and skips weight-0 stages', () => {
    // x: a 90, b 70, c 80, r 100; y: a 70, b 90, c 80, r 0 — F = 80 for both, c ties, b decides: y first.
    // (first-to-last would pick x on a; a weight-0 r would pick x)
    const input: ScoringInput = {
      stages: [stage('a', 1), stage('b', 1), stage('c', 1), stage('r', 0)],
      submissions: [submission('x'), submission('y')],
      sheets: [
        ...Object.entries({ a: 90, b: 70, c: 80, r: 100 }).map(([s, v]) => sheet(s, 'j', 'x', v)),
        ...Object.entries({ a: 70, b: 90, c: 80, r: 0 }).map(([s, v]) => sheet(s, 'j', 'y', v)),
      ],
    };
    expect(table(rank(input))).toEqual([
      ['y', 1, 80],
      ['x', 2, 80],
    ]);
  });

  it('an innovation without a score for the tie-break stage sorts after those with one', () => {
    const input: ScoringInput = {
      method: { tieBreak: ['stage:r'] },
      stages: [stage('p', 1), stage('r', 0)],
      submissions: [submission('a'), submission('b'), submission('c'), submission('d')],
      sheets: [
        sheet('p', 'j', 'a', 80),
        sheet('p', 'j', 'b', 80),
        sheet('r', 'j', 'b', 1),
        sheet('p', 'j', 'c', 80),
        sheet('p', 'j', 'd', 80),
        sheet('r', 'j', 'd', 0),
      ],
    };
    // b (1) > d (0) > a, c without r (tied with each other)
    expect(table(rank(input))).toEqual([
      ['b', 1, 80],
      ['d', 2, 80],
      ['a', 3, 80],
      ['c', 3, 80],
    ]);
  });

  it('"submittedAt" puts the earlier instant first, comparing offsets and fractions as instants', () => {
    const input = oneStage(
      [
        ['j', 'a', 80],
        ['j', 'b', 80],
        ['j', 'c', 80],
        ['j', 'd', 80],
        ['j', 'e', 80],
      ],
      { tieBreak: ['submittedAt'] },
      [
        submission('a', 'kota', '2024-09-01T15:00:00+07:00'), // 08:00:00Z
        submission('b', 'kota', '2024-09-01T07:59:59.999Z'),
        submission('c', 'kota', '2024-09-01T08:00:00.25Z'),
        submission('d', 'kota', '2024-09-01T08:00:00Z'), // same instant as a
        submission('e', 'kota', '2024-09-01T08:00:00.2500001Z'),
      ],
    );
    expect(table(rank(input))).toEqual([
      ['b', 1, 80],
      ['a', 2, 80],
      ['d', 2, 80],
      ['c', 4, 80],
      ['e', 5, 80],
    ]);
  });

  it('chains tie-breaks: a stage first, then submission time', () => {
    const input: ScoringInput = {
      method: { tieBreak: ['stage:f', 'submittedAt'] },
      stages: [stage('p', 1), stage('f', 1)],
      submissions: [
        submission('x', 'kota', '2024-09-02T00:00:00Z'),
        submission('y', 'kota', '2024-09-01T00:00:00Z'),
        submission('z', 'kota', '2024-08-01T00:00:00Z'),
      ],
      sheets: [
        ...[
          ['x', 80, 70],
          ['y', 80, 70],
          ['z', 70, 80],
        ].flatMap(([s, p, f]) => [sheet('p', 'j', s as string, p as number), sheet('f', 'j', s as string, f as number)]),
      ],
    };
    // all F = 75; z has the best f; x and y tie on f, y was submitted earlier
    expect(table(rank(input))).toEqual([
      ['z', 1, 75],
      ['y', 2, 75],
      ['x', 3, 75],
    ]);
  });

  it('ignores submittedAt (even an invalid one) when the tie-break does not use it', () => {
    const input = oneStage(
      [
        ['j', 'a', 80],
        ['j', 'b', 80],
      ],
      {},
      [submission('a', 'kota', 'yesterday'), { id: 'b', category: 'kota' }],
    );
    expect(table(rank(input))).toEqual([
      ['a', 1, 80],
      ['b', 1, 80],
    ]);
  });
});

describe('rank: bands (§4.6)', () => {
  const bands = [
    { label: 'Inovatif', min: 50 },
    { label: 'Sangat Inovatif', min: 75 },
    { label: 'Kurang Inovatif', min: 0.01 },
  ];
  it.each([
    [78, 'Sangat Inovatif'],
    [75, 'Sangat Inovatif'],
    [74.9999, 'Inovatif'],
    [50, 'Inovatif'],
    [49.9999, 'Kurang Inovatif'],
    [0.01, 'Kurang Inovatif'],
    [0, null],
  ])('F = %p → %p (bands sorted by min descending, first with min ≤ F)', (final, band) => {
    const input = { ...oneStage([['j', 'p', final]]), bands };
    expect(rank(input).categories.kota[0].band).toBe(band);
  });

  it.each([
    [
      [
        { label: 'A', min: 50 },
        { label: 'B', min: 50 },
      ],
      'A',
    ],
    [
      [
        { label: 'B', min: 50 },
        { label: 'A', min: 50 },
      ],
      'B',
    ],
    [
      [
        { label: 'C', min: 10 },
        { label: 'B', min: 50 },
        { label: 'A', min: 50 },
        { label: 'D', min: 60 },
      ],
      'B',
    ],
  ])('equal min keeps the input order: %j → %p', (bandList, band) => {
    expect(rank({ ...oneStage([['j', 'p', 55]]), bands: bandList }).categories.kota[0].band).toBe(band);
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['empty', []],
  ])('bands %s → band null', (_name, bandList) => {
    const input: ScoringInput = { ...oneStage([['j', 'p', 55]]), bands: bandList };
    expect(rank(input).categories.kota[0].band).toBeNull();
  });
});

describe('rank: inputsDigest (§4.7)', () => {
  const digestOf = (input: unknown) => rank(input).inputsDigest;

  it('is sha256 of the JCS canonical JSON of the input as given', () => {
    const input = { ...exampleInput(), note: 'unknown fields are kept', stages: exampleInput().stages.map((s) => ({ ...s, label: 'x' })) };
    expect(digestOf(input)).toBe(`sha256:${createHash('sha256').update(canonicalize(input)!).digest('hex')}`);
  });

  it('keeps unknown fields and fills in no defaults', () => {
    const base = exampleInput();
    const { method: _method, ...withoutMethod } = base;
    const digests = [
      digestOf(base),
      digestOf({ ...base, note: 'x' }),
      digestOf({ ...base, sheets: base.sheets.map((s) => ({ ...s, comment: 'good' })) }),
      digestOf(withoutMethod),
      digestOf({ ...withoutMethod, method: {} }),
      digestOf({ ...withoutMethod, method: { aggregation: 'mean', trim: 1, decimals: 4 } }),
    ];
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('does not depend on key order', () => {
    const input = exampleInput();
    const reordered = JSON.parse(
      JSON.stringify(
        input,
        Object.keys(input)
          .reverse()
          .concat(
            [
              'key',
              'weight',
              'criteria',
              'min',
              'max',
              'label',
              'id',
              'category',
              'submittedAt',
              'stage',
              'juror',
              'submission',
              'scores',
              'novelty',
              'impact',
              'aggregation',
              'trim',
              'decimals',
              'tieBreak',
            ].reverse(),
          ),
      ),
    );
    expect(Object.keys(reordered)).not.toEqual(Object.keys(input));
    expect(digestOf(reordered)).toBe(digestOf(input));
  });
});
