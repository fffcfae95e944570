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
    const input = scoringInputFor(plan, [{ id: 'sitaro', category: 'kota', submittedAt: new Date('2024-09-01T08:00:00Z') }], [
      { stage: 'presentation', juror: 'j1', submission: 'sitaro', scores: { n: 8 } },
      { stage: 'field', juror: 'j2', submission: 'sitaro', scores: { i: 4 } },
    ]);
    expect(input.stages.map((s) => [s.key, s.aggregation, s.trim])).toEqual([
      ['desk', 'median', undefined],
      ['presentation', 'trimmed_mean', 0],
      ['field', 'mean', undefined],
    ]);
    expect(input.submissions[0].submittedAt).toBe('2024-09-01T08:00:00.000Z');
    expect(rank(input).categories.kota[0]).toEqual({ rank: 1, submission: 'sitaro', final: 78, band: 'Sangat Inovatif', stages: { presentation: 80, field: 75 } });
  });

  it('overrides every stage’s aggregation for a what-if preview', () => {
    const input = scoringInputFor(plan, [], [], { aggregation: 'zscore' });
    expect(new Set(input.stages.map((s) => s.aggregation))).toEqual(new Set(['zscore']));
  });
});
