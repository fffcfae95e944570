import { useState } from 'react';
import {
  indexEdition,
  regionAssessment,
  setEligibility,
  validations,
  verifyAnswer,
  type IndexEdition,
  type IndexIndicator,
  type IndexInnovation,
  type RegionAnswer,
  type RegionAssessment,
} from '../../api/indexes';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, fieldId } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { answerOf, isLowerOption, optionOf, progressPercent, sectionsOf } from './assessment';
import { EvidenceList, EvidenceRule } from './IndicatorCard';
import { VariableBlock } from './SelfAssessmentPage';
import './indexes.css';

/** `/juri/indeks/:id`: the validator's regions with their progress. */
export function ValidatorQueuePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const state = useLoad(
    async () => ({
      edition: await indexEdition(id),
      rows: await validations(id),
    }),
    [id],
  );
  usePageTitle(state.data && t('idx.val.title', { edition: state.data.edition.name }));
  return (
    <article className="stack idx">
      <p>
        <Link to="/juri/indeks">← {t('idx.back')}</Link>
      </p>
      <Loading state={state}>
        {({ edition, rows }) => (
          <>
            <h1>{t('idx.val.title', { edition: edition.name })}</h1>
            <p className="lead">{t('idx.val.intro')}</p>
            {edition.status !== 'verification' && <p className="panel warning">{t('idx.val.notOpen')}</p>}
            {rows.length === 0 ? (
              <p className="panel">{t('idx.val.none')}</p>
            ) : (
              <ul className="cards">
                {rows.map((r) => {
                  const pct = progressPercent(r.verified, r.answers);
                  return (
                    <li key={r.regionId}>
                      <Link to={`/juri/indeks/${id}/daerah/${r.regionId}`}>{r.region ?? r.regionId}</Link>
                      <br />
                      <span className="muted">
                        {r.submittedAt
                          ? t('idx.val.submitted', {
                              date: formatDate(r.submittedAt as unknown as string),
                            })
                          : t('idx.val.notSubmitted')}
                      </span>
                      <br />
                      <span>
                        {t('idx.progress', {
                          verified: r.verified,
                          answers: r.answers,
                          pct,
                        })}
                      </span>{' '}
                      <progress
                        max={100}
                        value={pct}
                        aria-label={t('idx.progressOf', {
                          region: r.region ?? '',
                        })}
                      />
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </Loading>
    </article>
  );
}

/** `/juri/indeks/:id/daerah/:regionId`: side by side per answer — the region's option, its evidence, the guidance — and the verified option. */
export function VerifyRegionPage({ id, regionId }: { id: string; regionId: string }) {
  const { t } = useI18n();
  const state = useLoad(
    async () => ({
      edition: await indexEdition(id),
      region: await regionAssessment(id, regionId),
    }),
    [id, regionId],
  );
  usePageTitle(state.data && t('idx.verify.title', { region: state.data.region.region.name }));
  return (
    <article className="stack idx">
      <p>
        <Link to={`/juri/indeks/${id}`}>← {t('idx.val.back')}</Link>
      </p>
      <Loading state={state}>{({ edition, region }) => <Verification edition={edition} region={region} reload={state.reload} />}</Loading>
    </article>
  );
}

function Verification({ edition, region, reload }: { edition: IndexEdition; region: RegionAssessment; reload(): void }) {
  const { t } = useI18n();
  const readOnly = edition.status !== 'verification';
  const verified = region.answers.filter((a) => a.verifiedOption).length;
  return (
    <>
      <h1>{t('idx.verify.title', { region: region.region.name })}</h1>
      <p className="lead">{t('idx.verify.intro')}</p>
      <p>
        {t('idx.progress', {
          verified,
          answers: region.answers.length,
          pct: progressPercent(verified, region.answers.length),
        })}{' '}
        <progress
          max={100}
          value={progressPercent(verified, region.answers.length)}
          aria-label={t('idx.progressOf', { region: region.region.name })}
        />
      </p>
      {readOnly && <p className="panel warning">{t('idx.val.notOpen')}</p>}
      <h2>{t('idx.verify.regionPart')}</h2>
      {sectionsOf(edition.framework, 'region').map(({ aspect, variable, indicators }) => (
        <VariableBlock key={variable.key} title={variable.label} aspect={aspect.label}>
          {indicators.map((indicator) => (
            <VerifyCard
              key={indicator.key}
              edition={edition}
              indicator={indicator}
              answer={answerOf(region.answers, indicator.key, null)}
              readOnly={readOnly}
              onChanged={reload}
            />
          ))}
        </VariableBlock>
      ))}
      {region.innovations.map((innovation) => (
        <section key={innovation.id} className="stack innovation-block" aria-labelledby={`inv-${innovation.id}`}>
          <h2 id={`inv-${innovation.id}`}>{t('idx.verify.innovation', { title: innovation.title })}</h2>
          <EligibilityForm edition={edition} innovation={innovation} readOnly={readOnly} onChanged={reload} />
          {sectionsOf(edition.framework, 'innovation').map(({ aspect, variable, indicators }) => (
            <VariableBlock key={variable.key} title={variable.label} aspect={aspect.label}>
              {indicators.map((indicator) => (
                <VerifyCard
                  key={indicator.key}
                  edition={edition}
                  indicator={indicator}
                  answer={answerOf(region.answers, indicator.key, innovation.id)}
                  readOnly={readOnly}
                  onChanged={reload}
                />
              ))}
            </VariableBlock>
          ))}
        </section>
      ))}
    </>
  );
}

function VerifyCard({
  edition,
  indicator,
  answer,
  readOnly,
  onChanged,
}: {
  edition: IndexEdition;
  indicator: IndexIndicator;
  answer: RegionAnswer | undefined;
  readOnly: boolean;
  onChanged(): void;
}) {
  const { t, pick } = useI18n();
  const [option, setOption] = useState(answer?.verifiedOption ?? answer?.option ?? '');
  const [note, setNote] = useState(answer?.verifiedNote ?? '');
  const [internalNote, setInternalNote] = useState(answer?.verifiedInternalNote ?? '');
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  if (!answer)
    return (
      <div className="panel">
        <strong>{pick(indicator.label)}</strong>: {t('idx.verify.unanswered')}
      </div>
    );
  const self = optionOf(indicator, answer.option);
  const lower = isLowerOption(indicator, answer.option, option);
  const base = fieldId(`verify-${answer.id}`);
  const save = async () => {
    setNotice(null);
    if (
      await run('run', () =>
        verifyAnswer(edition.id, answer.id, {
          option,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
        }),
      )
    ) {
      setNotice({ key: 'idx.verify.saved' });
      onChanged();
    }
  };
  return (
    <div className="panel side-by-side" role="group" aria-labelledby={`${base}-label`}>
      <h3 id={`${base}-label`} className="side-title">
        {pick(indicator.label)}{' '}
        {answer.verifiedOption ? (
          <span className="badge idx-state-complete">{t('idx.verify.done')}</span>
        ) : (
          <span className="badge idx-state-unanswered">{t('idx.verify.open')}</span>
        )}
      </h3>
      <div className="side self-side stack">
        <h4>{t('idx.verify.selfOption')}</h4>
        <p>
          <strong>{self ? pick(self.guidance) : answer.option}</strong>{' '}
          {self && <span className="score">{t('idx.points', { n: self.score })}</span>}
        </p>
        {self && <EvidenceRule option={self} />}
        <h4>{t('idx.verify.evidence')}</h4>
        <EvidenceList editionId={edition.id} answer={answer} />
      </div>
      <div className="side verified-side stack">
        <h4>{t('idx.verify.verifiedOption')}</h4>
        <div
          className="options"
          role="radiogroup"
          aria-label={t('idx.verify.optionsOf', {
            label: pick(indicator.label),
          })}
        >
          {(indicator.options ?? []).map((o) => (
            <label key={o.key} className="option">
              <input
                type="radio"
                name={`${base}-option`}
                value={o.key}
                checked={option === o.key}
                disabled={readOnly}
                onChange={() => setOption(o.key)}
              />
              <span>
                {pick(o.guidance)} <span className="score">{t('idx.points', { n: o.score })}</span>
                {o.key === answer.option && <span className="muted"> · {t('idx.verify.regionChose')}</span>}
              </span>
            </label>
          ))}
        </div>
        <Field
          name={`verify-${answer.id}-note`}
          label={t('idx.verify.note')}
          required={lower}
          hint={lower ? t('idx.verify.noteRequired') : t('idx.verify.noteHint')}
        >
          {(control) => <textarea {...control} rows={2} value={note} disabled={readOnly} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Field name={`verify-${answer.id}-internal`} label={t('idx.verify.internalNote')} hint={t('idx.verify.internalNoteHint')}>
          {(control) => (
            <textarea {...control} rows={2} value={internalNote} disabled={readOnly} onChange={(e) => setInternalNote(e.target.value)} />
          )}
        </Field>
        <ErrorSummary error={error} />
        {!readOnly && (
          <div className="actions">
            <BusyButton
              type="button"
              busy={busy !== null}
              busyLabel={t('common.saving')}
              disabled={!option || (lower && !note.trim())}
              onClick={() => void save()}
            >
              {t('idx.verify.save')}
            </BusyButton>
          </div>
        )}
        <Notice message={notice} />
      </div>
    </div>
  );
}

function EligibilityForm({
  edition,
  innovation,
  readOnly,
  onChanged,
}: {
  edition: IndexEdition;
  innovation: IndexInnovation;
  readOnly: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [eligible, setEligible] = useState(innovation.eligible !== false);
  const [reason, setReason] = useState(innovation.eligibilityReason ?? '');
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const base = fieldId(`eligibility-${innovation.id}`);
  const save = async () => {
    setNotice(null);
    if (
      await run('run', () =>
        setEligibility(edition.id, innovation.id, {
          eligible,
          ...(eligible ? {} : { reason: reason.trim() }),
        }),
      )
    ) {
      setNotice({ key: 'idx.verify.eligibilitySaved' });
      onChanged();
    }
  };
  return (
    <fieldset className="panel stack">
      <legend>{t('idx.verify.eligibility')}</legend>
      <p className="muted">
        {innovation.eligible === null || innovation.eligible === undefined
          ? t('idx.verify.eligibilityOpen')
          : innovation.eligible
            ? t('idx.verify.eligibleNow')
            : t('idx.verify.notEligibleNow', {
                reason: innovation.eligibilityReason ?? '',
              })}
      </p>
      <label className="option">
        <input type="radio" name={`${base}-e`} checked={eligible} disabled={readOnly} onChange={() => setEligible(true)} />{' '}
        {t('idx.verify.eligible')}
      </label>
      <label className="option">
        <input type="radio" name={`${base}-e`} checked={!eligible} disabled={readOnly} onChange={() => setEligible(false)} />{' '}
        {t('idx.verify.notEligible')}
      </label>
      {!eligible && (
        <Field name={`eligibility-${innovation.id}-reason`} label={t('idx.verify.reason')} required>
          {(control) => <textarea {...control} rows={2} value={reason} disabled={readOnly} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <ErrorSummary error={error} />
      {!readOnly && (
        <div className="actions">
          <BusyButton
            type="button"
            className="secondary"
            busy={busy !== null}
            busyLabel={t('common.saving')}
            disabled={!eligible && !reason.trim()}
            onClick={() => void save()}
          >
            {t('idx.verify.saveEligibility')}
          </BusyButton>
        </div>
      )}
      <Notice message={notice} />
    </fieldset>
  );
}
