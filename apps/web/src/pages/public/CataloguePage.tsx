import { useEffect, useRef, useState, type FormEvent } from 'react';
import { catalogue, publicCompetitions, type CatalogueItem, type CatalogueQuery } from '../../api/public';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link, navigate, useQuery, withQuery } from '../../router/router';
import { sortCategories, useFormat } from './format';
import './public.css';

/** The filters, named in the address as the API names them: `/katalog?q=sitaro&category=kota&page=2`. */
const FILTERS = ['q', 'competition', 'category', 'regionId', 'digital'] as const;
type Filter = (typeof FILTERS)[number];
type Values = Record<Filter, string>;
const PAGE_SIZE = 20;

const valuesOf = (params: URLSearchParams) => Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Values;
const addressOf = (values: Values, page = 1) => withQuery('/katalog', { ...values, page: page > 1 && page });
function toQuery(values: Values, page: number): CatalogueQuery {
  const { q, competition, category, regionId, digital } = values;
  return {
    q: q || undefined,
    competition: competition || undefined,
    category: category || undefined,
    regionId: regionId || undefined,
    digital: digital ? digital === 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** `/katalog`: search and filter the innovations entered in the competitions, a page at a time. */
export function CataloguePage() {
  const { t } = useI18n();
  usePageTitle(t('pub.cat.title'));
  const params = useQuery();
  const values = valuesOf(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = params.toString();
  const results = useLoad(() => catalogue(toQuery(values, page)), [key]);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new search or page: take the keyboard and screen reader to the results, as a page load would.
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [key]);
  return (
    <article className="stack">
      <h1>{t('pub.cat.title')}</h1>
      <p className="lead">{t('pub.cat.intro')}</p>
      <Filters key={key} initial={values} />
      <section className="stack" aria-labelledby="catalogue-results">
        <h2 id="catalogue-results" ref={heading} tabIndex={-1}>
          {results.data ? t('pub.cat.count', { n: results.data.total }) : t('pub.cat.results')}
        </h2>
        <Loading state={results}>
          {({ items, total }) =>
            items.length === 0 ? (
              <p className="panel">{t('pub.cat.empty')}</p>
            ) : (
              <>
                <ul className="cards">
                  {items.map((i) => (
                    <CatalogueCard key={i.id} item={i} />
                  ))}
                </ul>
                <Pager page={page} pageSize={PAGE_SIZE} total={total} href={(p) => addressOf(values, p)} />
              </>
            )
          }
        </Loading>
      </section>
    </article>
  );
}

/**
 * The search form. The public API lists no regions or categories, so the choices come from the catalogue
 * itself (its first 100 entries, for the chosen competition).
 */
function Filters({ initial }: { initial: Values }) {
  const { t } = useI18n();
  const f = useFormat();
  const [values, setValues] = useState(initial);
  const competitions = useLoad(() => publicCompetitions(), []);
  const sample =
    useLoad(() => catalogue({ competition: values.competition || undefined, pageSize: 100 }), [values.competition]).data?.items ?? [];
  const regions = [...new Map(sample.map((i) => [i.regionId, i.region]))].sort((a, b) => a[1].localeCompare(b[1]));
  const categories = sortCategories(sample.map((i) => i.category));
  const set = (k: Filter) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(addressOf(values));
  };
  const select = (k: Filter, label: string, options: readonly (readonly [string, string])[]) => (
    <Field name={k} label={label}>
      {(control) => (
        <select {...control} value={values[k]} onChange={set(k)}>
          <option value="">{t('pub.cat.all')}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form className="panel filters" role="search" onSubmit={submit}>
      <Field name="q" label={t('pub.cat.q')}>
        {(control) => <input {...control} type="search" value={values.q} onChange={set('q')} />}
      </Field>
      {select(
        'competition',
        t('innovation.competition'),
        (competitions.data ?? []).map((c) => [c.slug, c.name] as const),
      )}
      {select(
        'category',
        t('innovation.category'),
        categories.map((c) => [c, f.category(c)] as const),
      )}
      {select('regionId', t('pub.cat.region'), regions)}
      {select('digital', t('form.digital'), [
        ['true', t('form.digital.yes')],
        ['false', t('form.digital.no')],
      ])}
      <div className="actions">
        <button type="submit" className="primary">
          {t('pub.cat.search')}
        </button>
        {FILTERS.some((k) => initial[k]) && <Link to="/katalog">{t('pub.cat.reset')}</Link>}
      </div>
    </form>
  );
}

function CatalogueCard({ item: i }: { item: CatalogueItem }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <li className="stack">
      <h3>
        <Link to={`/inovasi/${i.id}`}>{i.title}</Link>
      </h3>
      <p className="muted">
        {i.organization} · {i.region}
      </p>
      {i.summary && <p>{i.summary}</p>}
      <ul className="tags" aria-label={t('pub.cat.tags')}>
        <li>{f.category(i.category)}</li>
        {i.digital !== null && <li>{t(i.digital ? 'form.digital.yes' : 'form.digital.no')}</li>}
        <li>{i.competitionName}</li>
      </ul>
    </li>
  );
}
