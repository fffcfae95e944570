import { useEffect, useRef } from 'react';
import { fieldErrorText, type ApiError } from '../api/errors';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';
import { fieldId } from './Field';

const TITLED = new Set([0, 400, 401, 403, 404, 409, 413, 415, 429]);

interface Props {
  error: ApiError | null;
  /** The localized label of a field the page shows, if any (links the error to its input). */
  labelOf?(field: string): string | undefined;
  /** A sentence the page adds for this error (e.g. what a 413 means for uploads). */
  explain?(error: ApiError): string | undefined;
}

/** The API's error: a title for its status, its message, and every field error linked to its input. */
export function ErrorSummary({ error, labelOf, explain }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const title = t(`error.title.${TITLED.has(error.status) ? error.status : 'other'}` as MessageKey);
  const extra = explain?.(error);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <p className="error-title">{title}</p>
      {extra && <p>{extra}</p>}
      {error.status !== 0 && (!error.fields.length || error.status !== 400) && <p>{error.text}</p>}
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f, i) => {
            const label = labelOf?.(f.field);
            return (
              <li key={`${f.field}-${i}`}>
                {label ? <a href={`#${fieldId(f.field)}`}>{label}</a> : <strong>{f.field}</strong>}: {fieldErrorText(f)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
