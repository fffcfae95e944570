import { useEffect } from 'react';
import { useAuth } from '../auth/AuthContext';
import { SignInForm } from '../auth/SignInForm';
import { homeOf } from '../components/Layout';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import { navigate, usePath } from '../router/router';

/** At /sign-in, and in place of any page that needs an account (that page shows once signed in). */
export function SignInPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const path = usePath();
  usePageTitle(t('auth.signIn'));
  useEffect(() => {
    if (session && path === '/sign-in') navigate(homeOf(session.user.role), { replace: true });
  }, [session, path]);
  return (
    <article className="narrow stack">
      <h1>{t('auth.pageTitle')}</h1>
      {path !== '/sign-in' && <p>{t('auth.pageIntro')}</p>}
      <SignInForm />
    </article>
  );
}
