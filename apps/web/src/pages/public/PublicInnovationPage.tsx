import { downloads, publicInnovation, type PublicInnovation } from '../../api/public';
import { Facts } from '../../components/Facts';
import { Loading } from '../../components/Loading';
import { SurveyEvidenceSection } from '../../components/SurveyEvidence';
import { publicSurveyEvidence } from '../../api/surveys';
import { ProfileList } from '../../components/proposal/ProposalView';
import { toValues } from '../../components/proposal/values';
import { useLoad } from '../../components/useLoad';
import { loadAreas } from '../../i18n/areas';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { BandBadge } from './BandBadge';
import { useFormat } from './format';
import './public.css';

/** `/inovasi/:id`: an innovation's public profile, its rank once the results are published, and its IKM before/after. */
export function PublicInnovationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(async () => {
    const [innovation, evidence] = await Promise.all([publicInnovation(id), publicSurveyEvidence(id), loadAreas(['citizen'])]);
    return { innovation, evidence };
  }, [id]);
  usePageTitle(state.data?.innovation.title);
  return (
    <article className="stack">
      <p>
        <Link to="/katalog">← {t('pub.cat.title')}</Link>
      </p>
      <Loading state={state}>
        {({ innovation, evidence }) => (
          <>
            <Profile innovation={innovation} />
            <SurveyEvidenceSection evidence={evidence} />
          </>
        )}
      </Loading>
    </article>
  );
}

function Profile({ innovation: i }: { innovation: PublicInnovation }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <>
      <header className="stack">
        <h1>{i.title}</h1>
        <Facts
          items={[
            [t('innovation.organization'), i.organization],
            [t('pub.cat.region'), i.region],
            [t('innovation.competition'), <Link to={`/kompetisi/${i.competition}`}>{i.competitionName}</Link>],
            [t('innovation.category'), f.category(i.category)],
          ]}
        />
      </header>
      <RankingPanel innovation={i} />
      <section className="proposal-view" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('form.profile')}</h2>
        <ProfileList values={toValues(i)} />
      </section>
    </>
  );
}

function RankingPanel({ innovation: i }: { innovation: PublicInnovation }) {
  const { t } = useI18n();
  const f = useFormat();
  const r = i.ranking;
  return (
    <section className="panel stack" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('pub.inn.result')}</h2>
      {r ? (
        <>
          <p className="lead">
            <strong>{t('pub.inn.rank', { rank: r.rank, category: f.category(r.category) })}</strong> ·{' '}
            {t('pub.inn.final', { score: f.number(r.final) })} <BandBadge band={r.band} />
          </p>
          <p className="muted">{t('pub.inn.fromVersion', { version: r.version })}</p>
          <ul className="inline-list">
            <li>
              <Link to={`/kompetisi/${i.competition}?version=${r.version}`}>{t('pub.inn.seeResults')}</Link>
            </li>
            <li>
              <a href={downloads.certificate(r.snapshotId, i.id)} download>
                {t('pub.inn.certificate')}
              </a>
            </li>
          </ul>
        </>
      ) : (
        <p>{t('pub.inn.notRanked')}</p>
      )}
    </section>
  );
}
