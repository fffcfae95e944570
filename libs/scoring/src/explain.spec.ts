import { explain } from './explain';
import { rank } from './rank';
import { oneStage, sheet, stage, submission } from './testing/fixtures';
import type { ScoringInput } from './types';

describe('explain', () => {
  const input: ScoringInput = {
    method: { aggregation: 'mean' },
    stages: [stage('desk', 0, { aggregation: 'trimmed_mean', trim: 1 }), stage('presentation', 60), stage('field', 40)],
    bands: [{ label: 'Sangat Inovatif', min: 75 }],
    submissions: [submission('q', 'kota'), submission('p', 'kota')],
    sheets: [
      ...[
        ['j4', 90],
        ['j1', 10],
        ['j3', 60],
        ['j2', 50],
      ].map(([j, v]) => sheet('desk', j as string, 'p', v as number)),
      sheet('presentation', 'j1', 'p', 80),
      sheet('field', 'j2', 'p', 75),
      sheet('desk', 'j1', 'q', 40),
    ],
  };

  it('shows each juror’s sheet score, the trimmed values, each stage score and its weight, and the final', () => {
    const [p, q] = explain(input);
    const raw = (juror: string, score: number, trimmed = false) => ({ juror, score, adjusted: null, jurorScale: null, trimmed });
    expect(p).toEqual({
      submission: 'p',
      category: 'kota',
      rank: 1,
      final: 78,
      band: 'Sangat Inovatif',
      reachedStage: 'field',
      stages: [
        // sorted 10, 50, 60, 90: the lowest (j1) and highest (j4) are trimmed → (50 + 60)/2
        {
          stage: 'desk',
          aggregation: 'trimmed_mean',
          trim: 1,
          stageScale: null,
          sheets: [raw('j1', 10, true), raw('j2', 50), raw('j3', 60), raw('j4', 90, true)],
          score: 55,
          weight: 0,
          share: 0,
        },
        {
          stage: 'presentation',
          aggregation: 'mean',
          trim: null,
          stageScale: null,
          sheets: [raw('j1', 80)],
          score: 80,
          weight: 60,
          share: 0.6,
        },
        { stage: 'field', aggregation: 'mean', trim: null, stageScale: null, sheets: [raw('j2', 75)], score: 75, weight: 40, share: 0.4 },
      ],
    });
    expect(q).toMatchObject({ submission: 'q', rank: null, final: null, band: null, reachedStage: 'desk' });
    expect(q.stages.map((s) => [s.stage, s.score, s.sheets.length])).toEqual([
      ['desk', 40, 1],
      ['presentation', null, 0],
      ['field', null, 0],
    ]);
  });

  it('agrees with rank on every final, rank and band', () => {
    const ranked = rank(input).categories.kota;
    for (const row of ranked)
      expect(explain(input).find((e) => e.submission === row.submission)).toMatchObject({
        rank: row.rank,
        final: row.final,
        band: row.band,
      });
  });

  it('marks nothing as trimmed when n ≤ 2k, and breaks equal values by juror id', () => {
    const trimmedOf = (values: [string, number][], trim: number) =>
      explain(
        oneStage(
          values.map(([j, v]) => [j, 'p', v] as const),
          { aggregation: 'trimmed_mean', trim },
        ),
      )[0]
        .stages[0].sheets.filter((s) => s.trimmed)
        .map((s) => s.juror);
    expect(
      trimmedOf(
        [
          ['a', 10],
          ['b', 20],
        ],
        1,
      ),
    ).toEqual([]);
    expect(
      trimmedOf(
        [
          ['a', 10],
          ['b', 20],
          ['c', 30],
          ['d', 40],
        ],
        2,
      ),
    ).toEqual([]);
    expect(
      trimmedOf(
        [
          ['c', 50],
          ['b', 50],
          ['a', 50],
        ],
        1,
      ),
    ).toEqual(['a', 'c']);
    expect(
      trimmedOf(
        [
          ['a', 10],
          ['b', 20],
          ['c', 30],
        ],
        0,
      ),
    ).toEqual([]);
  });

  it('shows the z-adjusted values and the juror and stage statistics under zscore', () => {
    // A: p 60, q 80 (μ 70, σ 10); D: p 70, q 70 (σ 0, keeps raw). μS = 70, σS = √50.
    const [p] = explain(
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
    expect(p.stages[0]).toEqual({
      stage: 's',
      aggregation: 'zscore',
      trim: null,
      stageScale: { mean: 70, sd: Math.sqrt(50) },
      sheets: [
        {
          juror: 'A',
          score: 60,
          adjusted: 70 - Math.sqrt(50),
          jurorScale: { sheets: 2, mean: 70, sd: 10, keptRaw: false },
          trimmed: false,
        },
        { juror: 'D', score: 70, adjusted: 70, jurorScale: { sheets: 2, mean: 70, sd: 0, keptRaw: true }, trimmed: false },
      ],
      score: 66.4645,
      weight: 1,
      share: 1,
    });
  });
});
