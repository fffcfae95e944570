import { waiting } from '../../api/endpoints';
import { Loading } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';

/** The coordinator's queue: its region's proposals waiting for a check (GET /api/me/waiting). */
export function QueuePage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('coord.title'));
  const queue = useLoad(() => waiting(), [], { followChanges: true });
  return (
    <article className="stack">
      <h1>{t('coord.title')}</h1>
      <p className="lead">{t('coord.intro')}</p>
      <Loading state={queue}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="panel">{t('coord.empty')}</p>
          ) : (
            <>
              <p>{t('coord.count', { n: items.length })}</p>
              <ul className="cards">
                {items.map((i) => (
                  <li key={i.id}>
                    <Link to={`/coordinator/innovations/${i.id}`} aria-label={`${t('coord.open')}: ${i.title}`}>
                      {i.title}
                    </Link>{' '}
                    <StatusBadge status={i.status} />
                    <br />
                    <span className="muted">
                      {[i.organizationName, i.regionName].filter(Boolean).join(', ')} · {formatDate(i.updatedAt, true)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loading>
    </article>
  );
}
