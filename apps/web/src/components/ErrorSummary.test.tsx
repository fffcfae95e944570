import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { I18nProvider, useI18n } from '../i18n/I18nContext';
import { ErrorSummary } from './ErrorSummary';

/** The API's 400 as it comes (its messages in English: an older API or an English Accept-Language). */
const refusal = ApiError.fromBody(400, {
  statusCode: 400,
  error: 'Bad Request',
  message: 'Validation failed: name: name must be shorter than or equal to 200 characters',
  code: 'VALIDATION_FAILED',
  details: {
    fields: [
      { field: 'name', code: 'FIELD_TOO_LONG', params: { max: 200 }, message: 'name must be shorter than or equal to 200 characters' },
      { field: 'scores.kebaruan', code: 'SCORE_OUT_OF_RANGE', params: { min: 0, max: 100 }, message: 'must be between 0 and 100' },
      { field: 'custom', code: 'SOMETHING_NEW', message: 'an English text the dictionary does not know' },
    ],
  },
});
const conflict = ApiError.fromBody(409, {
  statusCode: 409,
  error: 'Conflict',
  message: '3 score sheet(s) are not submitted: …',
  code: 'STAGE_SHEETS_OPEN',
  params: { count: 3 },
  details: { open: [] },
});

function Switch() {
  const { setLang } = useI18n();
  return <button onClick={() => setLang('en')}>English</button>;
}

describe('ErrorSummary: the API’s errors in the user’s language', () => {
  it('renders field errors from their codes in Indonesian, falling back to the API’s message', async () => {
    render(
      <I18nProvider>
        <Switch />
        <ErrorSummary error={refusal} />
      </I18nProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('name: paling banyak 200 karakter');
    expect(alert.textContent).toContain('scores.kebaruan: harus antara 0 dan 100');
    expect(alert.textContent).toContain('custom: an English text the dictionary does not know');
    expect(alert.textContent).not.toContain('shorter than');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toContain('name: must be at most 200 characters');
  });

  it('renders a whole error from its code and parameters', () => {
    render(
      <I18nProvider>
        <ErrorSummary error={conflict} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('3 lembar nilai belum dikirim. Tunggu juri, atau tutup paksa dengan alasan.');
  });
});
