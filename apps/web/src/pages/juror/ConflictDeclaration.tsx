import { useState, type FormEvent } from 'react';
import { declareConflict } from '../../api/juror';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n/I18nContext';

/** POST /api/innovations/:id/conflicts with an optional reason; scoring the innovation is blocked afterwards. */
export function ConflictDeclaration({ innovationId, onDeclared }: { innovationId: string; onDeclared(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const declare = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      await declareConflict(innovationId, reason);
      onDeclared();
    });
  };
  return (
    <details className="panel">
      <summary>{t('jury.conflictTitle')}</summary>
      <form className="stack" onSubmit={declare} noValidate>
        <p>{t('jury.conflictIntro')}</p>
        <ErrorSummary error={error} labelOf={(f) => (f === 'reason' ? t('jury.conflictReason') : undefined)} />
        <Field name="reason" label={t('jury.conflictReason')} error={error?.fieldMessage('reason')}>
          {(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <BusyButton type="submit" className="secondary" busy={busy !== null} busyLabel={t('jury.declaring')}>
          {t('jury.declare')}
        </BusyButton>
      </form>
    </details>
  );
}
