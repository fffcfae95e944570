import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** The attributes a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** Field ids follow the API's field names (`sections.ringkasan` → `f-sections-ringkasan`), so errors can link to them. */
export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

interface Props {
  name: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** Extra text read with the control, e.g. a word counter. */
  status?: ReactNode;
  error?: string;
  children(control: ControlProps): ReactNode;
}

/** A label, the control, an optional hint and status, and the API's error for this field. */
export function Field({ name, label, required, hint, status, error, children }: Props) {
  const { t } = useI18n();
  const id = fieldId(name);
  const described = [hint && `${id}-hint`, status && `${id}-status`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <>
            {' '}
            <span className="required" aria-hidden="true">
              *
            </span>
            <span className="visually-hidden">({t('common.required')})</span>
          </>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
        ...(required ? { 'aria-required': true } : {}),
      })}
      {status && (
        <div id={`${id}-status`} className="field-status">
          {status}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
