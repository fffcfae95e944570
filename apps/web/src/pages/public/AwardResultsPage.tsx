import { awardResults, type AwardResults } from '../../api/awards';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/staff/Table';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import './public.css';

/** `/penghargaan/:slug`: a region award's published results, a table per category and per award group. */
export function AwardResultsPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const state = useLoad(() => awardResults(slug), [slug]);
  usePageTitle(state.data && t('award.pub.title', { name: state.data.competition.name }));
  return (
    <article className="stack">
      <p>
        <Link to="/hasil">← {t('pub.results.back')}</Link>
      </p>
      <Loading state={state}>{(view) => <AwardTables view={view} />}</Loading>
    </article>
  );
}

export function AwardTables({ view }: { view: AwardResults }) {
  const { t, pick, formatDate, formatNumber } = useI18n();
  const { competition, snapshot, index, stages } = view;
  return (
    <>
      <header className="stack">
        <h1>{t('award.pub.title', { name: competition.name })}</h1>
        <p className="lead">
          {t('award.pub.published', {
            version: snapshot.version,
            date: formatDate(snapshot.publishedAt),
            index: index.name,
            indexVersion: index.version,
          })}
        </p>
      </header>
      {view.sections.map((section) => (
        <section key={section.key} className="stack" aria-labelledby={`award-${section.key}`}>
          <h2 id={`award-${section.key}`}>{pick(section.label)}</h2>
          <p className="muted">{section.kind === 'group' ? t('award.pub.group') : t('award.pub.category')}</p>
          {section.rows.length === 0 ? (
            <p className="panel">{t('award.pub.emptySection')}</p>
          ) : (
            <Table
              caption={pick(section.label)}
              columns={[
                { label: t('award.col.rank'), num: true },
                t('award.col.region'),
                t('award.col.flagship'),
                ...stages.map((s) => ({ label: `${pick(s.label)} (${s.weight}%)`, num: true })),
                { label: t('award.col.final'), num: true },
              ]}
            >
              {section.rows.map((r) => (
                <tr key={r.entryId}>
                  <td className="num">{r.rank}</td>
                  <th scope="row" className="wide">
                    <a href={r.indexUrl} aria-label={t('award.pub.indexPage', { region: r.region })}>
                      {r.region}
                    </a>
                  </th>
                  <td className="wide">{r.flagship.map((f) => f.title).join('; ') || t('award.none')}</td>
                  {stages.map((s) => (
                    <td key={s.key} className="num">
                      {r.stages[s.key] === undefined ? t('award.none') : formatNumber(r.stages[s.key])}
                    </td>
                  ))}
                  <td className="num">{formatNumber(r.final)}</td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ))}
      <p>
        {t('award.pub.verify', { hash: snapshot.hash })} <a href={`/api/public/rankings/${snapshot.id}`}>{t('award.pub.snapshot')}</a>
      </p>
    </>
  );
}
