import { lazy, Suspense, useMemo } from 'react';
import {
  indexDownloads,
  publicIndexEditions,
  publicIndexRankings,
  publicIndexRegion,
  type IndexBand,
  type IndexPublicRegion,
  type IndexRankings,
  type IndexRow,
} from '../../api/indexes';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link, useQuery, withQuery } from '../../router/router';
import { bandLabel, bandTier } from './assessment';
import { distributionOf, variableBars } from './charts-data';
import { groupTables } from './rankings-data';
import './indexes.css';

// chart.js loads with the charts only, never with this page's first paint.
const VariableChart = lazy(async () => ({
  default: (await import('./IndexCharts')).VariableChart,
}));
const DistributionChart = lazy(async () => ({
  default: (await import('./IndexCharts')).DistributionChart,
}));

const CATEGORY_ORDER = ['provinsi', 'kabupaten', 'kota'];
const sortCategories = (keys: string[]) =>
  [...keys].sort((a, b) => (CATEGORY_ORDER.indexOf(a) + 1 || 99) - (CATEGORY_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));

/** `/indeks`: the index editions with a published ranking. */
export function PublicIndexListPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('idx.pub.listTitle'));
  const state = useLoad(() => publicIndexEditions(), []);
  return (
    <article className="stack idx">
      <h1>{t('idx.pub.listTitle')}</h1>
      <p className="lead">{t('idx.pub.listIntro')}</p>
      <Loading state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="panel">{t('idx.pub.none')}</p>
          ) : (
            <ul className="cards">
              {rows.map((e) => (
                <li key={e.id}>
                  <Link to={`/indeks/${e.slug}`}>{e.name}</Link>
                  <br />
                  <span className="muted">
                    {t('idx.pub.published', {
                      version: e.version,
                      date: formatDate(e.publishedAt as unknown as string),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </article>
  );
}

function BandBadge({ bands, band }: { bands: readonly IndexBand[]; band: string | null }) {
  const { t, lang } = useI18n();
  if (band === null) return <>{t('common.none')}</>;
  return <span className={`badge idx-band idx-band-${bandTier(bands, band)}`}>{bandLabel(bands, band, lang)}</span>;
}

/** `/indeks/:slug[?version=n]`: the ranking per category and group with predicates, downloads and how to verify it. */
export function PublicIndexRankingsPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const version = Number(useQuery().get('version')) || undefined;
  const state = useLoad(() => publicIndexRankings(slug, version), [slug, version]);
  usePageTitle(state.data?.edition.name);
  return (
    <article className="stack idx">
      <p>
        <Link to="/indeks">← {t('idx.pub.back')}</Link>
      </p>
      {state.error?.status === 404 ? (
        <p className="panel">{t('idx.pub.notPublished')}</p>
      ) : (
        <Loading state={state}>{(view) => <Rankings view={view} version={version} />}</Loading>
      )}
    </article>
  );
}

function Rankings({ view, version }: { view: IndexRankings; version?: number }) {
  const { t, formatDate, formatNumber, lang } = useI18n();
  const { edition, snapshot, versions, bands } = view;
  const latest = versions[0];
  const categories = sortCategories(Object.keys(view.categories));
  const groups = useMemo(() => groupTables(view), [view]);
  const regionLink = (r: IndexRow) => withQuery(`/indeks/${edition.slug}/daerah/${r.region}`, { version });
  return (
    <>
      <header className="stack">
        <h1>{edition.name}</h1>
        <p className="lead">
          {t('idx.pub.published', {
            version: snapshot.version,
            date: formatDate(snapshot.publishedAt as unknown as string),
          })}
        </p>
        {snapshot.reason && <p>{t('idx.pub.reason', { reason: snapshot.reason })}</p>}
        {latest && latest.version !== snapshot.version && (
          <p className="panel warning">
            {t('idx.pub.older', {
              version: snapshot.version,
              latest: latest.version,
            })}{' '}
            <Link to={`/indeks/${edition.slug}`}>{t('idx.pub.showLatest')}</Link>
          </p>
        )}
      </header>
      {versions.length > 1 && (
        <nav aria-label={t('idx.pub.versions')} className="subnav">
          <ul>
            {versions.map((v) => (
              <li key={v.id}>
                <Link
                  to={withQuery(`/indeks/${edition.slug}`, {
                    version: v.version,
                  })}
                  aria-current={v.version === snapshot.version ? 'page' : undefined}
                >
                  {t('idx.pub.version', { version: v.version })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <nav className="subnav" aria-label={t('idx.pub.sections')}>
        <ul>
          {categories.map((c) => (
            <li key={c}>
              <a href={`#cat-${c}`}>{t(`idx.category.${c}` as MessageKey)}</a>
            </li>
          ))}
          {groups.length > 0 && (
            <li>
              <a href="#groups">{t('idx.pub.groups')}</a>
            </li>
          )}
          <li>
            <a href="#idx-verify">{t('idx.pub.verify')}</a>
          </li>
        </ul>
      </nav>
      <section className="panel stack" aria-labelledby="idx-bands">
        <h2 id="idx-bands">{t('idx.pub.bands')}</h2>
        <ul className="band-list">
          {[...bands]
            .sort((a, b) => b.min - a.min)
            .map((b) => (
              <li key={b.label.id}>
                <BandBadge bands={bands} band={b.label.id} /> {t('idx.pub.bandFrom', { min: formatNumber(b.min, 2) })}
                {lang === 'en' && <span className="muted"> ({b.label.id})</span>}
              </li>
            ))}
        </ul>
        <p className="hint">{t('idx.pub.howIid')}</p>
      </section>
      <section className="panel stack" aria-labelledby="idx-downloads">
        <h2 id="idx-downloads">{t('idx.pub.downloads')}</h2>
        <ul className="inline-list">
          <li>
            <a href={indexDownloads.table(edition.slug, 'csv', version)} download>
              CSV
            </a>
          </li>
          <li>
            <a href={indexDownloads.table(edition.slug, 'xlsx', version)} download>
              XLSX
            </a>
          </li>
          <li>
            <a href={indexDownloads.snapshot(snapshot.id)} download={`${edition.slug}-v${snapshot.version}.json`}>
              {t('idx.pub.snapshotJson')}
            </a>
          </li>
        </ul>
      </section>
      {categories.map((c) => (
        <section key={c} id={`cat-${c}`} className="stack" aria-labelledby={`cat-${c}-title`}>
          <h2 id={`cat-${c}-title`}>{t(`idx.category.${c}` as MessageKey)}</h2>
          <PublicTable
            caption={t('idx.pub.tableCaption', {
              what: t(`idx.category.${c}` as MessageKey),
            })}
            rows={view.categories[c]}
            bands={bands}
            link={regionLink}
          />
        </section>
      ))}
      {groups.length > 0 && (
        <section id="groups" className="stack" aria-labelledby="groups-title">
          <h2 id="groups-title">{t('idx.pub.groups')}</h2>
          <p className="hint">{t('idx.pub.groupsHint')}</p>
          {groups.map(([key, g]) => (
            <details key={key} className="panel">
              <summary>{t('idx.group', { name: g.name ?? key })}</summary>
              <PublicTable caption={t('idx.group', { name: g.name ?? key })} rows={g.rows} bands={bands} link={regionLink} />
            </details>
          ))}
        </section>
      )}
      <VerifyIndex slug={edition.slug} snapshot={snapshot} digest={view.inputsDigest} />
    </>
  );
}

function PublicTable({
  caption,
  rows,
  bands,
  link,
}: {
  caption: string;
  rows: readonly IndexRow[];
  bands: readonly IndexBand[];
  link(r: IndexRow): string;
}) {
  const { t, formatNumber } = useI18n();
  const n = (x: number) => formatNumber(x, 2);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="idx-ranking">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('idx.col.rank')}</th>
            <th scope="col">{t('idx.col.region')}</th>
            <th scope="col">{t('idx.col.iid')}</th>
            <th scope="col">{t('idx.col.band')}</th>
            <th scope="col" className="wide">
              {t('idx.col.spd')}
            </th>
            <th scope="col" className="wide">
              {t('idx.col.sid')}
            </th>
            <th scope="col" className="wide">
              {t('idx.col.iidSelf')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.region}>
              <td className="num">{r.rank}</td>
              <th scope="row">
                <Link to={link(r)}>{r.name ?? r.region}</Link>
                {r.province && <span className="muted small block">{r.province}</span>}
              </th>
              <td className="num">
                <strong>{n(r.verified.iid)}</strong>
              </td>
              <td>
                <BandBadge bands={bands} band={r.verified.band} />
              </td>
              <td className="num wide">{n(r.verified.spd)}</td>
              <td className="num wide">{n(r.verified.sid)}</td>
              <td className="num muted wide">{n(r.self.iid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VerifyIndex({
  slug,
  snapshot,
  digest,
}: {
  slug: string;
  snapshot: { id: string; version: number; hash: string };
  digest: string;
}) {
  const { t } = useI18n();
  const json = indexDownloads.snapshot(snapshot.id);
  return (
    <section id="idx-verify" className="panel stack" aria-labelledby="idx-verify-title">
      <h2 id="idx-verify-title">{t('idx.pub.verify')}</h2>
      <p>{t('idx.pub.verifyIntro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('idx.pub.hash')}</dt>
          <dd>
            <code className="mono">{snapshot.hash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('idx.pub.digest')}</dt>
          <dd>
            <code className="mono">{digest}</code>
          </dd>
        </div>
      </dl>
      <ol className="steps">
        <li>
          {t('idx.pub.step1')}{' '}
          <pre>
            <code>{`curl -o ${slug}-v${snapshot.version}.json ${location.origin}${json}`}</code>
          </pre>
        </li>
        <li>
          {t('idx.pub.step2')}{' '}
          <pre>
            <code>{`npm run -s cli -- verify ${slug}-v${snapshot.version}.json`}</code>
          </pre>
        </li>
      </ol>
      <p className="hint">{t('idx.pub.verifyHint')}</p>
    </section>
  );
}

/** `/indeks/:slug/daerah/:regionId[?version=n]`: a region's IID, SPD/SID, self vs verified per variable and indicator, its innovations. */
export function PublicIndexRegionPage({ slug, regionId }: { slug: string; regionId: string }) {
  const { t } = useI18n();
  const version = Number(useQuery().get('version')) || undefined;
  const state = useLoad(async () => {
    const [region, rankings] = await Promise.all([publicIndexRegion(slug, regionId, version), publicIndexRankings(slug, version)]);
    return { region, rankings };
  }, [slug, regionId, version]);
  usePageTitle(
    state.data &&
      t('idx.region.title', {
        region: state.data.region.region.name,
        edition: state.data.region.edition.name,
      }),
  );
  return (
    <article className="stack idx">
      <p>
        <Link to={withQuery(`/indeks/${slug}`, { version })}>← {t('idx.region.back')}</Link>
      </p>
      {state.error?.status === 404 ? (
        <p className="panel">{t('idx.region.notFound')}</p>
      ) : (
        <Loading state={state}>{({ region, rankings }) => <RegionView view={region} rankings={rankings} />}</Loading>
      )}
    </article>
  );
}

function RegionView({ view, rankings }: { view: IndexPublicRegion; rankings: IndexRankings }) {
  const { t, pick, formatNumber, lang } = useI18n();
  const n = (x: number) => formatNumber(x, 2);
  const categoryRows = useMemo(() => rankings.categories[view.category] ?? [], [rankings, view.category]);
  const bars = useMemo(
    () =>
      variableBars(view.variables, lang, {
        self: t('idx.region.self'),
        verified: t('idx.region.verified'),
        axis: t('idx.region.percentOfMax'),
      }),
    [view.variables, lang, t],
  );
  const distribution = useMemo(() => {
    const d = distributionOf(categoryRows, view.region.id);
    const summary = t('idx.region.distributionSummary', {
      n: categoryRows.length,
      category: t(`idx.category.${view.category}` as MessageKey),
      region: view.region.name,
      rank: view.rank,
      iid: formatNumber(view.verified.iid, 2),
    });
    return { ...d, label: t('idx.col.iid'), axis: t('idx.col.iid'), summary };
  }, [categoryRows, view, t, formatNumber]);
  const innovationTitle = new Map(view.innovations.map((i) => [i.id, i.title ?? i.id]));
  const regionAnswers = view.answers.filter((a) => a.innovation === null);
  return (
    <>
      <header className="stack">
        <h1>
          {t('idx.region.title', {
            region: view.region.name,
            edition: view.edition.name,
          })}
        </h1>
        <p className="lead">
          {t('idx.region.rank', {
            rank: view.rank,
            category: t(`idx.category.${view.category}` as MessageKey),
            n: categoryRows.length,
          })}
          {view.region.province && ` · ${view.region.province}`}
        </p>
      </header>
      <section className="panel stack" aria-labelledby="idx-scores">
        <h2 id="idx-scores">{t('idx.region.scores')}</h2>
        <p className="big-number">
          {t('idx.col.iid')} <strong>{n(view.verified.iid)}</strong> <BandBadge bands={view.bands} band={view.verified.band} />
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('idx.region.scores')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('idx.region.self')}</th>
                <th scope="col">{t('idx.region.verified')}</th>
              </tr>
            </thead>
            <tbody>
              {(['iid', 'spd', 'sid', 'innovations'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`idx.col.${k}`)}</th>
                  <td className="num">{k === 'innovations' ? view.self[k] : n(view.self[k])}</td>
                  <td className="num">{k === 'innovations' ? view.verified[k] : n(view.verified[k])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('idx.col.band')}</th>
                <td>
                  <BandBadge bands={view.bands} band={view.self.band} />
                </td>
                <td>
                  <BandBadge bands={view.bands} band={view.verified.band} />
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel stack" aria-labelledby="idx-variables">
        <h2 id="idx-variables">{t('idx.region.variables')}</h2>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <VariableChart data={bars} />
        </Suspense>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('idx.region.variables')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('idx.col.variable')}</th>
                <th scope="col">{t('idx.region.self')}</th>
                <th scope="col">{t('idx.region.verified')}</th>
                <th scope="col">{t('idx.col.max')}</th>
              </tr>
            </thead>
            <tbody>
              {view.variables.map((v) => (
                <tr key={v.key}>
                  <th scope="row">{pick(v.label)}</th>
                  <td className="num">{n(v.self)}</td>
                  <td className={`num${v.verified < v.self ? ' lower' : ''}`}>{n(v.verified)}</td>
                  <td className="num">{n(v.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel stack" aria-labelledby="idx-distribution">
        <h2 id="idx-distribution">
          {t('idx.region.distribution', {
            category: t(`idx.category.${view.category}` as MessageKey),
          })}
        </h2>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <DistributionChart data={distribution} />
        </Suspense>
        <p className="hint">{distribution.summary}</p>
      </section>
      <section className="stack" aria-labelledby="idx-indicators">
        <h2 id="idx-indicators">{t('idx.region.indicators')}</h2>
        <AnswerTable caption={t('idx.region.regionIndicators')} answers={regionAnswers} />
        {view.innovations.map((i) => (
          <details key={i.id} className="panel">
            <summary>
              {t('idx.region.innovationIndicators', {
                title: innovationTitle.get(i.id) ?? i.id,
              })}
            </summary>
            <AnswerTable caption={innovationTitle.get(i.id) ?? i.id} answers={view.answers.filter((a) => a.innovation === i.id)} />
          </details>
        ))}
      </section>
      <section className="panel stack" aria-labelledby="idx-innovations">
        <h2 id="idx-innovations">{t('idx.region.innovations', { n: view.innovations.length })}</h2>
        <p className="hint">{t('idx.region.maturityHint')}</p>
        <ul className="cards">
          {view.innovations.map((i) => (
            <li key={i.id}>
              <strong>{i.title ?? i.id}</strong>{' '}
              {!i.eligible && <span className="badge idx-state-unanswered">{t('idx.region.notEligible')}</span>}
              <br />
              <span>
                {t('idx.region.maturity', {
                  self: n(i.maturity.self),
                  verified: n(i.maturity.verified),
                  max: n(i.maturity.max),
                })}
              </span>{' '}
              <meter
                min={0}
                max={i.maturity.max || 1}
                value={i.maturity.verified}
                aria-label={t('idx.region.maturityOf', {
                  title: i.title ?? '',
                })}
              />
            </li>
          ))}
        </ul>
      </section>
      <p className="hint">
        {t('idx.region.snapshot', {
          version: view.snapshot.version,
          hash: view.snapshot.hash,
        })}{' '}
        <a href={indexDownloads.snapshot(view.snapshot.id)}>{t('idx.pub.snapshotJson')}</a>
      </p>
    </>
  );
}

function AnswerTable({ caption, answers }: { caption: string; answers: IndexPublicRegion['answers'] }) {
  const { t, pick } = useI18n();
  // The validators' notes to the region where they changed its answer (published with the snapshot).
  const notes = answers.some((a) => a.note);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('idx.col.indicator')}</th>
            <th scope="col">{t('idx.region.self')}</th>
            <th scope="col">{t('idx.region.verified')}</th>
            {notes && <th scope="col">{t('idx.region.note')}</th>}
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={`${a.innovation ?? ''}/${a.indicator}`}>
              <th scope="row">{a.label ? pick(a.label) : a.indicator}</th>
              <td>{a.self ? `${pick(a.self.label)} (${a.self.score})` : t('common.none')}</td>
              <td className={a.self && a.verified && a.verified.score < a.self.score ? 'lower' : undefined}>
                {a.verified ? `${pick(a.verified.label)} (${a.verified.score})` : t('idx.region.notVerified')}
              </td>
              {notes && <td className="idx-note">{a.note ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
