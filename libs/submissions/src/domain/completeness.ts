import { isIsoDate, ValidationFailed, type FieldError } from '@app/kernel';
import {
  INNOVATION_PHASES,
  PROFILE_FIELDS,
  isBlank,
  type InnovationProfile,
  type ProfileField,
  type ProposalFormView,
} from './innovation-profile';
import { SubmissionErrorCode } from './submissions.errors';
import { checkWordLimits } from './word-limits';

/**
 * What still has to be filled in before the innovation can be submitted: required profile fields,
 * required proposal sections (`sections.KEY`) and at least one evidence document (`documents`).
 */
export function missingFields(innovation: InnovationProfile, form: ProposalFormView, documentsCount: number): FieldError[] {
  const errors: FieldError[] = [];
  for (const { key, label } of PROFILE_FIELDS) {
    const problem = fieldProblem(key, innovation[key]);
    if (problem) errors.push({ field: key, message: `${label.en} ${problem.text}.`, code: problem.code, params: problem.params ?? {} });
  }
  for (const section of form.sections)
    if (section.required && isBlank(innovation.sections?.[section.key]))
      errors.push({
        field: `sections.${section.key}`,
        message: `Section "${section.label.en}" is required.`,
        code: 'SECTION_REQUIRED',
        params: {},
      });
  if (documentsCount < 1)
    errors.push({ field: 'documents', message: 'At least one evidence document is required.', code: 'DOCUMENTS_REQUIRED', params: {} });
  return errors;
}

/** Throws 400 SUBMISSION_INCOMPLETE with every missing field and every section over its word limit. */
export function assertComplete(innovation: InnovationProfile, form: ProposalFormView, documentsCount: number): void {
  const errors = [...missingFields(innovation, form, documentsCount), ...checkWordLimits(innovation.sections, form)];
  if (errors.length) throw new ValidationFailed(errors, SubmissionErrorCode.Incomplete, 'The innovation is not ready to submit');
}

/** What is wrong with a profile field: English text, and the field code of the error catalog. */
interface FieldProblem {
  text: string;
  code: string;
  params?: Record<string, string>;
}

function fieldProblem(key: ProfileField, value: InnovationProfile[ProfileField]): FieldProblem | null {
  if (value === null || value === undefined || (typeof value === 'string' && isBlank(value)))
    return { text: 'is required', code: 'FIELD_REQUIRED' };
  switch (key) {
    case 'digital':
      return typeof value === 'boolean' ? null : { text: 'must be yes or no', code: 'FIELD_NOT_BOOLEAN' };
    case 'phase':
      return (INNOVATION_PHASES as readonly unknown[]).includes(value)
        ? null
        : {
            text: `must be one of ${INNOVATION_PHASES.join(', ')}`,
            code: 'FIELD_NOT_IN_LIST',
            params: { allowed: INNOVATION_PHASES.join(', ') },
          };
    case 'startDate':
      return isIsoDate(value) ? null : { text: 'must be a date written YYYY-MM-DD', code: 'FIELD_NOT_DATE' };
    default:
      return typeof value === 'string' ? null : { text: 'must be text', code: 'FIELD_NOT_TEXT' };
  }
}
