/** Stable error codes of the competitions context. */
export const CompetitionErrorCode = {
  IllegalTransition: 'COMPETITION_ILLEGAL_TRANSITION',
  PlanFrozen: 'COMPETITION_PLAN_FROZEN',
  PlanInvalid: 'COMPETITION_PLAN_INVALID',
  StageIllegalTransition: 'STAGE_ILLEGAL_TRANSITION',
  StageNotFound: 'STAGE_NOT_FOUND',
  ReasonRequired: 'COMPETITION_REASON_REQUIRED',
  StageClosedWindow: 'COMPETITION_STAGE_CLOSED_WINDOW',
  OrganizerInvalid: 'COMPETITION_ORGANIZER_INVALID',
  OrganizerExists: 'COMPETITION_ORGANIZER_EXISTS',
  /** A warning on open, not an error: regions whose proposals have no coordinator to forward them. */
  RegionsWithoutCoordinator: 'COMPETITION_REGIONS_WITHOUT_COORDINATOR',
} as const;
