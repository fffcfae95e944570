import { useEffect, useRef, type ReactNode } from 'react';
import type { User } from './api/types';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { SignInDialog } from './auth/SignInDialog';
import { Layout } from './components/Layout';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { QueuePage } from './pages/coordinator/QueuePage';
import { ReviewPage } from './pages/coordinator/ReviewPage';
import { HomePage } from './pages/HomePage';
import { MessagePage } from './pages/MessagePage';
import { InnovationPage } from './pages/opd/InnovationPage';
import { MyInnovationsPage } from './pages/opd/MyInnovationsPage';
import { SignInPage } from './pages/SignInPage';
import { matchPath, usePath } from './router/router';

interface Route {
  path: string;
  /** Only this role sees the page; without a session the sign-in form takes its place. */
  role?: User['role'];
  page(params: Record<string, string>): ReactNode;
}

const ROUTES: readonly Route[] = [
  { path: '/', page: () => <HomePage /> },
  { path: '/sign-in', page: () => <SignInPage /> },
  { path: '/opd', role: 'opd', page: () => <MyInnovationsPage /> },
  { path: '/opd/innovations/:id', role: 'opd', page: (p) => <InnovationPage key={p.id} id={p.id} /> },
  { path: '/coordinator', role: 'coordinator', page: () => <QueuePage /> },
  { path: '/coordinator/innovations/:id', role: 'coordinator', page: (p) => <ReviewPage key={p.id} id={p.id} /> },
];

function CurrentPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const path = usePath();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.role && !session) return <SignInPage />;
    if (route.role && session?.user.role !== route.role) return <MessagePage title={t('common.forbidden')} text={t('role.pending', { role: t(`role.${session!.user.role}`) })} />;
    return route.page(params);
  }
  return <MessagePage title={t('common.notFound')} text={t('common.notFoundText')} />;
}

function Shell() {
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, move focus to the new content (as a page load would for screen readers).
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return (
    <Layout mainRef={main}>
      <CurrentPage />
      <SignInDialog />
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </I18nProvider>
  );
}
