import { useState, type FormEvent } from 'react';
import { createDraft, myInnovations, waiting } from '../../api/endpoints';
import type { Competition, InnovationSummary } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { OutcomeBadge, useOutcomes } from '../../components/OutcomeBadge';
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

function InnovationCards({ competition, items }: { competition: Competition; items: readonly InnovationSummary[] }) {
  const { t, formatDate } = useI18n();
  const outcomes = useOutcomes(competition).data;
  const published = competition.status === 'published' || competition.status === 'archived';
  if (!items.length) return <p>{t('opd.noInnovations')}</p>;
  return (
    <ul className="cards">
      {items.map((i) => (
        <li key={i.id}>
          <Link to={`/opd/innovations/${i.id}`}>{i.title}</Link>{' '}
          <OutcomeBadge status={i.status} outcome={outcomes?.get(i.id)} published={published} />
          <span className="muted"> · {formatDate(i.updatedAt, true)}</span>
          {published && outcomes?.get(i.id)?.rank !== undefined && (
            <>
              {' · '}
              <Link to={`/opd/innovations/${i.id}`}>{t('opd.whyScore')}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The OPD's innovations in every edition, grouped by edition with its state (newest first): drafts,
 * submissions in judging, and published outcomes; what waits on it, and a new draft in each open edition.
 */
export function MyInnovationsPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('opd.title'));
  const editions = useLoad(async () => (await myInnovations()).editions, []);
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
                  <h2 id={`c-${c.id}`}>
                    {c.name} <span className={`badge badge-${c.status}`}>{t(`org.status.${c.status}`)}</span>
                  </h2>
                  {c.status === 'open' && closes && <p className="muted">{t('opd.deadline', { date: formatDate(closes, true) })}</p>}
                  <InnovationCards competition={c} items={innovations} />
                  {c.status === 'open' && (
                    <>
                      <h3>{t('opd.newDraft')}</h3>
                      {closes && Date.parse(closes) < Date.now() ? <p>{t('opd.closed')}</p> : <NewDraft competition={c} />}
                    </>
                  )}
                </section>
              );
            })
          )
        }
      </Loading>
    </article>
  );
}
