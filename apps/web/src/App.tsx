import { lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import type { User } from './api/types';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { SignInDialog } from './auth/SignInDialog';
import { Layout } from './components/Layout';
import { ALL_AREAS, loadAreas, type Area } from './i18n/areas';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { HomePage } from './pages/HomePage';
import { MessagePage } from './pages/MessagePage';
import { EmailLinkPage } from './pages/inbox/EmailLinkPage';
import { SIGNED_IN } from './pages/inbox/links';
import { CataloguePage } from './pages/public/CataloguePage';
import { CompetitionsPage } from './pages/public/CompetitionsPage';
import { PublicInnovationPage } from './pages/public/PublicInnovationPage';
import { PublicResultsPage } from './pages/public/PublicResultsPage';
import { AwardResultsPage } from './pages/public/AwardResultsPage';
import { SignInPage } from './pages/SignInPage';
import { ForgotPasswordPage, SetPasswordPage } from './pages/AccountPages';
import { matchPath, usePath } from './router/router';

/**
 * A page of a role's area, loaded on first use with the dictionaries it needs (i18n/areas.ts): each area is one
 * chunk (pages/<area>/area.ts), so the public pages never load the organizer's, juror's, coordinator's or OPD's
 * code or strings. Signed-in pages load every area's strings (they share some); public ones name theirs.
 */
function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K, areas: readonly Area[] = ALL_AREAS): M[K] {
  return lazy(async () => ({ default: (await Promise.all([load(), loadAreas(areas)]))[0][name] as ComponentType<any> })) as unknown as M[K];
}
const citizen = () => import('./pages/public/citizen-area');
const SurveyPage = lazyPage(citizen, 'SurveyPage', ['citizen']);
const SurveyIkmPage = lazyPage(citizen, 'SurveyIkmPage', ['citizen']);
const FavouriteVotePage = lazyPage(citizen, 'FavouriteVotePage', ['citizen']);
const VoteConfirmPage = lazyPage(citizen, 'VoteConfirmPage', ['citizen']);
const UnitHistoryPage = lazyPage(citizen, 'UnitHistoryPage', ['citizen']);
const organizer = () => import('./pages/organizer/area');
const juror = () => import('./pages/juror/area');
const opd = () => import('./pages/opd/area');
const coordinator = () => import('./pages/coordinator/area');
const signedIn = () => import('./pages/inbox/area');
const indexes = () => import('./pages/indexes/area');
const publicIndexes = () => import('./pages/indexes/public-area');
const surveys = () => import('./pages/surveys/area');
const help = () => import('./pages/help/area');
const HelpIndexPage = lazyPage(help, 'HelpIndexPage', []);
const GuidePage = lazyPage(help, 'GuidePage', []);
const QueuePage = lazyPage(coordinator, 'QueuePage');
const ReviewPage = lazyPage(coordinator, 'ReviewPage');
const AwardEntryPage = lazyPage(coordinator, 'AwardEntryPage');
const AwardNomineesPage = lazyPage(organizer, 'AwardNomineesPage');
const InnovationPage = lazyPage(opd, 'InnovationPage');
const MyInnovationsPage = lazyPage(opd, 'MyInnovationsPage');
const JuryPage = lazyPage(juror, 'JuryPage');
const SheetPage = lazyPage(juror, 'SheetPage');
const DeadLettersPage = lazyPage(organizer, 'DeadLettersPage');
const EditionPage = lazyPage(organizer, 'EditionPage');
const EditionsPage = lazyPage(organizer, 'EditionsPage');
const ImportPage = lazyPage(organizer, 'ImportPage');
const InnovationsPage = lazyPage(organizer, 'InnovationsPage');
const PlanPage = lazyPage(organizer, 'PlanPage');
const ProposalPage = lazyPage(organizer, 'ProposalPage');
const ResultsPage = lazyPage(organizer, 'ResultsPage');
const StagePage = lazyPage(organizer, 'StagePage');
const InboxPage = lazyPage(signedIn, 'InboxPage');
const SurveyUnitsPage = lazyPage(surveys, 'UnitsPage');
const SurveyUnitPage = lazyPage(surveys, 'UnitPage');
const SurveyPeriodPage = lazyPage(surveys, 'PeriodPage');
const DocumentPage = lazyPage(signedIn, 'DocumentPage');
const IndexEditionsPage = lazyPage(indexes, 'IndexEditionsPage');
const SelfAssessmentPage = lazyPage(indexes, 'SelfAssessmentPage');
const OpdIndexPage = lazyPage(indexes, 'OpdIndexPage');
const ValidatorQueuePage = lazyPage(indexes, 'ValidatorQueuePage');
const VerifyRegionPage = lazyPage(indexes, 'VerifyRegionPage');
const OrganizerIndexPage = lazyPage(indexes, 'OrganizerIndexPage');
const FrameworkPage = lazyPage(indexes, 'FrameworkPage');
const PublicIndexListPage = lazyPage(publicIndexes, 'PublicIndexListPage', ['indexes']);
const PublicIndexRankingsPage = lazyPage(publicIndexes, 'PublicIndexRankingsPage', ['indexes']);
const PublicIndexRegionPage = lazyPage(publicIndexes, 'PublicIndexRegionPage', ['indexes']);

interface Route {
  path: string;
  /** Only these roles see the page; without a session the sign-in form takes its place. */
  roles?: readonly User['role'][];
  page(params: Record<string, string>): ReactNode;
}

const ORGANIZERS: readonly User['role'][] = ['organizer', 'admin'];
/** Who sees the survey screens: the units' OPDs, their coordinators and admins manage; organizers read. */
const SURVEY_STAFF: readonly User['role'][] = ['opd', 'coordinator', 'organizer', 'admin'];

const ROUTES: readonly Route[] = [
  { path: '/', page: () => <HomePage /> },
  { path: '/sign-in', page: () => <SignInPage /> },
  { path: '/lupa-sandi', page: () => <ForgotPasswordPage /> },
  { path: '/atur-sandi', page: () => <SetPasswordPage purpose="invitation" /> },
  { path: '/atur-ulang-sandi', page: () => <SetPasswordPage purpose="reset" /> },
  { path: '/opd', roles: ['opd'], page: () => <MyInnovationsPage /> },
  { path: '/opd/innovations/:id', roles: ['opd'], page: (p) => <InnovationPage key={p.id} id={p.id} /> },
  { path: '/coordinator', roles: ['coordinator'], page: () => <QueuePage /> },
  { path: '/coordinator/innovations/:id', roles: ['coordinator'], page: (p) => <ReviewPage key={p.id} id={p.id} /> },
  { path: '/coordinator/penghargaan', roles: ['coordinator'], page: () => <AwardEntryPage /> },
  { path: '/juri', roles: ['juror'], page: () => <JuryPage /> },
  { path: '/juri/penilaian/:id', roles: ['juror'], page: (p) => <SheetPage key={p.id} id={p.id} /> },
  { path: '/panitia', roles: ORGANIZERS, page: () => <EditionsPage /> },
  { path: '/panitia/direktori', roles: ORGANIZERS, page: () => <ImportPage /> },
  { path: '/panitia/notifikasi-gagal', roles: ORGANIZERS, page: () => <DeadLettersPage /> },
  { path: '/panitia/inovasi/:id', roles: ORGANIZERS, page: (p) => <ProposalPage key={p.id} id={p.id} /> },
  { path: '/panitia/edisi/:id', roles: ORGANIZERS, page: (p) => <EditionPage key={p.id} id={p.id} /> },
  { path: '/panitia/edisi/:id/rencana', roles: ORGANIZERS, page: (p) => <PlanPage key={p.id} id={p.id} /> },
  { path: '/panitia/edisi/:id/inovasi', roles: ORGANIZERS, page: (p) => <InnovationsPage key={p.id} id={p.id} /> },
  {
    path: '/panitia/edisi/:id/tahap/:key',
    roles: ORGANIZERS,
    page: (p) => <StagePage key={`${p.id}/${p.key}`} id={p.id} stageKey={p.key} />,
  },
  { path: '/panitia/edisi/:id/hasil', roles: ORGANIZERS, page: (p) => <ResultsPage key={p.id} id={p.id} /> },
  { path: '/coordinator/indeks', roles: ['coordinator'], page: () => <IndexEditionsPage base="/coordinator/indeks" /> },
  { path: '/coordinator/indeks/:id', roles: ['coordinator'], page: (p) => <SelfAssessmentPage key={p.id} id={p.id} /> },
  { path: '/opd/indeks', roles: ['opd'], page: () => <IndexEditionsPage base="/opd/indeks" /> },
  { path: '/opd/indeks/:id', roles: ['opd'], page: (p) => <OpdIndexPage key={p.id} id={p.id} /> },
  { path: '/juri/indeks', roles: ['juror'], page: () => <IndexEditionsPage base="/juri/indeks" /> },
  { path: '/juri/indeks/:id', roles: ['juror'], page: (p) => <ValidatorQueuePage key={p.id} id={p.id} /> },
  {
    path: '/juri/indeks/:id/daerah/:regionId',
    roles: ['juror'],
    page: (p) => <VerifyRegionPage key={`${p.id}/${p.regionId}`} id={p.id} regionId={p.regionId} />,
  },
  { path: '/panitia/indeks', roles: ORGANIZERS, page: () => <IndexEditionsPage base="/panitia/indeks" manage /> },
  { path: '/panitia/indeks/:id', roles: ORGANIZERS, page: (p) => <OrganizerIndexPage key={p.id} id={p.id} /> },
  { path: '/panitia/indeks/:id/kerangka', roles: ORGANIZERS, page: (p) => <FrameworkPage key={p.id} id={p.id} /> },
  { path: '/indeks', page: () => <PublicIndexListPage /> },
  { path: '/indeks/:slug', page: (p) => <PublicIndexRankingsPage key={p.slug} slug={p.slug} /> },
  {
    path: '/indeks/:slug/daerah/:regionId',
    page: (p) => <PublicIndexRegionPage key={`${p.slug}/${p.regionId}`} slug={p.slug} regionId={p.regionId} />,
  },
  { path: '/bantuan', page: () => <HelpIndexPage /> },
  { path: '/bantuan/:role', page: (p) => <GuidePage key={p.role} role={p.role} /> },
  { path: '/panitia/edisi/:id/daerah', roles: ORGANIZERS, page: (p) => <AwardNomineesPage key={p.id} id={p.id} /> },
  { path: '/hasil', page: () => <CompetitionsPage /> },
  { path: '/kompetisi/:slug', page: (p) => <PublicResultsPage key={p.slug} slug={p.slug} /> },
  { path: '/penghargaan/:slug', page: (p) => <AwardResultsPage key={p.slug} slug={p.slug} /> },
  { path: '/katalog', page: () => <CataloguePage /> },
  { path: '/inovasi/:id', page: (p) => <PublicInnovationPage key={p.id} id={p.id} /> },
  { path: '/dokumen/:id', roles: SIGNED_IN, page: (p) => <DocumentPage key={p.id} id={p.id} /> },
  { path: '/s/:code', page: (p) => <SurveyPage key={p.code} code={p.code} /> },
  { path: '/s/:code/ikm', page: (p) => <SurveyIkmPage key={p.code} code={p.code} /> },
  { path: '/unit-layanan/:id', page: (p) => <UnitHistoryPage key={p.id} id={p.id} /> },
  { path: '/survei', roles: SURVEY_STAFF, page: () => <SurveyUnitsPage /> },
  { path: '/survei/unit/:id', roles: SURVEY_STAFF, page: (p) => <SurveyUnitPage key={p.id} id={p.id} /> },
  { path: '/survei/periode/:id', roles: SURVEY_STAFF, page: (p) => <SurveyPeriodPage key={p.id} id={p.id} /> },
  { path: '/favorit/:id', page: (p) => <FavouriteVotePage key={p.id} id={p.id} /> },
  { path: '/v/:token', page: (p) => <VoteConfirmPage key={p.token} token={p.token} /> },
  { path: '/kotak-masuk', roles: SIGNED_IN, page: () => <InboxPage /> },
  { path: '/rankings/:slug', page: () => <EmailLinkPage /> },
  { path: '/innovations/:id', roles: SIGNED_IN, page: () => <EmailLinkPage /> },
  { path: '/jury/assignments/:id', roles: SIGNED_IN, page: () => <EmailLinkPage /> },
  { path: '/competitions/:id', roles: SIGNED_IN, page: () => <EmailLinkPage /> },
];

function CurrentPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const path = usePath();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.roles && !session) return <SignInPage />;
    if (route.roles && !route.roles.includes(session!.user.role))
      return <MessagePage title={t('common.forbidden')} text={t('role.pending', { role: t(`role.${session!.user.role}`) })} />;
    return route.page(params);
  }
  return <MessagePage title={t('common.notFound')} text={t('common.notFoundText')} />;
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
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
      <Suspense fallback={<PageLoading />}>
        <CurrentPage />
      </Suspense>
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
