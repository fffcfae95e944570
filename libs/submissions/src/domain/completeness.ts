import { isIsoDate, ValidationFailed, type FieldError } from '@app/kernel';
import { INNOVATION_PHASES, PROFILE_FIELDS, isBlank, type InnovationProfile, type ProfileField, type ProposalFormView } from './innovation-profile';
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
    if (problem) errors.push({ field: key, message: `${label.en} ${problem}.` });
  }
  for (const section of form.sections)
    if (section.required && isBlank(innovation.sections?.[section.key]))
      errors.push({ field: `sections.${section.key}`, message: `Section "${section.label.en}" is required.` });
  if (documentsCount < 1) errors.push({ field: 'documents', message: 'At least one evidence document is required.' });
  return errors;
}

/** Throws 400 SUBMISSION_INCOMPLETE with every missing field and every section over its word limit. */
export function assertComplete(innovation: InnovationProfile, form: ProposalFormView, documentsCount: number): void {
  const errors = [...missingFields(innovation, form, documentsCount), ...checkWordLimits(innovation.sections, form)];
  if (errors.length) throw new ValidationFailed(errors, SubmissionErrorCode.Incomplete, 'The innovation is not ready to submit');
}

function fieldProblem(key: ProfileField, value: InnovationProfile[ProfileField]): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && isBlank(value))) return 'is required';
  switch (key) {
    case 'digital':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'phase':
      return (INNOVATION_PHASES as readonly unknown[]).includes(value) ? null : `must be one of ${INNOVATION_PHASES.join(', ')}`;
    case 'startDate':
      return isIsoDate(value) ? null : 'must be a date written YYYY-MM-DD';
    default:
      return typeof value === 'string' ? null : 'must be text';
  }
}
