import { useAuth } from '../auth/AuthContext';
import { homeOf } from '../components/Layout';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/router';
import { CompetitionList } from './public/CompetitionsPage';

export function HomePage() {
  const { t } = useI18n();
  const { session } = useAuth();
  usePageTitle(undefined);
  const role = session?.user.role;
  return (
    <article className="stack">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {!session && (
        <p>
          <Link to="/sign-in" className="button primary">
            {t('home.signInCta')}
          </Link>
        </p>
      )}
      {role && homeOf(role) !== '/' && (
        <p>
          <Link to={homeOf(role)} className="button primary">
            {t('home.continue')}
          </Link>
        </p>
      )}
      {role && homeOf(role) === '/' && <p>{t('role.pending', { role: t(`role.${role}`) })}</p>}
      <section className="stack" aria-labelledby="home-results">
        <h2 id="home-results">{t('pub.home.results')}</h2>
        <CompetitionList heading="h3" />
      </section>
    </article>
  );
}
