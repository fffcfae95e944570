import type { ReactNode, Ref } from 'react';
import { waiting } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import type { Lang } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';
import { UnreadCount } from '../pages/inbox/UnreadCount';
import { helpLinkOf } from '../pages/help/links';
import { Link, navigate, usePath } from '../router/router';
import { CountBadge } from './CountBadge';
import { useLoad } from './useLoad';

const LANGS: readonly Lang[] = ['id', 'en'];

const HOMES: Partial<Record<string, string>> = {
  opd: '/opd',
  coordinator: '/coordinator',
  juror: '/juri',
  organizer: '/panitia',
  admin: '/panitia',
};

/** Each role's regional innovation index pages; everyone else reads the published ones. */
const INDEXES: Partial<Record<string, string>> = {
  opd: '/opd/indeks',
  coordinator: '/coordinator/indeks',
  juror: '/juri/indeks',
  organizer: '/panitia/indeks',
  admin: '/panitia/indeks',
};

/** Where each role starts (roles without pages yet start at home). */
export const homeOf = (role: string | undefined) => HOMES[role ?? ''] ?? '/';

function WaitingCount({ role }: { role: string }) {
  const { t } = useI18n();
  const state = useLoad(() => waiting(), [role], { followChanges: true });
  const n = Object.values(state.data?.counts ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  return <CountBadge n={n} label={t('nav.waiting', { n })} />;
}

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const path = usePath();
  const current = to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The `?` link from a screen to its part of the guide. */
function PageHelp() {
  const { t } = useI18n();
  const to = helpLinkOf(usePath());
  return to ? (
    <Link to={to} className="help-link" title={t('help.pageLink')} aria-label={t('help.pageLink')}>
      ?
    </Link>
  ) : null;
}

/** Skip link, header with the language switch and role-aware navigation, the main landmark, footer. */
export function Layout({ children, mainRef }: { children: ReactNode; mainRef: Ref<HTMLElement> }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useAuth();
  const role = session?.user.role;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <div className="lang-switch" role="group" aria-label={t('lang.label')}>
            {LANGS.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {t(`lang.${l}`)}
              </button>
            ))}
          </div>
        </div>
        <nav className="bar" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/">{t('nav.home')}</NavLink>
            </li>
            <li>
              <NavLink to="/hasil">{t('pub.nav.results')}</NavLink>
            </li>
            <li>
              <NavLink to="/katalog">{t('pub.nav.catalogue')}</NavLink>
            </li>
            <li>
              <NavLink to={INDEXES[role ?? ''] ?? '/indeks'}>{t('nav.index')}</NavLink>
            </li>
            {(role === 'opd' || role === 'coordinator') && (
              <li>
                <NavLink to={homeOf(role)}>
                  {t(role === 'opd' ? 'nav.myInnovations' : 'nav.queue')}
                  <WaitingCount role={role} />
                </NavLink>
              </li>
            )}
            {(role === 'opd' || role === 'coordinator') && (
              <li>
                <NavLink to="/survei">{t('nav.surveys')}</NavLink>
              </li>
            )}
            {role === 'coordinator' && (
              <li>
                <NavLink to="/coordinator/penghargaan">{t('award.nav')}</NavLink>
              </li>
            )}
            {role === 'juror' && (
              <li>
                <NavLink to="/juri">{t('nav.jury')}</NavLink>
              </li>
            )}
            {(role === 'organizer' || role === 'admin') && (
              <li>
                <NavLink to="/panitia">{t('nav.editions')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/bantuan">{t('help.nav')}</NavLink>
            </li>
            {session && (
              <li>
                <NavLink to="/kotak-masuk">
                  {t('inbox.title')}
                  <UnreadCount userId={session.user.id} />
                </NavLink>
              </li>
            )}
          </ul>
          <div className="account">
            {session ? (
              <>
                <span className="muted">{t('auth.signedInAs', { name: session.user.name, role: t(`role.${session.user.role}`) })}</span>
                <button type="button" className="secondary" onClick={() => void signOut().then(() => navigate('/'))}>
                  {t('auth.signOut')}
                </button>
              </>
            ) : (
              <NavLink to="/sign-in">{t('auth.signIn')}</NavLink>
            )}
          </div>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <PageHelp />
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
