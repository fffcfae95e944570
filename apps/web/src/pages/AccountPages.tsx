import { useState, type FormEvent } from 'react';
import { requestPasswordReset, setAccountPassword } from '../api/endpoints';
import type { ApiError } from '../api/errors';
import { BusyButton } from '../components/BusyButton';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { useAction } from '../components/useAction';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import { Link, useQuery } from '../router/router';

/** What the API's account codes mean, in the reader's language. */
function useExplain() {
  const { t } = useI18n();
  return (error: ApiError) =>
    error.code === 'AUTH_TOKEN_INVALID'
      ? t('account.tokenInvalid')
      : error.code === 'AUTH_PASSWORD_WEAK'
        ? t('account.passwordWeak')
        : undefined;
}

/** At /lupa-sandi: asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('account.forgotTitle'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('run', () => requestPasswordReset(email))) setSent(true);
  };
  return (
    <article className="narrow stack">
      <h1>{t('account.forgotTitle')}</h1>
      {sent ? (
        <p role="status">{t('account.forgotSent')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack" noValidate>
          <p>{t('account.forgotIntro')}</p>
          <ErrorSummary error={error} labelOf={(f) => (f === 'email' ? t('auth.email') : undefined)} />
          <Field name="email" label={t('auth.email')} error={error?.fieldMessage('email')}>
            {(c) => <input {...c} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('account.sending')}>
            {t('account.forgotSubmit')}
          </BusyButton>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('account.backToSignIn')}</Link>
      </p>
    </article>
  );
}

/** At /atur-sandi (invitation) and /atur-ulang-sandi (reset), reached from the e-mail's one-time link. */
export function SetPasswordPage({ purpose }: { purpose: 'invitation' | 'reset' }) {
  const { t } = useI18n();
  const explain = useExplain();
  const title = purpose === 'invitation' ? t('account.inviteTitle') : t('account.resetTitle');
  usePageTitle(title);
  const token = useQuery().get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    if (await run('run', () => setAccountPassword(purpose, token, password))) setDone(true);
  };
  return (
    <article className="narrow stack">
      <h1>{title}</h1>
      {done ? (
        <p role="status">
          {t('account.passwordSet')} <Link to="/sign-in">{t('auth.signIn')}</Link>
        </p>
      ) : !token ? (
        <p>{t('account.tokenInvalid')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack" noValidate>
          <p>{purpose === 'invitation' ? t('account.inviteIntro') : t('account.resetIntro')}</p>
          <ErrorSummary error={error} explain={explain} labelOf={(f) => (f === 'password' ? t('account.newPassword') : undefined)} />
          <Field name="password" label={t('account.newPassword')} hint={t('account.passwordHint')} error={error?.fieldMessage('password')}>
            {(c) => (
              <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          <Field name="repeat" label={t('account.repeatPassword')} error={mismatch ? t('account.mismatch') : undefined}>
            {(c) => <input {...c} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
          </Field>
          <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('account.sending')}>
            {t('account.savePassword')}
          </BusyButton>
        </form>
      )}
    </article>
  );
}
