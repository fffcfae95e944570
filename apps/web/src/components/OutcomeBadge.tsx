import { rankings } from '../api/public';
import type { Competition, Innovation } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { StatusBadge } from './StatusBadge';
import { useLoad } from './useLoad';

/** Where an innovation ended up in a published edition: its rank and band, or that it was not ranked. */
export interface Outcome {
  rank?: number;
  band?: string | null;
  final?: number;
  reachedStage?: string | null;
}

/** The published ranking of an edition as outcomes per innovation id (empty when not published). */
export function useOutcomes(competition: Competition) {
  return useLoad(async () => {
    const outcomes = new Map<string, Outcome>();
    if (competition.status !== 'published' && competition.status !== 'archived') return outcomes;
    const view = await rankings(competition.slug);
    for (const rows of Object.values(view.categories))
      for (const r of rows) outcomes.set(r.innovationId, { rank: r.rank, band: r.band, final: r.final });
    for (const u of view.unranked) outcomes.set(u.innovationId, { reachedStage: u.reachedStage });
    return outcomes;
  }, [competition.id, competition.status, competition.slug]);
}

/** The innovation's state: its outcome once the edition is published (rank, or not ranked), else its status. */
export function OutcomeBadge({
  status,
  outcome,
  published,
}: {
  status: Innovation['status'];
  outcome: Outcome | undefined;
  published: boolean;
}) {
  const { t } = useI18n();
  if (published && outcome?.rank !== undefined)
    return (
      <span className="badge badge-passed">
        {t('opd.outcome.ranked', { rank: outcome.rank })}
        {outcome.band ? ` · ${outcome.band}` : ''}
      </span>
    );
  if (published && status === 'submitted') return <span className="badge badge-eliminated">{t('opd.outcome.unranked')}</span>;
  return <StatusBadge status={status} />;
}
