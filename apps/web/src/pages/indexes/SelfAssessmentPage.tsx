import { indexEdition, regionAssessment, submitRegion, type IndexEdition, type RegionAssessment } from '../../api/indexes';
import { useAuth } from '../../auth/AuthContext';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { fieldId } from '../../components/Field';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { answerField, answerOf, completeness, gapsOf, sectionsOf } from './assessment';
import { IndicatorCard } from './IndicatorCard';
import './indexes.css';

/** The signed-in user's region (coordinators and OPDs carry one; the document types it loosely). */
export function useRegionId(): string | null {
  const { session } = useAuth();
  return (session?.user.regionId as unknown as string | null | undefined) ?? null;
}

/** `/coordinator/indeks/:id`: the region's self-assessment — region indicators per variable, completeness, submit. */
export function SelfAssessmentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const regionId = useRegionId();
  const state = useLoad(
    async () => ({
      edition: await indexEdition(id),
      region: await regionAssessment(id, regionId ?? ''),
    }),
    [id, regionId],
  );
  usePageTitle(
    state.data &&
      t('idx.self.title', {
        edition: state.data.edition.name,
        region: state.data.region.region.name,
      }),
  );
  return (
    <article className="stack idx">
      <p>
        <Link to="/coordinator/indeks">← {t('idx.back')}</Link>
      </p>
      <Loading state={state}>{({ edition, region }) => <Form edition={edition} region={region} reload={state.reload} />}</Loading>
    </article>
  );
}

/** The label of the indicator an API field (`region.KEY`, `innovations.ID.KEY`) names. */
function labelOfField(edition: IndexEdition, field: string, pick: (text: { id: string; en: string }) => string): string | undefined {
  const key = field.split('.').at(-1);
  const indicator = edition.framework.aspects.flatMap((a) => a.variables.flatMap((v) => v.indicators)).find((i) => i.key === key);
  return indicator && pick(indicator.label);
}

function Form({ edition, region, reload }: { edition: IndexEdition; region: RegionAssessment; reload(): void }) {
  const { t, formatDate, pick } = useI18n();
  const submit = useAction();
  const [notice, setNotice] = useNotice();
  const readOnly = edition.status !== 'self_assessment' || region.submittedAt !== null;
  const regionGaps = completeness(region.gaps, 'region.');
  const all = completeness(region.gaps);
  const send = async () => {
    setNotice(null);
    if (await submit.run('run', () => submitRegion(edition.id, region.region.id))) {
      setNotice({ key: 'idx.self.submitted' });
      reload();
    }
  };
  return (
    <>
      <header className="stack">
        <h1>
          {t('idx.self.title', {
            edition: edition.name,
            region: region.region.name,
          })}
        </h1>
        <p className="lead">{t('idx.self.intro')}</p>
        {region.submittedAt && (
          <p className="panel">
            {t('idx.self.submittedAt', {
              date: formatDate(region.submittedAt as unknown as string, true),
            })}
          </p>
        )}
        {!region.submittedAt && edition.status !== 'self_assessment' && <p className="panel warning">{t('idx.self.closed')}</p>}
      </header>
      <section className="panel stack" aria-labelledby="idx-complete">
        <h2 id="idx-complete">{t('idx.complete.title')}</h2>
        {region.complete ? (
          <p>{t('idx.complete.done')}</p>
        ) : (
          <>
            <p>
              {t('idx.complete.summary', {
                unanswered: all.unanswered.length,
                evidence: all.evidence.length,
              })}
            </p>
            {regionGaps.unanswered.length > 0 && (
              <details open>
                <summary>
                  {t('idx.complete.unanswered', {
                    n: regionGaps.unanswered.length,
                  })}
                </summary>
                <GapLinks gaps={regionGaps.unanswered} />
              </details>
            )}
            {regionGaps.evidence.length > 0 && (
              <details open>
                <summary>
                  {t('idx.complete.evidence', {
                    n: regionGaps.evidence.length,
                  })}
                </summary>
                <GapLinks gaps={regionGaps.evidence} />
              </details>
            )}
          </>
        )}
      </section>
      {sectionsOf(edition.framework, 'region').map(({ aspect, variable, indicators }) => (
        <VariableBlock key={variable.key} title={variable.label} aspect={aspect.label}>
          {indicators.map((indicator) => (
            <IndicatorCard
              key={indicator.key}
              editionId={edition.id}
              regionId={region.region.id}
              indicator={indicator}
              innovationId={null}
              answer={answerOf(region.answers, indicator.key, null)}
              gaps={gapsOf(region.gaps, answerField(indicator.key, null))}
              readOnly={readOnly}
              onChanged={reload}
            />
          ))}
        </VariableBlock>
      ))}
      <section className="panel stack" aria-labelledby="idx-innovations">
        <h2 id="idx-innovations">{t('idx.self.innovations', { n: region.innovations.length })}</h2>
        <p className="hint">{t('idx.self.innovationsHint')}</p>
        {region.innovations.length === 0 ? (
          <p>{t('idx.self.noInnovations')}</p>
        ) : (
          <ul className="cards">
            {region.innovations.map((i) => {
              const c = completeness(region.gaps, `innovations.${i.id}.`);
              return (
                <li key={i.id}>
                  <strong>{i.title}</strong>
                  <br />
                  <span className={c.unanswered.length + c.evidence.length ? 'muted' : ''}>
                    {c.unanswered.length + c.evidence.length === 0
                      ? t('idx.complete.innovationDone')
                      : t('idx.complete.summary', {
                          unanswered: c.unanswered.length,
                          evidence: c.evidence.length,
                        })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {!readOnly && (
        <section className="panel stack" aria-labelledby="idx-submit">
          <h2 id="idx-submit">{t('idx.self.submitTitle')}</h2>
          <p>{t('idx.self.submitHint')}</p>
          {/* A refusal listing gaps goes stale once they are filled. */}
          <ErrorSummary
            error={region.complete && submit.error?.status === 400 ? null : submit.error}
            labelOf={(field) => labelOfField(edition, field, pick)}
          />
          <div className="actions">
            <BusyButton type="button" busy={submit.busy !== null} busyLabel={t('idx.sending')} onClick={() => void send()}>
              {t('idx.self.submit')}
            </BusyButton>
          </div>
        </section>
      )}
      <Notice message={notice} />
    </>
  );
}

function GapLinks({ gaps }: { gaps: RegionAssessment['gaps'] }) {
  const { lang } = useI18n();
  return (
    <ul>
      {gaps.map((g) => (
        <li key={`${g.field}-${g.code}`}>
          <a href={`#${fieldId(g.field)}`}>{g.messages[lang]}</a>
        </li>
      ))}
    </ul>
  );
}

/** A variable's heading (with its aspect) over its indicators. */
export function VariableBlock({
  title,
  aspect,
  children,
}: {
  title: { id: string; en: string };
  aspect: { id: string; en: string };
  children: React.ReactNode;
}) {
  const { pick } = useI18n();
  return (
    <section className="stack variable">
      <h2>
        {pick(title)} <span className="muted aspect">· {pick(aspect)}</span>
      </h2>
      {children}
    </section>
  );
}
