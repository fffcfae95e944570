import { saveFile } from '../api/download';
import type { OperationFile } from '../api/operations';
import { useI18n } from '../i18n/I18nContext';
import { BusyButton } from './BusyButton';
import { ErrorSummary } from './ErrorSummary';
import { OperationProgress } from './OperationProgress';
import { useAction } from './useAction';
import { useOperation } from './useOperation';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * An organizer's download of a published ranking as a long operation: the export runs on the server with a
 * progress bar (the page stays usable), then the file is saved. After a reload the operation is followed to its
 * end and its file offered from GET /api/operations/{id}/file.
 */
export function ExportDownloads({
  scope,
  start,
}: {
  /** The operation's scope in sessionStorage, e.g. `export:<competition id>`. */
  scope: string;
  start(format: ExportFormat, operationId: string): Promise<OperationFile>;
}) {
  const { t } = useI18n();
  const tracker = useOperation(scope);
  const { busy, error, run } = useAction<ExportFormat>();
  const go = (format: ExportFormat) =>
    void run(format, async () => {
      const file = await start(format, tracker.begin()).finally(tracker.end);
      await saveFile(file.href, file.fileName);
    });
  return (
    <div className="stack export-downloads">
      <h3>{t('op.export.title')}</h3>
      <p className="hint">{t('op.export.hint')}</p>
      <ErrorSummary error={error} />
      <div className="actions">
        {(['csv', 'xlsx'] as const).map((format) => (
          <BusyButton
            key={format}
            type="button"
            className="secondary"
            busy={busy === format}
            busyLabel={t('op.export.busy')}
            disabled={busy !== null || tracker.active}
            onClick={() => go(format)}
          >
            {t(`op.export.${format}`)}
          </BusyButton>
        ))}
      </div>
      <OperationProgress tracker={tracker} />
    </div>
  );
}
