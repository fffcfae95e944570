import { publicCompetitions, type PublicCompetition } from '../../api/public';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import './public.css';

/** `/hasil`: every competition past draft, with its published results. */
export function CompetitionsPage() {
  const { t } = useI18n();
  usePageTitle(t('pub.list.title'));
  return (
    <article className="stack">
      <h1>{t('pub.list.title')}</h1>
      <p className="lead">{t('pub.list.intro')}</p>
      <CompetitionList heading="h2" />
    </article>
  );
}

type Heading = 'h2' | 'h3';

/** The competitions, newest first (also on the home page, a level deeper). */
export function CompetitionList({ heading }: { heading: Heading }) {
  const { t } = useI18n();
  const state = useLoad(() => publicCompetitions(), []);
  return (
    <Loading state={state}>
      {(list) =>
        list.length === 0 ? (
          <p>{t('pub.list.empty')}</p>
        ) : (
          <ul className="cards competitions">
            {list.map((c) => (
              <CompetitionCard key={c.id} competition={c} heading={heading} />
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

function CompetitionCard({ competition: c, heading: H }: { competition: PublicCompetition; heading: Heading }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="stack">
      <H className="h3">{c.snapshotId ? <Link to={`/kompetisi/${c.slug}`}>{c.name}</Link> : c.name}</H>
      <p>
        <span className={`badge badge-${c.status}`}>{t(`pub.status.${c.status}`)}</span>{' '}
        <span className="muted">{t('pub.list.facts', { year: c.year, n: c.innovations })}</span>
      </p>
      {c.description && <p>{c.description}</p>}
      <p>
        {c.version && c.publishedAt
          ? t('pub.list.published', { version: c.version, date: formatDate(c.publishedAt) })
          : t('pub.list.notPublished')}
      </p>
      <p>
        <Link to={`/katalog?competition=${encodeURIComponent(c.slug)}`}>{t('pub.list.catalogue', { name: c.name })}</Link>
      </p>
    </li>
  );
}
