import type { ReactNode } from 'react';
import { competition as loadCompetition } from '../../api/endpoints';
import type { Competition } from '../../api/types';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link, usePath } from '../../router/router';
import '../staff.css';

export interface EditionContext {
  competition: Competition;
  /** Show the competition as an action returned it. */
  setCompetition(next: Competition): void;
  reload(): void;
}

export const editionPath = (id: string, sub = '') => `/panitia/edisi/${id}${sub}`;

function EditionNav({ competition }: { competition: Competition }) {
  const { t, pick } = useI18n();
  const path = usePath();
  const links: [string, string][] = [
    [editionPath(competition.id), t('org.nav.overview')],
    [editionPath(competition.id, '/rencana'), t('org.nav.plan')],
    [editionPath(competition.id, '/inovasi'), t('org.nav.innovations')],
    ...(competition.plan.regionAward ? [[editionPath(competition.id, '/daerah'), t('award.org.title')] as [string, string]] : []),
    ...competition.plan.stages.map((s): [string, string] => [editionPath(competition.id, `/tahap/${s.key}`), pick(s.label)]),
    [editionPath(competition.id, '/hasil'), t('org.nav.results')],
  ];
  return (
    <nav className="subnav" aria-label={t('org.nav.label', { name: competition.name })}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={path === to ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** An edition's page: back link, name and status, the edition's navigation, then the page's part. */
export function EditionFrame({ id, title, children }: { id: string; title: MessageKey; children(ctx: EditionContext): ReactNode }) {
  const { t } = useI18n();
  const state = useLoad(() => loadCompetition(id), [id]);
  usePageTitle(state.data ? `${t(title)} — ${state.data.name}` : t(title));
  return (
    <article className="stack">
      <p>
        <Link to="/panitia">← {t('nav.editions')}</Link>
      </p>
      <Loading state={state}>
        {(competition) => (
          <>
            <header className="stack">
              <h1>
                {t(title)}: {competition.name}
              </h1>
              <p>
                <span className={`badge badge-${competition.status}`}>{t(`org.status.${competition.status}`)}</span>{' '}
                <span className="muted">
                  {competition.slug} · {competition.year}
                </span>
              </p>
              <EditionNav competition={competition} />
            </header>
            {children({ competition, setCompetition: state.setData, reload: state.reload })}
          </>
        )}
      </Loading>
    </article>
  );
}
