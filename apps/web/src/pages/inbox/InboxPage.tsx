import { markAllRead, markRead, notifications, type Notification } from '../../api/inbox';
import { useAuth } from '../../auth/AuthContext';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { Pager } from '../../components/Pager';
import { useAction } from '../../components/useAction';
import { notifyChanged, useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link, useQuery, withQuery } from '../../router/router';
import { targetOf } from './links';
import '../public/public.css';

const PAGE_SIZE = 20;

/** `/kotak-masuk`: the signed-in user's in-app notifications, newest first. */
export function InboxPage() {
  const { t } = useI18n();
  const role = useAuth().session?.user.role;
  usePageTitle(t('inbox.title'));
  const query = useQuery();
  const unreadOnly = query.get('unread') === 'true';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const state = useLoad(() => notifications({ page, pageSize: PAGE_SIZE, unread: unreadOnly || undefined }), [page, unreadOnly], {
    followChanges: true,
  });
  const { busy, error, run } = useAction<string>();
  const [notice, setNotice] = useNotice();
  const read = (n: Notification) => run(n.id, () => markRead(n.id).then(notifyChanged));
  const readAll = () =>
    run('all', async () => {
      const { updated } = await markAllRead();
      setNotice({ key: 'inbox.markedAll', vars: { n: updated } });
      notifyChanged();
    });
  const href = (p: number, unread = unreadOnly) => withQuery('/kotak-masuk', { unread: unread && 'true', page: p > 1 && p });
  return (
    <article className="stack">
      <h1>{t('inbox.title')}</h1>
      <nav className="subnav" aria-label={t('inbox.filter')}>
        <ul>
          <li>
            <Link to={href(1, false)} aria-current={unreadOnly ? undefined : 'page'}>
              {t('inbox.all')}
            </Link>
          </li>
          <li>
            <Link to={href(1, true)} aria-current={unreadOnly ? 'page' : undefined}>
              {t('inbox.unreadOnly')}
            </Link>
          </li>
        </ul>
      </nav>
      <Notice message={notice} />
      <ErrorSummary error={error} />
      <Loading state={state}>
        {(data) => (
          <>
            <div className="actions">
              <span>{t('inbox.unread', { n: data.unread })}</span>
              {data.unread > 0 && (
                <BusyButton
                  type="button"
                  className="secondary"
                  busy={busy === 'all'}
                  busyLabel={t('inbox.marking')}
                  disabled={busy !== null}
                  onClick={() => void readAll()}
                >
                  {t('inbox.markAll')}
                </BusyButton>
              )}
            </div>
            {data.items.length === 0 ? (
              <p className="panel">{t(unreadOnly ? 'inbox.emptyUnread' : 'inbox.empty')}</p>
            ) : (
              <ul className="cards inbox">
                {data.items.map((n) => (
                  <Item key={n.id} notification={n} target={targetOf(n.link, role)} busy={busy !== null} onRead={() => void read(n)} />
                ))}
              </ul>
            )}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} href={(p) => href(p)} />
          </>
        )}
      </Loading>
    </article>
  );
}

interface ItemProps {
  notification: Notification;
  target: string | null;
  busy: boolean;
  onRead(): void;
}

/** One notification: its title (a link to what it is about, which also marks it read), text and time. */
function Item({ notification: n, target, busy, onRead }: ItemProps) {
  const { t, formatDate } = useI18n();
  const unread = !n.readAt;
  // Following the link reads the notification; the page changes anyway, so a failure is not shown.
  const follow = () => {
    if (unread) void markRead(n.id).then(notifyChanged, () => undefined);
  };
  return (
    <li className={unread ? 'stack unread' : 'stack'}>
      <h2 className="h3">
        {target ? (
          <Link to={target} onClick={follow}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
        {unread && (
          <>
            {' '}
            <span className="badge badge-new">{t('inbox.new')}</span>
          </>
        )}
      </h2>
      <p className="prose">{n.body}</p>
      <p className="muted item-foot">
        <time dateTime={n.createdAt}>{formatDate(n.createdAt, true)}</time>
        {unread && (
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={onRead}
            aria-label={t('inbox.markReadOf', { title: n.title })}
          >
            {t('inbox.markRead')}
          </button>
        )}
      </p>
    </li>
  );
}
