import type { Competition } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';

/** A stage's status (scheduled, open, closed) as a badge. */
export function StageStatus({ competition, stageKey }: { competition: Competition; stageKey: string }) {
  const { t } = useI18n();
  const status = competition.stages.find((s) => s.key === stageKey)?.status ?? 'scheduled';
  return <span className={`badge badge-${status}`}>{t(`org.stageStatus.${status}`)}</span>;
}
