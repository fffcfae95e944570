/** Stable error codes of the submissions context. */
export const SubmissionErrorCode = {
  IllegalTransition: 'SUBMISSION_ILLEGAL_TRANSITION',
  StageResultIllegalTransition: 'STAGE_RESULT_ILLEGAL_TRANSITION',
  NotEditable: 'SUBMISSION_NOT_EDITABLE',
  DeadlinePassed: 'SUBMISSION_DEADLINE_PASSED',
  Incomplete: 'SUBMISSION_INCOMPLETE',
  Ineligible: 'SUBMISSION_INELIGIBLE',
} as const;
