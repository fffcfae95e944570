import type { SurveyPeriod } from '../../api/surveys';
import { useI18n } from '../../i18n/I18nContext';

/** A date input's `YYYY-MM-DD` as midnight WIB (the API wants an offset); empty stays empty (the API names the field). */
export const wibDate = (date: string) => (date ? `${date}T00:00:00+07:00` : '');

/** "78,07 · B (Baik)", or a dash without responses. */
export function IkmCell({ ikm }: { ikm: SurveyPeriod['ikm'] }) {
  const { t, pick, formatNumber } = useI18n();
  if (ikm.ikm === null || ikm.ikm === undefined) return <span>{t('common.none')}</span>;
  return <span>{`${formatNumber(ikm.ikm, 2)} · ${ikm.grade ?? ''}${ikm.label ? ` (${pick(ikm.label)})` : ''}`}</span>;
}
