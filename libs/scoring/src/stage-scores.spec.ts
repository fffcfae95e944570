import { applyAdvanceRule } from './cutoffs';
import { stageScores } from './stage-scores';
import { sheet, stage, submission } from './testing/fixtures';
import type { ScoringInput } from './types';

describe('stageScores', () => {
  const input: ScoringInput = {
    method: { aggregation: 'median' },
    stages: [stage('desk', 0, { aggregation: 'trimmed_mean' }), stage('presentation', 1)],
    submissions: [submission('y', 'kota'), submission('x', 'kabupaten'), submission('z', 'kota')],
    sheets: [
      ...[10, 50, 60, 90].map((v, j) => sheet('desk', `j${j}`, 'y', v)), // trimmed: (50 + 60)/2 = 55
      ...[70, 71].map((v, j) => sheet('desk', `j${j}`, 'x', v)), // n ≤ 2k: 70.5
      sheet('presentation', 'j0', 'x', 80),
    ],
  };

  it("gives each innovation's rounded stage scores, ordered by submission id, even the weight-0 stages", () => {
    expect(stageScores(input)).toEqual([
      { submission: 'x', category: 'kabupaten', stages: { desk: 70.5, presentation: 80 } },
      { submission: 'y', category: 'kota', stages: { desk: 55 } },
      { submission: 'z', category: 'kota', stages: {} },
    ]);
  });

  it('feeds the advance rule when a single stage closes', () => {
    const candidates = stageScores(input).map((r) => ({ id: r.submission, category: r.category, score: r.stages.desk ?? null }));
    expect(applyAdvanceRule(candidates, { type: 'threshold', min: 60 }).map((d) => [d.id, d.outcome])).toEqual([
      ['x', 'passed'],
      ['y', 'eliminated'],
      ['z', 'eliminated'],
    ]);
  });
});
