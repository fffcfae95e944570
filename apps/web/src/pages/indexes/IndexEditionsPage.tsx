import { useState } from 'react';
import { createIndexEdition, indexEditions, type CreateIndexEdition } from '../../api/indexes';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { fromWibInput } from '../organizer/wib';
import { Link, navigate } from '../../router/router';
import './indexes.css';

/** The index editions a role works on (`/coordinator/indeks`, `/opd/indeks`, `/juri/indeks`, `/panitia/indeks`), each linking to `base/:id`. */
export function IndexEditionsPage({ base, manage = false }: { base: string; manage?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t('idx.editions.title'));
  const state = useLoad(() => indexEditions(), []);
  return (
    <article className="stack idx">
      <h1>{t('idx.editions.title')}</h1>
      <p className="lead">{t(manage ? 'idx.editions.introOrganizer' : 'idx.editions.intro')}</p>
      <Loading state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="panel">{t('idx.editions.none')}</p>
          ) : (
            <ul className="cards">
              {rows.map((e) => (
                <li key={e.id}>
                  <Link to={`${base}/${e.id}`}>{e.name}</Link>{' '}
                  <span className={`badge idx-status-${e.status}`}>{t(`idx.status.${e.status}` as MessageKey)}</span>
                  <br />
                  <span className="muted">
                    {e.year} · {e.categories.map((c) => t(`idx.category.${c}` as MessageKey)).join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
      <p>
        <Link to="/indeks">{t('idx.editions.public')}</Link>
      </p>
      {manage && <CreateForm />}
    </article>
  );
}

const CATEGORIES = ['provinsi', 'kabupaten', 'kota'] as const;
const WINDOWS = ['selfAssessmentOpensAt', 'selfAssessmentClosesAt', 'verificationOpensAt', 'verificationClosesAt'] as const;

/** A new edition with the default IID 2023-shaped framework, its categories and windows (WIB). */
function CreateForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [categories, setCategories] = useState<string[]>([...CATEGORIES]);
  const [windows, setWindows] = useState<Record<(typeof WINDOWS)[number], string>>({
    selfAssessmentOpensAt: '',
    selfAssessmentClosesAt: '',
    verificationOpensAt: '',
    verificationClosesAt: '',
  });
  const { busy, error, run } = useAction();
  const fieldError = (f: string) => error?.fields.find((e) => e.field === f || e.field.startsWith(`${f}.`))?.message;
  const create = async () => {
    const body: CreateIndexEdition = {
      name: name.trim(),
      slug: slug.trim(),
      year: Number(year),
      categories: categories as CreateIndexEdition['categories'],
      ...Object.fromEntries(WINDOWS.flatMap((w) => (windows[w] ? [[w, fromWibInput(windows[w])]] : []))),
    };
    let created: { id: string } | undefined;
    if (await run('run', async () => void (created = await createIndexEdition(body)))) navigate(`/panitia/indeks/${created!.id}`);
  };
  return (
    <form
      className="panel stack"
      aria-label={t('idx.create.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2>{t('idx.create.title')}</h2>
      <p className="hint">{t('idx.create.hint')}</p>
      <ErrorSummary
        error={error}
        labelOf={(f) =>
          ({
            name: t('idx.create.name'),
            slug: t('idx.create.slug'),
            year: t('idx.create.year'),
          })[f]
        }
      />
      <Field name="name" label={t('idx.create.name')} required error={fieldError('name')}>
        {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field name="slug" label={t('idx.create.slug')} required hint={t('idx.create.slugHint')} error={fieldError('slug')}>
        {(c) => <input {...c} value={slug} onChange={(e) => setSlug(e.target.value)} />}
      </Field>
      <Field name="year" label={t('idx.create.year')} required error={fieldError('year')}>
        {(c) => <input {...c} type="number" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
      </Field>
      <fieldset className="stack">
        <legend>{t('idx.create.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="option">
            <input
              type="checkbox"
              checked={categories.includes(c)}
              onChange={(e) => setCategories(e.target.checked ? [...categories, c] : categories.filter((x) => x !== c))}
            />{' '}
            {t(`idx.category.${c}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t('idx.create.windows')}</legend>
        {WINDOWS.map((w) => (
          <Field key={w} name={w} label={t(`idx.window.${w}`)} error={fieldError(w)}>
            {(c) => (
              <input {...c} type="datetime-local" value={windows[w]} onChange={(e) => setWindows({ ...windows, [w]: e.target.value })} />
            )}
          </Field>
        ))}
      </fieldset>
      <div className="actions">
        <BusyButton type="submit" busy={busy !== null} busyLabel={t('idx.sending')}>
          {t('idx.create.submit')}
        </BusyButton>
      </div>
    </form>
  );
}
