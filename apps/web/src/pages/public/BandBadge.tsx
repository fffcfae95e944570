import { useI18n } from '../../i18n/I18nContext';

/** The band as a badge; `tier` (0 = best band) picks its colour, the text always says which band it is. */
export function BandBadge({ band, tier }: { band: string | null; tier?: number }) {
  const { t } = useI18n();
  if (band === null) return <span className="muted">{t('common.none')}</span>;
  return <span className={`band band-${tier === undefined ? 'plain' : Math.min(tier, 3)}`}>{band}</span>;
}
