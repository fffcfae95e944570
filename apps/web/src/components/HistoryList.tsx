import type { HistoryEntry, InnovationStatus } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

const statusKey = (s: string) => `status.${s as InnovationStatus}` as const;

/** GET /api/innovations/:id/history, newest first, with the reasons given. */
export function HistoryList({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, formatDate } = useI18n();
  if (!entries.length) return <p>{t('history.empty')}</p>;
  const label = (s: string | null | undefined) => (s ? t(statusKey(s)) : t('common.none'));
  return (
    <ol className="history" reversed>
      {[...entries].reverse().map((h, i) => (
        <li key={`${h.at}-${i}`}>
          <time dateTime={h.at}>{formatDate(h.at, true)}</time>{' '}
          <strong>{t('history.entry', { from: label(h.from), to: label(h.to) })}</strong>{' '}
          <span className="muted">{t('history.by', { who: h.actorName ?? h.actorRole })}</span>
          {h.reason && <p className="reason">{t('history.reason', { reason: h.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
