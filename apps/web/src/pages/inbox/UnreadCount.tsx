import { notifications } from '../../api/inbox';
import { CountBadge } from '../../components/CountBadge';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { usePath } from '../../router/router';

/** The signed-in user's unread notifications, beside the inbox link; looked up again after each navigation and change. */
export function UnreadCount({ userId }: { userId: string }) {
  const { t } = useI18n();
  const path = usePath();
  const n = useLoad(() => notifications({ pageSize: 1 }), [userId, path], { followChanges: true }).data?.unread ?? 0;
  return <CountBadge n={n} label={t('inbox.unread', { n })} />;
}
