import { useState, type FormEvent } from 'react';
import { forwardInnovation, returnInnovation } from '../../api/endpoints';
import type { Innovation } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { useAction } from '../../components/useAction';
import { notifyChanged } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { InnovationFrame, ReadOnlyProposal } from '../InnovationFrame';

type Decision = 'return' | 'forward';

function DecisionForm({ innovation, onDone }: { innovation: Innovation; onDone(next: Innovation, decision: Decision): void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction<Decision>();
  const decide = (decision: Decision) =>
    void run(decision, async () => {
      const next = await (decision === 'return' ? returnInnovation : forwardInnovation)(innovation.id, comment);
      notifyChanged();
      onDone(next, decision);
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide('return');
  };
  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="decision-title">
      <h2 id="decision-title">{t('coord.review')}</h2>
      <ErrorSummary error={error} labelOf={(f) => (f === 'comment' ? t('coord.comment') : undefined)} />
      <Field name="comment" label={t('coord.comment')} hint={t('coord.commentHint')} error={error?.fieldMessage('comment')}>
        {(control) => <textarea {...control} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <div className="actions">
        <BusyButton type="submit" className="secondary" busy={busy === 'return'} busyLabel={t('coord.working')} disabled={busy !== null}>
          {t('coord.return')}
        </BusyButton>
        <BusyButton
          type="button"
          className="primary"
          busy={busy === 'forward'}
          busyLabel={t('coord.working')}
          disabled={busy !== null}
          onClick={() => decide('forward')}
        >
          {t('coord.forward')}
        </BusyButton>
      </div>
    </form>
  );
}

/** A proposal of the coordinator's region, read-only, with the return / forward decision while it waits. */
export function ReviewPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <InnovationFrame id={id} back={{ to: '/coordinator', label: 'nav.queue' }}>
      {({ update, ...ctx }) => (
        <>
          {ctx.innovation.status === 'awaiting_coordinator' ? (
            <DecisionForm
              innovation={ctx.innovation}
              onDone={(next, decision) =>
                update(next, { key: decision === 'return' ? 'coord.returned' : 'coord.forwarded', vars: { title: next.title } })
              }
            />
          ) : (
            <p className="panel">{t('coord.notWaiting')}</p>
          )}
          <ReadOnlyProposal {...ctx} />
        </>
      )}
    </InnovationFrame>
  );
}
