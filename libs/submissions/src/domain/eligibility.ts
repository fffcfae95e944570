import { addMonths, isIsoDate, jakartaDate, ValidationFailed, type FieldError } from '../../../common/src/domain';
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
  /** Titles of the edition's other (not withdrawn) innovations, this one excluded. */
  otherTitlesInEdition: readonly string[];
  /** How many other (not withdrawn) innovations the organization has in the edition, this one excluded. */
  entriesOfOrganization: number;
}

export interface EligibilityViolation extends FieldError {
  rule: keyof EligibilityRulesView;
}

/** Every eligibility rule the innovation breaks; dates are Jakarta calendar dates. */
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
  if (rules.noDuplicateTitle && typeof innovation.title === 'string' && innovation.title.trim()) {
    const title = normalizeTitle(innovation.title);
    const clash = ctx.otherTitlesInEdition.find((other) => normalizeTitle(other) === title);
    if (clash !== undefined)
      violations.push({
        rule: 'noDuplicateTitle',
        field: 'title',
        code: 'ELIGIBILITY_DUPLICATE_TITLE',
        params: { title: clash },
        message: `Another innovation in this edition already has the title "${clash}".`,
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

/** Title compared case- and whitespace-insensitively (Unicode-normalized, trimmed, inner runs of spaces collapsed). */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLocaleLowerCase('id').replace(/\s+/gu, ' ').trim();
}
