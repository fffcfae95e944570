import type { HistoryEntry } from '../api/types';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';
import { useReasonText } from '../i18n/reasons';

/**
 * The states a history row moves between: an innovation's status (draft, submitted …) or, for a stage's
 * decision, its stage result (pending, passed, eliminated). Each has a label; an unknown one shows as is.
 */
const LABELLED = new Set([
  'draft',
  'awaiting_coordinator',
  'returned',
  'submitted',
  'eliminated',
  'withdrawn',
  'disqualified',
  'pending',
  'passed',
]);

/**
 * GET /api/innovations/:id/history, newest first, with the stage (by its label when given) and the reasons —
 * a system reason rendered in the page's language from its code (a category by `categoryLabel` when given).
 */
export function HistoryList({
  entries,
  stageLabel,
  categoryLabel,
}: {
  entries: readonly HistoryEntry[];
  stageLabel?(key: string): string;
  categoryLabel?(key: string): string | undefined;
}) {
  const { t, formatDate } = useI18n();
  const reasonOf = useReasonText();
  if (!entries.length) return <p>{t('history.empty')}</p>;
  const label = (s: string | null | undefined) =>
    !s ? t('common.none') : LABELLED.has(s) ? t(`status.${s}` as MessageKey) : s.replace(/_/g, ' ');
  return (
    <ol className="history" reversed>
      {[...entries].reverse().map((h, i) => {
        const reason = reasonOf(h, categoryLabel);
        return (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{formatDate(h.at, true)}</time>{' '}
            <strong>{t('history.entry', { from: label(h.from), to: label(h.to) })}</strong>
            {h.stage && <span> · {t('history.stage', { stage: stageLabel?.(h.stage) ?? h.stage })}</span>}{' '}
            <span className="muted">{t('history.by', { who: h.actorName ?? t(`role.${h.actorRole}` as MessageKey) })}</span>
            {reason && <p className="reason">{t('history.reason', { reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
