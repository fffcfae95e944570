import { useState, type FormEvent } from 'react';
import { createDraft, innovationsOf, openCompetitions, waiting } from '../../api/endpoints';
import type { Competition, Innovation } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { StatusBadge } from '../../components/StatusBadge';
import { notifyChanged, useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link, navigate } from '../../router/router';
import { submissionCloses } from './EligibilityRules';

function NewDraft({ competition }: { competition: Competition }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const { busy, error, run } = useAction();
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      const draft = await createDraft(competition.id, title);
      notifyChanged();
      navigate(`/opd/innovations/${draft.id}`);
    });
  };
  return (
    <form className="new-draft" onSubmit={create} noValidate>
      <ErrorSummary error={error} />
      <Field name={`new-${competition.id}`} label={t('opd.newTitle')} error={error?.fieldMessage('title')}>
        {(control) => (
          <div className="inline">
            <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />
            <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('opd.creating')}>
              {t('opd.create')}
            </BusyButton>
          </div>
        )}
      </Field>
    </form>
  );
}

function InnovationCards({ items }: { items: readonly Innovation[] }) {
  const { t, formatDate } = useI18n();
  if (!items.length) return <p>{t('opd.noInnovations')}</p>;
  return (
    <ul className="cards">
      {items.map((i) => (
        <li key={i.id}>
          <Link to={`/opd/innovations/${i.id}`}>{i.title}</Link> <StatusBadge status={i.status} />
          <span className="muted"> · {formatDate(i.updatedAt, true)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The OPD's innovations in each open competition, what waits on it, and a new draft per competition. */
export function MyInnovationsPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('opd.title'));
  const editions = useLoad(async () => Promise.all((await openCompetitions()).map(async (c) => ({ competition: c, innovations: (await innovationsOf(c.id)).items }))), []);
  const counts = useLoad(() => waiting(), [], { followChanges: true }).data?.counts;
  return (
    <article className="stack">
      <h1>{t('opd.title')}</h1>
      {counts && <p className="panel">{t('opd.waiting', { draft: counts.draft ?? 0, returned: counts.returned ?? 0 })}</p>}
      <Loading state={editions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('opd.noCompetitions')}</p>
          ) : (
            list.map(({ competition: c, innovations }) => {
              const closes = submissionCloses(c.plan);
              return (
                <section key={c.id} className="stack" aria-labelledby={`c-${c.id}`}>
                  <h2 id={`c-${c.id}`}>{c.name}</h2>
                  {closes && <p className="muted">{t('opd.deadline', { date: formatDate(closes, true) })}</p>}
                  <InnovationCards items={innovations} />
                  <h3>{t('opd.newDraft')}</h3>
                  {closes && Date.parse(closes) < Date.now() ? <p>{t('opd.closed')}</p> : <NewDraft competition={c} />}
                </section>
              );
            })
          )
        }
      </Loading>
    </article>
  );
}
