import { Conflict, type FieldError, ValidationFailed } from '@app/kernel';
import { JudgingErrorCode } from './judging.errors';

export type SheetStatus = 'draft' | 'submitted';

export interface RubricCriterion {
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly weight: number;
}

export interface SheetValidationOptions {
  /** True at submit: every criterion must have a value. Drafts may be partial. */
  readonly requireAll: boolean;
}

/**
 * Checks score values against the rubric: every value must belong to a criterion and be a finite number in
 * [min, max]; with `requireAll`, every criterion must have one. Errors name the field `scores.<criterion>`
 * (`scores` when the values are not an object) and come in rubric order, then unknown keys in key order.
 * `null` is not a value: a draft leaves a criterion out instead.
 */
export function validateSheetValues(
  rubric: readonly RubricCriterion[],
  values: Readonly<Record<string, unknown>>,
  options: SheetValidationOptions,
): FieldError[] {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return [{ field: 'scores', message: 'must be an object of criterion values', code: 'FIELD_NOT_OBJECT', params: {} }];
  }
  const errors: FieldError[] = [];
  for (const criterion of rubric) {
    const field = `scores.${criterion.key}`;
    if (!Object.hasOwn(values, criterion.key)) {
      if (options.requireAll) errors.push({ field, message: 'is required to submit the sheet', code: 'SCORE_REQUIRED', params: {} });
      continue;
    }
    const value = values[criterion.key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field, message: 'must be a finite number', code: 'SCORE_NOT_NUMBER', params: {} });
    } else if (value < criterion.min || value > criterion.max) {
      errors.push({
        field,
        message: `must be between ${criterion.min} and ${criterion.max}`,
        code: 'SCORE_OUT_OF_RANGE',
        params: { min: criterion.min, max: criterion.max },
      });
    }
  }
  const known = new Set(rubric.map((c) => c.key));
  for (const key of Object.keys(values).sort()) {
    if (!known.has(key))
      errors.push({ field: `scores.${key}`, message: 'is not a criterion of this rubric', code: 'SCORE_UNKNOWN_CRITERION', params: {} });
  }
  return errors;
}

/** validateSheetValues, throwing JUDGING_INVALID_SCORES (400) with the field errors in `details.fields`. */
export function assertValidSheetValues(
  rubric: readonly RubricCriterion[],
  values: Readonly<Record<string, unknown>>,
  options: SheetValidationOptions,
): void {
  const errors = validateSheetValues(rubric, values, options);
  if (errors.length > 0) throw new ValidationFailed(errors, JudgingErrorCode.InvalidScores, 'Invalid scores');
}

/**
 * A sheet may be saved or submitted only while it is a draft, and only by a client that saw the current
 * version (when it says which version it saw).
 */
export function assertSheetEditable(status: SheetStatus, expectedVersion: number | undefined, currentVersion: number): void {
  if (status === 'submitted') {
    throw new Conflict(JudgingErrorCode.SheetLocked, 'The score sheet is submitted and can no longer be changed.', {
      status,
    });
  }
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
    throw new Conflict(
      JudgingErrorCode.VersionConflict,
      `The score sheet has changed: you edited version ${expectedVersion}, the current version is ${currentVersion}.`,
      { expectedVersion, currentVersion },
    );
  }
}

/** One assignment and the state of its sheet; `null` when the juror has not opened one yet. */
export interface SheetProgressItem {
  readonly jurorId: string;
  readonly status: SheetStatus | null;
}

export interface ProgressCounts {
  readonly total: number;
  readonly submitted: number;
  readonly draft: number;
  readonly notStarted: number;
  /** Every sheet is submitted (true for zero sheets). */
  readonly complete: boolean;
}

export interface SheetProgress {
  readonly overall: ProgressCounts;
  /** Keyed by juror id, in juror id order. */
  readonly byJuror: Record<string, ProgressCounts>;
}

export function sheetProgress(sheets: readonly SheetProgressItem[]): SheetProgress {
  const byJuror = new Map<string, SheetProgressItem[]>();
  for (const sheet of sheets) {
    const list = byJuror.get(sheet.jurorId);
    if (list) list.push(sheet);
    else byJuror.set(sheet.jurorId, [sheet]);
  }
  const perJuror = [...byJuror.keys()].sort().map((jurorId) => [jurorId, countProgress(byJuror.get(jurorId)!)]);
  return { overall: countProgress(sheets), byJuror: Object.fromEntries(perJuror) };
}

function countProgress(sheets: readonly SheetProgressItem[]): ProgressCounts {
  let submitted = 0;
  let draft = 0;
  for (const { status } of sheets) {
    if (status === 'submitted') submitted++;
    else if (status === 'draft') draft++;
  }
  return progressCounts(sheets.length, submitted, draft);
}

/** The progress of `total` sheets of which `submitted` are submitted and `draft` saved as drafts (the rest not started). */
export function progressCounts(total: number, submitted: number, draft: number): ProgressCounts {
  return { total, submitted, draft, notStarted: total - submitted - draft, complete: submitted === total };
}
