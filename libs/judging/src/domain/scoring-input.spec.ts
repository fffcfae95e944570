import { rank } from '../../../scoring/src';
import { scoringInputFor } from './scoring-input';

const plan = {
  stages: [
    { key: 'submission', weight: 0, rubric: [], aggregation: 'mean' },
    { key: 'desk', weight: 0, rubric: [{ key: 'a', weight: 1, min: 0, max: 100 }], aggregation: 'median' },
    { key: 'presentation', weight: 60, rubric: [{ key: 'n', weight: 3, min: 0, max: 10 }], aggregation: 'trimmed_mean', trim: 0 },
    { key: 'field', weight: 40, rubric: [{ key: 'i', weight: 1, min: 1, max: 5 }], aggregation: 'mean' },
  ],
  bands: [{ label: 'Sangat Inovatif', min: 75 }],
  tieBreak: ['stage:field'],
};

describe('scoringInputFor', () => {
  it('keeps only scored stages, with their own aggregation, and ranks like DESIGN §4', () => {
    const input = scoringInputFor(
      plan,
      [{ id: 'sitaro', category: 'kota', submittedAt: new Date('2024-09-01T08:00:00Z') }],
      [
        { stage: 'presentation', juror: 'j1', submission: 'sitaro', scores: { n: 8 } },
        { stage: 'field', juror: 'j2', submission: 'sitaro', scores: { i: 4 } },
      ],
    );
    expect(input.stages.map((s) => [s.key, s.aggregation, s.trim])).toEqual([
      ['desk', 'median', undefined],
      ['presentation', 'trimmed_mean', 0],
      ['field', 'mean', undefined],
    ]);
    expect(input.submissions[0].submittedAt).toBe('2024-09-01T08:00:00.000Z');
    expect(rank(input).categories.kota[0]).toEqual({
      rank: 1,
      submission: 'sitaro',
      final: 78,
      band: 'Sangat Inovatif',
      stages: { presentation: 80, field: 75 },
    });
  });

  it('overrides every stage’s aggregation for a what-if preview', () => {
    const input = scoringInputFor(plan, [], [], { aggregation: 'zscore' });
    expect(new Set(input.stages.map((s) => s.aggregation))).toEqual(new Set(['zscore']));
  });

  it('marks an excluded innovation "excluded": true and leaves the others without the field; its sheets keep every other score', () => {
    const submitted = new Date('2024-09-01T08:00:00Z');
    const sheets = [
      ['j1', 'a', 2],
      ['j1', 'b', 4],
      ['j1', 'dq', 9],
      ['j2', 'a', 3],
      ['j2', 'b', 3],
      ['j2', 'dq', 5],
    ].map(([juror, submission, n]) => ({
      stage: 'presentation',
      juror: juror as string,
      submission: submission as string,
      scores: { n: n as number },
    }));
    const zPlan = {
      ...plan,
      tieBreak: [],
      stages: [{ key: 'presentation', weight: 1, rubric: [{ key: 'n', weight: 1, min: 0, max: 10 }], aggregation: 'zscore' }],
    };
    const entries = [
      { id: 'a', category: 'kota', submittedAt: submitted },
      { id: 'b', category: 'kota', submittedAt: submitted },
    ];
    const input = scoringInputFor(zPlan, [...entries, { id: 'dq', category: 'kota', submittedAt: submitted, excluded: true }], sheets);
    expect(input.submissions.map((s) => s.excluded)).toEqual([undefined, undefined, true]);
    expect(input.submissions.map((s) => Object.hasOwn(s, 'excluded'))).toEqual([false, false, true]);
    const withDq = scoringInputFor(zPlan, [...entries, { id: 'dq', category: 'kota', submittedAt: submitted }], sheets);
    const scores = (i: typeof input) =>
      rank(i)
        .categories.kota.filter((r) => r.submission !== 'dq')
        .map((r) => [r.submission, r.rank, r.stages]);
    expect(scores(input)).toEqual(scores(withDq).map(([id, r, st]) => [id, (r as number) - 1, st]));
  });

  it('a given stage (DESIGN §4 rule 10) enters as {key, weight, given: true} with the given scores; plans without one carry no given list', () => {
    const award = {
      stages: [
        { key: 'iid', weight: 50, rubric: [], aggregation: 'mean', given: true },
        { key: 'presentation', weight: 50, rubric: [{ key: 'n', weight: 1, min: 0, max: 100 }], aggregation: 'mean' },
      ],
      bands: [],
      tieBreak: ['stage:presentation', 'stage:iid'],
    };
    const regions = [
      { id: 'kota-bekasi', category: 'kota', submittedAt: null },
      { id: 'kota-depok', category: 'kota', submittedAt: null },
    ];
    const sheets = regions.map((r) => ({ stage: 'presentation', juror: 'j1', submission: r.id, scores: { n: 80 } }));
    const input = scoringInputFor(award, regions, sheets, {
      given: [
        { stage: 'iid', submission: 'kota-bekasi', score: 71.234 },
        { stage: 'iid', submission: 'kota-depok', score: 60 },
      ],
    });
    expect(input.stages[0]).toEqual({ key: 'iid', weight: 50, given: true });
    expect(rank(input).categories.kota.map((r) => [r.rank, r.submission, r.final, r.stages])).toEqual([
      [1, 'kota-bekasi', 75.617, { iid: 71.234, presentation: 80 }],
      [2, 'kota-depok', 70, { iid: 60, presentation: 80 }],
    ]);
    expect(Object.hasOwn(scoringInputFor(plan, [], []), 'given')).toBe(false);
  });
});
