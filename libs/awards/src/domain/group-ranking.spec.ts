import { rank, type ScoringInput } from '@app/scoring';
import { groupRanking, groupRankingInput } from './group-ranking';

const input: ScoringInput = {
  method: { aggregation: 'zscore', tieBreak: ['stage:presentation', 'stage:iid'] },
  stages: [
    { key: 'iid', weight: 50, given: true },
    { key: 'presentation', weight: 50, criteria: [{ key: 'n', weight: 1, min: 0, max: 100 }] },
  ],
  submissions: [
    { id: 'kab-a', category: 'kabupaten' },
    { id: 'kab-b', category: 'kabupaten' },
    { id: 'kota-c', category: 'kota' },
    { id: 'kota-d', category: 'kota' },
    { id: 'kota-dq', category: 'kota', excluded: true },
  ],
  sheets: [
    ...['j1', 'j2'].flatMap((juror, j) =>
      ['kab-a', 'kab-b', 'kota-c', 'kota-d', 'kota-dq'].map((submission, i) => ({
        stage: 'presentation',
        juror,
        submission,
        scores: { n: 50 + ((i * 13 + j * 7) % 40) },
      })),
    ),
  ],
  given: [
    { stage: 'iid', submission: 'kab-a', score: 61 },
    { stage: 'iid', submission: 'kab-b', score: 55.5 },
    { stage: 'iid', submission: 'kota-c', score: 70 },
    { stage: 'iid', submission: 'kota-d', score: 64.25 },
    { stage: 'iid', submission: 'kota-dq', score: 90 },
  ],
};

describe('an award group section', () => {
  it('ranks the members across categories with the snapshot’s own scores (z-scores untouched)', () => {
    const all = rank(input);
    const scoreOf = new Map(
      Object.values(all.categories)
        .flat()
        .map((r) => [r.submission, r]),
    );
    const rows = groupRanking(input, new Set(['kab-b', 'kota-d', 'kota-dq']), 'daerah_tertinggal');
    expect(rows.map((r) => r.submission).sort()).toEqual(['kab-b', 'kota-d']);
    for (const r of rows)
      expect({ final: r.final, stages: r.stages }).toEqual({
        final: scoreOf.get(r.submission)!.final,
        stages: scoreOf.get(r.submission)!.stages,
      });
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
    expect(rows[0].final).toBeGreaterThanOrEqual(rows[1].final);
  });

  it('keeps the input otherwise as it is: the disqualified stay excluded, non-members are excluded', () => {
    const derived = groupRankingInput(input, new Set(['kab-a']), 'g');
    expect(derived.submissions.map((s) => [s.id, s.category, s.excluded ?? false])).toEqual([
      ['kab-a', 'g', false],
      ['kab-b', 'kabupaten', true],
      ['kota-c', 'kota', true],
      ['kota-d', 'kota', true],
      ['kota-dq', 'kota', true],
    ]);
    expect(derived.sheets).toBe(input.sheets);
    expect(groupRanking(input, new Set(), 'g')).toEqual([]);
  });
});
