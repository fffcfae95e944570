/** Stable error codes of the surveys context (clients switch on them; messages are English, labels in the web app). */
export const SurveyErrorCode = {
  UnitNotFound: 'SURVEY_UNIT_NOT_FOUND',
  PeriodNotFound: 'SURVEY_PERIOD_NOT_FOUND',
  PeriodInvalid: 'SURVEY_PERIOD_INVALID',
  PeriodNotOpen: 'SURVEY_PERIOD_NOT_OPEN',
  PeriodClosed: 'SURVEY_PERIOD_CLOSED',
  ResponseInvalid: 'SURVEY_RESPONSE_INVALID',
  AlreadyResponded: 'SURVEY_ALREADY_RESPONDED',
  ImportInvalid: 'SURVEY_IMPORT_INVALID',
  ExclusionInvalid: 'SURVEY_EXCLUSION_INVALID',
  EvidenceInvalid: 'SURVEY_EVIDENCE_INVALID',
} as const;
