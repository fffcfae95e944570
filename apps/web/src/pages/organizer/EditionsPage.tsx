import { useState, type FormEvent } from 'react';
import { createCompetition, myCompetitions } from '../../api/organizer';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { NumberInput } from '../../components/staff/NumberInput';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link, navigate } from '../../router/router';
import { editionPath } from './EditionFrame';

const FIELDS = ['name', 'slug', 'year'] as const;

/** POST /api/competitions from the IGA/KIPP template; the plan is then edited on the edition's plan page. */
function NewEdition() {
  const { t } = useI18n();
  const [values, setValues] = useState({ name: '', slug: '', year: new Date().getFullYear() + 1 });
  const { busy, error, run } = useAction();
  const label = (f: string) => ((FIELDS as readonly string[]).includes(f) ? t(`org.new.${f as (typeof FIELDS)[number]}`) : undefined);
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      const c = await createCompetition({ ...values, template: 'iga-kipp' });
      navigate(editionPath(c.id, '/rencana'));
    });
  };
  // A taken slug is a 409 naming the field: show it there too.
  const fieldError = (f: string) => error?.fieldMessage(f) ?? (error?.details.field === f ? error.text : undefined);
  return (
    <form className="panel stack" onSubmit={create} noValidate aria-labelledby="new-edition">
      <h2 id="new-edition">{t('org.new.title')}</h2>
      <p className="hint">{t('org.new.intro')}</p>
      <ErrorSummary error={error} labelOf={label} />
      <div className="grid-2">
        <Field name="name" label={t('org.new.name')} error={fieldError('name')}>
          {(control) => <input {...control} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
        </Field>
        <Field name="slug" label={t('org.new.slug')} hint={t('org.new.slugHint')} error={fieldError('slug')}>
          {(control) => <input {...control} value={values.slug} onChange={(e) => setValues({ ...values, slug: e.target.value })} />}
        </Field>
        <Field name="year" label={t('org.new.year')} error={fieldError('year')}>
          {(control) => <NumberInput {...control} value={values.year} onChange={(year) => setValues({ ...values, year })} />}
        </Field>
      </div>
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('org.working')}>
          {t('org.new.create')}
        </BusyButton>
      </div>
    </form>
  );
}

/** The editions the organizer runs (an admin: all), a new one from the template, and the directory tools. */
export function EditionsPage() {
  const { t, pick, formatDate } = useI18n();
  usePageTitle(t('nav.editions'));
  const list = useLoad(() => myCompetitions(), []);
  return (
    <article className="stack">
      <h1>{t('nav.editions')}</h1>
      <nav className="subnav" aria-label={t('org.tools')}>
        <ul>
          <li>
            <Link to="/panitia/direktori">{t('org.import.title')}</Link>
          </li>
          <li>
            <Link to="/panitia/notifikasi-gagal">{t('org.dead.title')}</Link>
          </li>
        </ul>
      </nav>
      <Loading state={list}>
        {(items) =>
          items.length === 0 ? (
            <p className="panel">{t('org.editions.empty')}</p>
          ) : (
            <Table
              caption={t('org.editions.caption')}
              columns={[t('org.col.edition'), t('org.col.year'), t('org.col.status'), t('org.col.currentStage'), t('org.col.created')]}
            >
              {items.map((c) => {
                const current = c.stages.find((s) => s.status === 'open') ?? null;
                const label = current && c.plan.stages.find((s) => s.key === current.key)?.label;
                return (
                  <tr key={c.id}>
                    <td>
                      <Link to={editionPath(c.id)}>{c.name}</Link>
                    </td>
                    <td>{c.year}</td>
                    <td>
                      <span className={`badge badge-${c.status}`}>{t(`org.status.${c.status}`)}</span>
                    </td>
                    <td>{label ? pick(label) : t('common.none')}</td>
                    <td>{formatDate(c.createdAt)}</td>
                  </tr>
                );
              })}
            </Table>
          )
        }
      </Loading>
      <NewEdition />
    </article>
  );
}
