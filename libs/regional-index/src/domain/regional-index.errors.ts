import type { FieldError, LocalizedText } from '@app/kernel';

/** Stable error codes of the regional index context. */
export const RegionalIndexErrorCode = {
  FrameworkInvalid: 'INDEX_FRAMEWORK_INVALID',
  SelfAssessmentIncomplete: 'INDEX_SELF_ASSESSMENT_INCOMPLETE',
} as const;

/** A field error with a stable `code` (and its parameters) and the message in both languages (`message` is English). */
export interface IndexFieldError extends FieldError {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly messages: LocalizedText;
}

export function fieldError(field: string, code: string, params: Record<string, string | number>, messages: LocalizedText): IndexFieldError {
  return { field, code, params, message: messages.en, messages };
}
