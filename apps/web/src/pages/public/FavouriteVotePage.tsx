import { useEffect, useState, type FormEvent } from 'react';
import { castVote, publicPoll, verifyVote, type PublicPoll } from '../../api/citizen';
import { asApiError, type ApiError } from '../../api/errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import './public.css';

/** `/favorit/:id`: the public favourite vote of a category; the tally with its hash once voting closes. */
export function FavouriteVotePage({ id }: { id: string }) {
  const state = useLoad(() => publicPoll(id), [id]);
  return <article className="stack survey">{<Loading state={state}>{(poll) => <Poll poll={poll} />}</Loading>}</article>;
}

function Poll({ poll }: { poll: PublicPoll }) {
  const { t, formatDate } = useI18n();
  const [choice, setChoice] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  const title = t('fav.title', { category: poll.category, competition: poll.competition });
  usePageTitle(title);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('run', () => castVote(poll.id, choice, email))) setSent(true);
  };
  const name = (id: string) => poll.candidates.find((c) => c.innovationId === id);
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{t('fav.window', { from: formatDate(poll.opensAt, true), to: formatDate(poll.closesAt, true) })}</p>
      {poll.results ? (
        <section className="stack" aria-labelledby="fav-results">
          <h2 id="fav-results">{t('fav.results')}</h2>
          <ol>
            {poll.results.rows.map((r) => (
              <li key={r.innovationId}>
                <strong>{name(r.innovationId)?.title}</strong> ({name(r.innovationId)?.organization}) — {t('fav.votes', { n: r.votes })}
              </li>
            ))}
          </ol>
          <p className="muted hash">{t('fav.hash', { hash: poll.results.hash })}</p>
        </section>
      ) : !poll.open ? (
        <p className="notice">{t('fav.closed')}</p>
      ) : sent ? (
        <p role="status" className="lead">
          {t('fav.sent')}
        </p>
      ) : (
        <form className="stack" onSubmit={submit}>
          <ErrorSummary error={error} />
          <fieldset>
            <legend>{t('fav.pick')}</legend>
            {poll.candidates.map((c) => (
              <label key={c.innovationId} className="scale-option">
                <input
                  type="radio"
                  name="innovation"
                  value={c.innovationId}
                  checked={choice === c.innovationId}
                  onChange={() => setChoice(c.innovationId)}
                  required
                />
                <span>
                  {c.title} — {c.organization}
                </span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('fav.email')}</span>
            <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button type="submit" disabled={busy !== null}>
            {t('fav.vote')}
          </button>
        </form>
      )}
    </>
  );
}

/** `/v/:token`: the e-mailed one-time link; opening it confirms the vote. */
export function VoteConfirmPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'busy' | 'done' | ApiError>('busy');
  usePageTitle(t('fav.confirming'));
  useEffect(() => {
    verifyVote(token).then(
      () => setState('done'),
      (err: unknown) => setState(asApiError(err)),
    );
  }, [token]);
  return (
    <article className="stack survey">
      {state === 'busy' ? (
        <p role="status">{t('fav.confirming')}</p>
      ) : state === 'done' ? (
        <p role="status" className="lead">
          {t('fav.confirmed')}
        </p>
      ) : (
        <ErrorSummary error={state} />
      )}
    </article>
  );
}
