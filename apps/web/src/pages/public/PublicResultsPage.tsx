import { downloads, rankings, type RankingView } from '../../api/public';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link, useQuery, withQuery } from '../../router/router';
import { bandTiers, sortCategories, useFormat } from './format';
import { RankingTable, UnrankedTable } from './RankingTable';
import { VerifySection } from './VerifySection';
import './public.css';

/** `/kompetisi/:slug[?version=n]`: a published ranking, per category, with its downloads and how to verify it. */
export function PublicResultsPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const version = Number(useQuery().get('version')) || undefined;
  const state = useLoad(() => rankings(slug, version), [slug, version]);
  usePageTitle(state.data && t('pub.results.title', { name: state.data.competition.name }));
  return (
    <article className="stack">
      <p>
        <Link to="/hasil">← {t('pub.results.back')}</Link>
      </p>
      {state.error?.code === 'RANKING_NOT_PUBLISHED' ? (
        <p className="panel">{t('pub.results.notPublished')}</p>
      ) : (
        <Loading state={state}>{(view) => <Results view={view} />}</Loading>
      )}
    </article>
  );
}

function Results({ view }: { view: RankingView }) {
  const { t, formatDate } = useI18n();
  const f = useFormat();
  const { competition, snapshot, versions } = view;
  const latest = versions[0];
  const categories = sortCategories([
    ...Object.keys(view.categories),
    ...Object.keys(view.unrankedCounts ?? {}),
    ...view.unranked.map((u) => u.category),
  ]);
  const tiers = bandTiers(view.categories);
  return (
    <>
      <header className="stack">
        <h1>{t('pub.results.title', { name: competition.name })}</h1>
        <p className="lead">
          {t('pub.results.published', { version: snapshot.version, date: formatDate(snapshot.publishedAt), year: competition.year })}
        </p>
        {snapshot.reason && <p>{t('pub.results.reason', { reason: snapshot.reason })}</p>}
        {latest && latest.version !== snapshot.version && (
          <p className="panel warning">
            {t('pub.results.older', { version: snapshot.version, latest: latest.version })}{' '}
            <Link to={`/kompetisi/${competition.slug}`}>{t('pub.results.showLatest')}</Link>
          </p>
        )}
      </header>
      {versions.length > 1 && <VersionNav view={view} />}
      <nav className="subnav" aria-label={t('pub.results.categories')}>
        <ul>
          {categories.map((c) => (
            <li key={c}>
              <a href={`#cat-${c}`}>{f.category(c)}</a>
            </li>
          ))}
          <li>
            <a href="#verify-title">{t('pub.verify.title')}</a>
          </li>
        </ul>
      </nav>
      <Downloads view={view} />
      {categories.map((c) => {
        const ranked = view.categories[c] ?? [];
        const unranked = view.unranked.filter((u) => u.category === c);
        return (
          <section key={c} className="stack results-category" aria-labelledby={`cat-${c}`}>
            <h2 id={`cat-${c}`}>{f.category(c)}</h2>
            {ranked.length ? (
              <RankingTable category={c} rows={ranked} stages={view.stages} tiers={tiers} snapshotId={snapshot.id} />
            ) : (
              <p>{t('pub.results.noneRanked')}</p>
            )}
            {unranked.length > 0 && (
              <UnrankedTable
                category={c}
                rows={unranked}
                total={view.unrankedCounts?.[c]?.total ?? unranked.length}
                stages={view.stages}
                slug={view.competition.slug}
                version={snapshot.version}
              />
            )}
          </section>
        );
      })}
      <VerifySection key={snapshot.id} view={view} />
    </>
  );
}

/** Every published version, newest first; the one shown is the current page. */
function VersionNav({ view }: { view: RankingView }) {
  const { t, formatDate } = useI18n();
  const base = `/kompetisi/${view.competition.slug}`;
  return (
    <nav className="subnav" aria-label={t('pub.results.versions')}>
      <ul>
        {view.versions.map((v, i) => (
          <li key={v.id}>
            <Link
              to={withQuery(base, { version: i > 0 && v.version })}
              aria-current={v.version === view.snapshot.version ? 'page' : undefined}
            >
              {t(i === 0 ? 'pub.results.versionLatest' : 'pub.results.version', { version: v.version, date: formatDate(v.publishedAt) })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Downloads({ view }: { view: RankingView }) {
  const { t } = useI18n();
  const { competition, snapshot } = view;
  const links = [
    { href: downloads.table(competition.slug, 'csv', snapshot.version), label: t('pub.results.csv') },
    { href: downloads.table(competition.slug, 'xlsx', snapshot.version), label: t('pub.results.xlsx') },
    { href: downloads.snapshot(snapshot.id), label: t('pub.results.snapshotJson'), file: 'snapshot.json' },
  ];
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title" className="h3">
        {t('pub.results.download')}
      </h2>
      <ul className="inline-list">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download={l.file ?? ''}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
