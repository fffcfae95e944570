import { useRef, useState } from 'react';
import { deleteDocument } from '../../api/endpoints';
import type { ApiError } from '../../api/errors';
import type { DocumentInfo } from '../../api/types';
import { uploadEvidence } from '../../api/upload';
import { BusyButton } from '../../components/BusyButton';
import { DocumentList } from '../../components/DocumentList';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import { notifyChanged } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';

interface Props {
  innovationId: string;
  documents: readonly DocumentInfo[];
  /** Called after an upload or a delete. */
  onChanged(): void;
  /** The submit's error for `documents`, if any. */
  error?: string;
}

/**
 * Evidence upload with progress. It is a group inside the proposal form, not a form of its own (forms do
 * not nest): the Upload button is type=button and Enter in the file input does nothing.
 */
export function EvidenceSection({ innovationId, documents, onChanged, error }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const { error: uploadError, run } = useAction();
  const [notice, setNotice] = useNotice();

  const upload = async () => {
    if (!file) return;
    setNotice(null);
    await run('run', async () => {
      setProgress(0);
      await uploadEvidence(innovationId, file, setProgress).finally(() => setProgress(null));
      setNotice({ key: 'docs.uploaded', vars: { name: file.name } });
      setFile(null);
      if (input.current) input.current.value = '';
      onChanged();
      notifyChanged();
    });
  };

  const explain = (err: ApiError) => (err.status === 413 ? t('docs.tooLarge') : err.status === 415 ? t('docs.unsupported') : undefined);
  const remove = async (doc: DocumentInfo) => {
    await deleteDocument(doc.id);
    onChanged();
  };
  const pct = Math.round((progress ?? 0) * 100);

  return (
    <section className="panel stack" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('docs.title')}</h2>
      <DocumentList documents={documents} onDelete={remove} />
      <ErrorSummary error={uploadError} explain={explain} />
      <Field name="documents" label={t('docs.file')} error={error}>
        {(control) => (
          <input
            {...control}
            ref={input}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <div className="actions">
        <BusyButton
          type="button"
          className="secondary"
          busy={progress !== null}
          busyLabel={t('docs.uploading', { pct })}
          disabled={!file}
          onClick={() => void upload()}
        >
          {t('docs.upload')}
        </BusyButton>
        {progress !== null && <progress max={100} value={pct} aria-label={t('docs.progress')} />}
      </div>
      <Notice message={notice} />
    </section>
  );
}
