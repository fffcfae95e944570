// Test data builders for the scoring specs.
import type { RankOutput, ScoringInput, SheetInput, StageInput, SubmissionInput } from '../types';

/** The DESIGN §4 example input. */
export function exampleInput(): ScoringInput {
  return {
    method: { aggregation: 'mean', trim: 1, decimals: 4, tieBreak: ['stage:field', 'stage:presentation'] },
    stages: [
      { key: 'presentation', weight: 60, criteria: [{ key: 'novelty', weight: 3, min: 0, max: 10 }] },
      { key: 'field', weight: 40, criteria: [{ key: 'impact', weight: 1, min: 1, max: 5 }] },
    ],
    bands: [
      { label: 'Sangat Inovatif', min: 75 },
      { label: 'Inovatif', min: 50 },
      { label: 'Kurang Inovatif', min: 0 },
    ],
    submissions: [{ id: 'sitaro', category: 'kota', submittedAt: '2024-09-01T08:00:00Z' }],
    sheets: [
      { stage: 'presentation', juror: 'j1', submission: 'sitaro', scores: { novelty: 8 } },
      { stage: 'field', juror: 'j2', submission: 'sitaro', scores: { impact: 4 } },
    ],
  };
}

/**
 * A stage with one criterion `x` in [0, 100] of weight 100, so that a sheet's score r equals its value
 * exactly for integers: (100·x)/100 and 100·x/100 are exact.
 */
export function stage(key: string, weight: number, extra: Partial<StageInput> = {}): StageInput {
  return { key, weight, criteria: [{ key: 'x', weight: 100, min: 0, max: 100 }], ...extra };
}

export function submission(id: string, category = 'kota', submittedAt?: string): SubmissionInput {
  return submittedAt === undefined ? { id, category } : { id, category, submittedAt };
}

/** A sheet for a {@link stage}: its score is `x`. */
export function sheet(stageKey: string, juror: string, submissionId: string, x: number): SheetInput {
  return { stage: stageKey, juror, submission: submissionId, scores: { x } };
}

/** One weighted stage "s" of {@link stage} shape; `sheets` as [juror, submission, x]. */
export function oneStage(
  sheets: readonly (readonly [string, string, number])[],
  method: ScoringInput['method'] = {},
  submissions?: SubmissionInput[],
): ScoringInput {
  const ids = [...new Set(sheets.map(([, s]) => s))];
  return {
    method,
    stages: [stage('s', 1)],
    submissions: submissions ?? ids.map((id) => submission(id)),
    sheets: sheets.map(([juror, s, x]) => sheet('s', juror, s, x)),
  };
}

/** Recursively freezes a value, so a test fails if the code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A rank output without its digest (which changes with any change of the input). */
export function withoutDigest(output: RankOutput): Omit<RankOutput, 'inputsDigest'> {
  const { inputsDigest: _digest, ...rest } = output;
  return rest;
}
