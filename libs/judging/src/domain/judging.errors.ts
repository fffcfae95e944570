/**
 * Stable error codes of the judging context. Domain code throws them with the shared DomainError classes
 * (libs/kernel): Conflict → 409, ValidationFailed / DomainError('invalid') → 400.
 */
export const JudgingErrorCode = {
  /** A juror in a conflict of interest with the innovation (409). */
  Conflict: 'JUDGING_CONFLICT',
  /** The score sheet is submitted and can no longer be changed (409). */
  SheetLocked: 'JUDGING_SHEET_LOCKED',
  /** The sheet changed since the client read it (409). */
  VersionConflict: 'JUDGING_VERSION_CONFLICT',
  /** Score values that do not fit the rubric (400, fields in `details.fields`). */
  InvalidScores: 'JUDGING_INVALID_SCORES',
  /** Malformed input to a judging rule: duplicate ids, k < 1, a negative threshold … (400). */
  InvalidInput: 'JUDGING_INVALID_INPUT',
} as const;
