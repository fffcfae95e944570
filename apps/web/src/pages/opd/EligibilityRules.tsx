import type { Plan } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';

/** When the submission stage closes (the API refuses edits after it). */
export const submissionCloses = (plan: Plan) => plan.stages.find((s) => s.kind === 'submission')?.closesAt ?? null;

/** The edition's rules, explained before the OPD submits (the API checks them on submit). */
export function EligibilityRules({ plan }: { plan: Plan }) {
  const { t, formatDate } = useI18n();
  const { minMonthsImplemented: months, maxEntriesPerOrganization: entries, noDuplicateTitle } = plan.eligibility;
  const closes = submissionCloses(plan);
  return (
    <section className="panel" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t('eligibility.title')}</h2>
      <ul>
        <li>{t('eligibility.complete')}</li>
        {!!months && <li>{t('eligibility.minMonths', { n: months })}</li>}
        {!!entries && <li>{t('eligibility.maxEntries', { n: entries })}</li>}
        {noDuplicateTitle && <li>{t('eligibility.noDuplicate')}</li>}
        {closes && <li>{t('eligibility.deadline', { date: formatDate(closes, true) })}</li>}
        {plan.requireCoordinator && <li>{t('eligibility.coordinator')}</li>}
      </ul>
    </section>
  );
}
