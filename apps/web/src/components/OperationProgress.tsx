import { saveFile } from '../api/download';
import { ApiError } from '../api/errors';
import { operationFilePath } from '../api/operations';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';
import type { OperationTracker } from './useOperation';

/**
 * The progress bar of a long operation (phase, done of total; indeterminate until the first report), and,
 * after a page reload, how the operation ended. The page around it stays usable.
 */
export function OperationProgress({ tracker }: { tracker: OperationTracker }) {
  const { t } = useI18n();
  const op = tracker.operation;
  const kind = op ? t(`op.kind.${op.kind}` as MessageKey) : t('op.label');
  if (tracker.active) {
    const known = op !== null && op.total > 0;
    return (
      <div className="operation" role="status" aria-live="polite">
        {tracker.resumed && <p>{t('op.resumed')}</p>}
        <progress className="working" aria-label={kind} {...(known ? { value: op.done, max: op.total } : {})} />
        <span data-phase={op?.phase ?? 'started'}>
          {kind}: {t(`op.phase.${op?.phase ?? 'started'}` as MessageKey)}
          {known && ` — ${t('op.count', { done: op.done, total: op.total })}`}
        </span>
      </div>
    );
  }
  if (!tracker.resumed || !op) return null;
  // The catalog's text of the code the route answered with (the same text the page would have shown).
  const reason = op.errorCode ? new ApiError(500, op.errorCode, op.errorCode).text : '';
  return (
    <div className={op.state === 'succeeded' ? 'notice' : 'error-summary'} role="status" data-state={op.state}>
      <p>
        {kind}: {op.state === 'succeeded' ? t('op.succeeded') : t('op.failed', { reason })}
      </p>
      {/* An export's file, kept with its operation: downloadable after the reload that lost the answer. */}
      {op.state === 'succeeded' && op.kind.endsWith('.export') && op.resultRef && (
        <button type="button" className="primary" onClick={() => void saveFile(operationFilePath(op.id), op.resultRef!)}>
          {t('op.download', { file: op.resultRef })}
        </button>
      )}{' '}
      <button type="button" className="secondary" onClick={tracker.dismiss}>
        {t('op.dismiss')}
      </button>
    </div>
  );
}
