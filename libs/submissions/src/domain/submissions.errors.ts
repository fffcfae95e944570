/** Stable error codes of the submissions context. */
export const SubmissionErrorCode = {
  IllegalTransition: 'SUBMISSION_ILLEGAL_TRANSITION',
  StageResultIllegalTransition: 'STAGE_RESULT_ILLEGAL_TRANSITION',
  NotEditable: 'SUBMISSION_NOT_EDITABLE',
  DeadlinePassed: 'SUBMISSION_DEADLINE_PASSED',
  Incomplete: 'SUBMISSION_INCOMPLETE',
  Ineligible: 'SUBMISSION_INELIGIBLE',
  /** A notice, not an error: the proposal waits for a coordinator its region does not have. */
  NoCoordinator: 'SUBMISSION_NO_COORDINATOR',
  /** An organizer tried the coordinator's step for a region that has a coordinator. */
  CoordinatorPresent: 'SUBMISSION_COORDINATOR_PRESENT',
  SubmissionNotOpenYet: 'SUBMISSION_WINDOW_NOT_OPEN',
} as const;
