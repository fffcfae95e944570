export { JudgingErrorCode } from './judging.errors';
export {
  type Affiliation,
  type ConflictCode,
  type ConflictDeclaration,
  type ConflictKey,
  type ConflictReason,
  type InnovationConflictProfile,
  type JurorConflictProfile,
  assertNoConflict,
  conflictReasons,
  innovationConflictKeys,
  isInConflict,
  jurorConflictKeys,
} from './conflicts';
export {
  type AssignJurorsInput,
  type AssignJurorsResult,
  type AssignmentInnovation,
  type AssignmentJuror,
  type AssignmentPair,
  type ExcludedPair,
  type Shortfall,
  DEFAULT_JURORS_PER_INNOVATION,
  assignJurors,
} from './assignment';
export {
  type ProgressCounts,
  type RubricCriterion,
  type SheetProgress,
  type SheetProgressItem,
  type SheetStatus,
  type SheetValidationOptions,
  assertSheetEditable,
  assertValidSheetValues,
  progressCounts,
  sheetProgress,
  validateSheetValues,
} from './sheet';
export { type DisagreementFlag, type DisagreementThresholds, DEFAULT_DISAGREEMENT_RANGE, flagDisagreement } from './disagreement';
export * from './scoring-input';
