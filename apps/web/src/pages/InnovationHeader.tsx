import type { Competition, HistoryEntry, Innovation } from '../api/types';
import { Facts } from '../components/Facts';
import { OutcomeBadge, useOutcomes } from '../components/OutcomeBadge';
import { useI18n } from '../i18n/I18nContext';

/** Title, status, edition and category of an innovation, and the coordinator's latest return comment. */
export function InnovationHeader({
  innovation,
  competition,
  history,
}: {
  innovation: Innovation;
  competition: Competition;
  history: readonly HistoryEntry[] | undefined;
}) {
  const { t, pick } = useI18n();
  const category = competition.plan.categories.find((c) => c.key === innovation.category);
  const outcome = useOutcomes(competition).data?.get(innovation.id);
  const returned =
    innovation.status === 'returned' ? [...(history ?? [])].reverse().find((h) => h.to === 'returned' && h.reason) : undefined;
  return (
    <header className="stack">
      <h1>{innovation.title}</h1>
      <p>
        <OutcomeBadge
          status={innovation.status}
          outcome={outcome}
          published={competition.status === 'published' || competition.status === 'archived'}
        />
      </p>
      <Facts
        items={[
          [t('innovation.competition'), competition.name],
          [t('innovation.category'), category ? pick(category.label) : innovation.category],
          !!innovation.organizationName && [
            t('innovation.organization'),
            [innovation.organizationName, innovation.regionName].filter(Boolean).join(', '),
          ],
        ]}
      />
      {returned?.reason && <p className="panel warning">{t('innovation.returnedBy', { reason: returned.reason })}</p>}
    </header>
  );
}
