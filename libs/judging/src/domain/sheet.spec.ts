import { DomainError, type FieldError } from '@app/kernel';
import { JudgingErrorCode } from './judging.errors';
import {
  type RubricCriterion,
  type SheetStatus,
  assertSheetEditable,
  assertValidSheetValues,
  progressCounts,
  sheetProgress,
  validateSheetValues,
} from './sheet';

const rubric: RubricCriterion[] = [
  { key: 'novelty', min: 0, max: 10, weight: 3 },
  { key: 'impact', min: 1, max: 5, weight: 1 },
];

describe('validateSheetValues', () => {
  const cases: { name: string; values: unknown; requireAll: boolean; errors: FieldError[] }[] = [
    { name: 'complete and in range', values: { novelty: 8, impact: 4 }, requireAll: true, errors: [] },
    { name: 'bounds are inclusive', values: { novelty: 0, impact: 5 }, requireAll: true, errors: [] },
    { name: 'fractions are allowed', values: { novelty: 7.5, impact: 1.25 }, requireAll: true, errors: [] },
    { name: 'a partial draft', values: { novelty: 8 }, requireAll: false, errors: [] },
    { name: 'an empty draft', values: {}, requireAll: false, errors: [] },
    {
      name: 'missing at submit',
      values: { novelty: 8 },
      requireAll: true,
      errors: [{ field: 'scores.impact', message: 'is required to submit the sheet' }],
    },
    {
      name: 'below min',
      values: { impact: 0 },
      requireAll: false,
      errors: [{ field: 'scores.impact', message: 'must be between 1 and 5' }],
    },
    {
      name: 'above max',
      values: { novelty: 10.01 },
      requireAll: false,
      errors: [{ field: 'scores.novelty', message: 'must be between 0 and 10' }],
    },
    ...[
      ['a string', '8'],
      ['null', null],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['-Infinity', Number.NEGATIVE_INFINITY],
      ['a boolean', true],
      ['an array', [8]],
    ].map(([what, value]) => ({
      name: `${what} is not a number`,
      values: { novelty: value },
      requireAll: false,
      errors: [{ field: 'scores.novelty', message: 'must be a finite number' }],
    })),
    {
      name: 'unknown criteria, in key order, after the rubric errors',
      values: { zeal: 1, novelty: 11, aesthetics: 2 },
      requireAll: true,
      errors: [
        { field: 'scores.novelty', message: 'must be between 0 and 10' },
        { field: 'scores.impact', message: 'is required to submit the sheet' },
        { field: 'scores.aesthetics', message: 'is not a criterion of this rubric' },
        { field: 'scores.zeal', message: 'is not a criterion of this rubric' },
      ],
    },
    {
      name: 'an inherited property name is not a criterion',
      values: JSON.parse('{"__proto__": 1, "novelty": 2}'),
      requireAll: false,
      errors: [{ field: 'scores.__proto__', message: 'is not a criterion of this rubric' }],
    },
    {
      name: 'not an object',
      values: [8, 4],
      requireAll: true,
      errors: [{ field: 'scores', message: 'must be an object of criterion values' }],
    },
    {
      name: 'null instead of an object',
      values: null,
      requireAll: false,
      errors: [{ field: 'scores', message: 'must be an object of criterion values' }],
    },
  ];

  it.each(cases)('$name', ({ values, requireAll, errors }) => {
    expect(validateSheetValues(rubric, values as Record<string, unknown>, { requireAll })).toMatchObject(errors);
  });

  it('assertValidSheetValues throws JUDGING_INVALID_SCORES (400) with the fields', () => {
    expect(() => assertValidSheetValues(rubric, { novelty: 8, impact: 4 }, { requireAll: true })).not.toThrow();
    expect(() => assertValidSheetValues(rubric, { novelty: 'x' }, { requireAll: true })).toThrow(
      expect.objectContaining({
        code: JudgingErrorCode.InvalidScores,
        kind: 'invalid',
        details: {
          fields: [
            { field: 'scores.novelty', message: 'must be a finite number', code: 'SCORE_NOT_NUMBER', params: {} },
            { field: 'scores.impact', message: 'is required to submit the sheet', code: 'SCORE_REQUIRED', params: {} },
          ],
        },
      }),
    );
  });
});

describe('assertSheetEditable', () => {
  const cases: {
    name: string;
    status: SheetStatus;
    expected: number | undefined;
    current: number;
    code?: string;
  }[] = [
    { name: 'a draft, no version given', status: 'draft', expected: undefined, current: 3 },
    { name: 'a draft at the version the client saw', status: 'draft', expected: 3, current: 3 },
    { name: 'a draft changed since', status: 'draft', expected: 2, current: 3, code: JudgingErrorCode.VersionConflict },
    { name: 'a draft the client thinks is newer', status: 'draft', expected: 4, current: 3, code: JudgingErrorCode.VersionConflict },
    { name: 'submitted', status: 'submitted', expected: undefined, current: 3, code: JudgingErrorCode.SheetLocked },
    { name: 'submitted beats a version mismatch', status: 'submitted', expected: 1, current: 3, code: JudgingErrorCode.SheetLocked },
  ];

  it.each(cases)('$name', ({ status, expected, current, code }) => {
    const act = () => assertSheetEditable(status, expected, current);
    if (code === undefined) {
      expect(act).not.toThrow();
    } else {
      expect(act).toThrow(DomainError);
      expect(act).toThrow(expect.objectContaining({ code, kind: 'conflict' }));
    }
  });

  it('names both versions in a version conflict', () => {
    expect(() => assertSheetEditable('draft', 2, 5)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('version 2'), details: { expectedVersion: 2, currentVersion: 5 } }),
    );
  });
});

describe('sheetProgress', () => {
  it('counts submitted, draft and not-started sheets per juror and overall', () => {
    const progress = sheetProgress([
      { jurorId: 'j2', status: 'submitted' },
      { jurorId: 'j1', status: 'draft' },
      { jurorId: 'j1', status: null },
      { jurorId: 'j2', status: 'submitted' },
      { jurorId: 'j1', status: 'submitted' },
      { jurorId: 'j3', status: null },
    ]);
    expect(progress).toEqual({
      overall: { total: 6, submitted: 3, draft: 1, notStarted: 2, complete: false },
      byJuror: {
        j1: { total: 3, submitted: 1, draft: 1, notStarted: 1, complete: false },
        j2: { total: 2, submitted: 2, draft: 0, notStarted: 0, complete: true },
        j3: { total: 1, submitted: 0, draft: 0, notStarted: 1, complete: false },
      },
    });
    expect(Object.keys(progress.byJuror)).toEqual(['j1', 'j2', 'j3']);
  });

  it('is complete with nothing to score', () => {
    expect(sheetProgress([])).toEqual({
      overall: { total: 0, submitted: 0, draft: 0, notStarted: 0, complete: true },
      byJuror: {},
    });
  });
});

describe('progressCounts', () => {
  it.each([
    { total: 0, submitted: 0, draft: 0, expected: { notStarted: 0, complete: true } },
    { total: 446, submitted: 446, draft: 0, expected: { notStarted: 0, complete: true } },
    { total: 446, submitted: 440, draft: 5, expected: { notStarted: 1, complete: false } },
    { total: 3, submitted: 0, draft: 0, expected: { notStarted: 3, complete: false } },
  ])('$total sheets, $submitted submitted and $draft drafts', ({ total, submitted, draft, expected }) => {
    expect(progressCounts(total, submitted, draft)).toEqual({ total, submitted, draft, ...expected });
  });
});
