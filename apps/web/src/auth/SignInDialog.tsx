import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useAuth } from './AuthContext';
import { SignInForm } from './SignInForm';

/**
 * Shown over the page when the session cannot be refreshed: the page (and any half-filled form) stays
 * underneath, and the request that hit the 401 is sent again once the user has signed in.
 */
export function SignInDialog() {
  const { t } = useI18n();
  const { expired, session, dismiss } = useAuth();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (expired && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!expired && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [expired]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="expired-title"
      aria-describedby="expired-intro"
      onCancel={(e) => {
        e.preventDefault();
        dismiss();
      }}
    >
      {expired && (
        <>
          <h2 id="expired-title">{t('auth.expiredTitle')}</h2>
          <p id="expired-intro">{t('auth.expiredIntro')}</p>
          <SignInForm initialEmail={session?.user.email} />
          <button type="button" className="secondary" onClick={dismiss}>
            {t('auth.dismiss')}
          </button>
        </>
      )}
    </dialog>
  );
}
