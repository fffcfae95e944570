import type { Innovation, Section } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { PROFILE_FIELDS, toValues, type ProposalValues } from './values';

/** The profile fields, read-only (in the proposal, and on an innovation's public page). */
export function ProfileList({ values: v }: { values: ProposalValues }) {
  const { t, formatDate } = useI18n();
  const shown = (key: (typeof PROFILE_FIELDS)[number]['key']): string => {
    if (key === 'phase') return v.phase ? t(`form.phase.${v.phase}`) : '';
    if (key === 'digital') return v.digital ? t(v.digital === 'yes' ? 'form.digital.yes' : 'form.digital.no') : '';
    if (key === 'startDate') return v.startDate ? formatDate(v.startDate) : '';
    return v[key];
  };
  return (
    <dl>
      {PROFILE_FIELDS.map(({ key, label }) => (
        <div key={key}>
          <dt>{t(label)}</dt>
          <dd>{shown(key) || t('common.none')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The proposal read-only (the coordinator's review, or the OPD's once it cannot be edited). */
export function ProposalView({ innovation, sections }: { innovation: Innovation; sections: readonly Section[] }) {
  const { t, pick } = useI18n();
  const v = toValues(innovation);
  return (
    <div className="proposal-view">
      <h2>{t('form.profile')}</h2>
      <ProfileList values={v} />
      <h2>{t('form.proposal')}</h2>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`view-${s.key}`}>
          <h3 id={`view-${s.key}`}>{pick(s.label)}</h3>
          <p className="prose">{v.sections[s.key]?.trim() || t('common.none')}</p>
        </section>
      ))}
    </div>
  );
}
