import { usePageTitle } from '../components/usePageTitle';
import { Link } from '../router/router';
import { useI18n } from '../i18n/I18nContext';

/** A page that only says something: not found, or not for this role. */
export function MessagePage({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  usePageTitle(title);
  return (
    <article className="stack">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </article>
  );
}
