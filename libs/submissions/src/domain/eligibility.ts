import { addMonths, isIsoDate, jakartaDate, ValidationFailed, type FieldError } from '@app/kernel';
import type { InnovationProfile } from './innovation-profile';
import { SubmissionErrorCode } from './submissions.errors';

/** The competition plan's eligibility rules (structurally the competitions context's `EligibilityRules`). */
export interface EligibilityRulesView {
  minMonthsImplemented?: number;
  maxEntriesPerOrganization?: number;
  noDuplicateTitle: boolean;
}

export interface EligibilityContext {
  now: Date;
  /**
   * How many other innovations of the organization count as entries of the edition (`countsAsEntry`: sent
   * in and not withdrawn; drafts and returned drafts do not count), this one excluded.
   */
  entriesOfOrganization: number;
}

export interface EligibilityViolation extends FieldError {
  rule: Exclude<keyof EligibilityRulesView, 'noDuplicateTitle'>;
}

/**
 * Every eligibility rule the innovation breaks; dates are Jakarta calendar dates. A duplicate title is not
 * a violation: the copy sent in first must not block the original without anyone deciding, so it is flagged
 * to the screeners (`duplicateTitles`) and decided at screening.
 */
export function checkEligibility(
  innovation: Pick<InnovationProfile, 'title' | 'startDate'>,
  rules: EligibilityRulesView,
  ctx: EligibilityContext,
): EligibilityViolation[] {
  const violations: EligibilityViolation[] = [];
  const months = rules.minMonthsImplemented;
  if (months !== undefined && months > 0) {
    const start = innovation.startDate;
    if (!isIsoDate(start))
      violations.push({
        rule: 'minMonthsImplemented',
        field: 'startDate',
        code: 'ELIGIBILITY_MIN_MONTHS',
        params: { months },
        message: `A valid implementation start date is needed to check the minimum of ${months} months in use.`,
      });
    else if (addMonths(start, months) > jakartaDate(ctx.now))
      violations.push({
        rule: 'minMonthsImplemented',
        field: 'startDate',
        code: 'ELIGIBILITY_MIN_MONTHS',
        params: { months, eligibleFrom: addMonths(start, months) },
        message: `The innovation must have been in use for at least ${months} months: it started on ${start}, so it is eligible from ${addMonths(start, months)}.`,
      });
  }
  const max = rules.maxEntriesPerOrganization;
  if (max !== undefined && ctx.entriesOfOrganization >= max)
    violations.push({
      rule: 'maxEntriesPerOrganization',
      field: 'organization',
      code: 'ELIGIBILITY_MAX_ENTRIES',
      params: { max, entries: ctx.entriesOfOrganization },
      message: `An organization may enter at most ${max} innovations in this edition, and this one already has ${ctx.entriesOfOrganization}.`,
    });
  return violations;
}

/** Throws 400 SUBMISSION_INELIGIBLE with every violation in `details.fields`. */
export function assertEligible(
  innovation: Pick<InnovationProfile, 'title' | 'startDate'>,
  rules: EligibilityRulesView,
  ctx: EligibilityContext,
): void {
  const violations = checkEligibility(innovation, rules, ctx);
  if (violations.length) throw new ValidationFailed(violations, SubmissionErrorCode.Ineligible, 'The innovation is not eligible');
}
