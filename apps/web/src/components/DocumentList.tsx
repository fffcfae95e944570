import { documentPagePath, downloadDocument } from '../api/download';
import type { DocumentInfo } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ErrorSummary } from './ErrorSummary';
import { useAction } from './useAction';

const KB = 1024;
export const formatSize = (bytes: number) =>
  bytes < KB * KB ? `${Math.max(1, Math.round(bytes / KB))} KB` : `${(bytes / KB / KB).toFixed(1)} MB`;

interface Props {
  documents: readonly DocumentInfo[];
  /** When given, each document gets a delete button. */
  onDelete?(doc: DocumentInfo): Promise<void>;
}

/** Evidence documents with download links (fetched with the session's token) and optional delete. */
export function DocumentList({ documents, onDelete }: Props) {
  const { t, formatDate } = useI18n();
  const { busy, error, run } = useAction<string>();
  if (!documents.length) return <p>{t('docs.none')}</p>;
  return (
    <>
      <ErrorSummary error={error} explain={(err) => (err.code === 'DOCUMENT_FILE_MISSING' ? t('docs.fileMissing') : undefined)} />
      <ul className="documents">
        {documents.map((d) => (
          <li key={d.id}>
            <a
              href={documentPagePath(d.id, d.fileName)}
              target="_blank"
              rel="noopener"
              aria-label={t('docs.download', { name: d.fileName })}
              onClick={(e) => {
                // A plain click saves the file; a middle or modified click opens its page in a new tab.
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                void run(d.id, () => downloadDocument(d.id, d.fileName));
              }}
            >
              {d.fileName}
            </a>{' '}
            <span className="muted">
              {formatSize(d.size)} · {formatDate(d.createdAt, true)}
            </span>
            {onDelete && (
              <button type="button" className="link-button" disabled={busy !== null} onClick={() => void run(d.id, () => onDelete(d))}>
                {t('docs.delete', { name: d.fileName })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
