import type { InnovationStatus } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

export function StatusBadge({ status }: { status: InnovationStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
