import type { Competition, HistoryEntry, Innovation } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n/I18nContext';

/** Title, status, edition and category of an innovation, and the coordinator's latest return comment. */
export function InnovationHeader({ innovation, competition, history }: { innovation: Innovation; competition: Competition; history: readonly HistoryEntry[] | undefined }) {
  const { t, pick } = useI18n();
  const category = competition.plan.categories.find((c) => c.key === innovation.category);
  const returned = innovation.status === 'returned' ? [...(history ?? [])].reverse().find((h) => h.to === 'returned' && h.reason) : undefined;
  return (
    <header className="stack">
      <h1>{innovation.title}</h1>
      <p>
        <StatusBadge status={innovation.status} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('innovation.competition')}</dt>
          <dd>{competition.name}</dd>
        </div>
        <div>
          <dt>{t('innovation.category')}</dt>
          <dd>{category ? pick(category.label) : innovation.category}</dd>
        </div>
        {innovation.organizationName && (
          <div>
            <dt>{t('innovation.organization')}</dt>
            <dd>
              {innovation.organizationName}
              {innovation.regionName && `, ${innovation.regionName}`}
            </dd>
          </div>
        )}
      </dl>
      {returned?.reason && <p className="panel warning">{t('innovation.returnedBy', { reason: returned.reason })}</p>}
    </header>
  );
}
