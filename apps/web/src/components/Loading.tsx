import type { ReactNode } from 'react';
import type { Loaded } from './useLoad';
import { ErrorSummary } from './ErrorSummary';
import { useI18n } from '../i18n/I18nContext';

/** Shows the loading text or the error of a `useLoad`, else renders its data. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error) return <ErrorSummary error={state.error} />;
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
