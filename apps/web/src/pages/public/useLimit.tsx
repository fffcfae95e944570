import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nContext';

/** A national edition ranks thousands: a long list shows its first `limit` rows and a button for the rest. */
export function useLimit<T>(rows: readonly T[], limit = 100): { shown: readonly T[]; more: ReactNode } {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  if (all || rows.length <= limit) return { shown: rows, more: null };
  return {
    shown: rows.slice(0, limit),
    more: (
      <p>
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          {t('pub.showAll', { n: rows.length })}
        </button>
      </p>
    ),
  };
}
