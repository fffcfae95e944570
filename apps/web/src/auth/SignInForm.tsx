import { useState, type FormEvent } from 'react';
import { BusyButton } from '../components/BusyButton';
import { ErrorSummary } from '../components/ErrorSummary';
import { useAction } from '../components/useAction';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/router';
import { useAuth } from './AuthContext';

/** Email and password; used by the sign-in page and by the dialog shown when a session ends. */
export function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('run', () => signIn(email, password));
  };
  const labels: Record<string, string> = { email: t('auth.email'), password: t('auth.password') };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <ErrorSummary error={error} labelOf={(f) => labels[f]} />
      <Field name="email" label={labels.email} error={error?.fieldMessage('email')}>
        {(c) => <input {...c} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field name="password" label={labels.password} error={error?.fieldMessage('password')}>
        {(c) => (
          <input {...c} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('auth.signingIn')}>
        {t('auth.signIn')}
      </BusyButton>
      <p>
        <Link to="/lupa-sandi">{t('account.forgotLink')}</Link>
      </p>
    </form>
  );
}
