import { useState } from 'react';
import { myInnovations } from '../../api/endpoints';
import {
  indexEdition,
  indexInnovations,
  regionAssessment,
  reportInnovation,
  type IndexEdition,
  type IndexInnovation,
  type RegionAssessment,
} from '../../api/indexes';
import type { MyInnovations } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { answerField, answerOf, completeness, gapsOf, sectionsOf } from './assessment';
import { IndicatorCard } from './IndicatorCard';
import { VariableBlock } from './SelfAssessmentPage';
import './indexes.css';

interface Loaded {
  edition: IndexEdition;
  innovations: IndexInnovation[];
  region: RegionAssessment | null;
  entered: MyInnovations;
}

/** `/opd/indeks/:id`: the OPD reports its innovations for the edition and answers their indicators with evidence. */
export function OpdIndexPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(async (): Promise<Loaded> => {
    const [edition, innovations, entered] = await Promise.all([indexEdition(id), indexInnovations(id), myInnovations()]);
    const regionId = innovations[0]?.regionId;
    return {
      edition,
      innovations,
      entered,
      region: regionId ? await regionAssessment(id, regionId) : null,
    };
  }, [id]);
  usePageTitle(state.data && t('idx.opd.title', { edition: state.data.edition.name }));
  return (
    <article className="stack idx">
      <p>
        <Link to="/opd/indeks">← {t('idx.back')}</Link>
      </p>
      <Loading state={state}>{(data) => <OpdForms data={data} reload={state.reload} />}</Loading>
    </article>
  );
}

function OpdForms({ data, reload }: { data: Loaded; reload(): void }) {
  const { t } = useI18n();
  const { edition, region } = data;
  const readOnly = edition.status !== 'self_assessment' || (region?.submittedAt ?? null) !== null;
  const sections = sectionsOf(edition.framework, 'innovation');
  return (
    <>
      <header className="stack">
        <h1>{t('idx.opd.title', { edition: edition.name })}</h1>
        <p className="lead">{t('idx.opd.intro')}</p>
        {readOnly && <p className="panel warning">{region?.submittedAt ? t('idx.opd.submitted') : t('idx.self.closed')}</p>}
      </header>
      {!readOnly && <ReportForm data={data} onReported={reload} />}
      {data.innovations.length === 0 && <p className="panel">{t('idx.opd.none')}</p>}
      {region &&
        region.innovations.map((innovation) => {
          const c = completeness(region.gaps, `innovations.${innovation.id}.`);
          return (
            <section key={innovation.id} className="stack innovation-block" aria-labelledby={`inv-${innovation.id}`}>
              <h2 id={`inv-${innovation.id}`}>{innovation.title}</h2>
              <p className={c.unanswered.length + c.evidence.length ? 'panel warning' : 'panel'}>
                {c.unanswered.length + c.evidence.length === 0
                  ? t('idx.complete.innovationDone')
                  : t('idx.complete.summary', {
                      unanswered: c.unanswered.length,
                      evidence: c.evidence.length,
                    })}
              </p>
              {sections.map(({ aspect, variable, indicators }) => (
                <VariableBlock key={variable.key} title={variable.label} aspect={aspect.label}>
                  {indicators.map((indicator) => (
                    <IndicatorCard
                      key={indicator.key}
                      editionId={edition.id}
                      regionId={region.region.id}
                      indicator={indicator}
                      innovationId={innovation.id}
                      answer={answerOf(region.answers, indicator.key, innovation.id)}
                      gaps={gapsOf(region.gaps, answerField(indicator.key, innovation.id))}
                      readOnly={readOnly}
                      onChanged={reload}
                    />
                  ))}
                </VariableBlock>
              ))}
            </section>
          );
        })}
    </>
  );
}

/** Report an innovation: one already entered in a competition (no retyping), or a new title. */
function ReportForm({ data, onReported }: { data: Loaded; onReported(): void }) {
  const { t } = useI18n();
  const reported = new Set(data.innovations.map((i) => i.innovationId).filter(Boolean));
  const choices = data.entered.editions.flatMap((e) =>
    e.innovations.filter((i) => !reported.has(i.id)).map((i) => ({ id: i.id, label: `${i.title} (${e.competition.name})` })),
  );
  const [existing, setExisting] = useState('');
  const [title, setTitle] = useState('');
  const { busy, error, run } = useAction<'existing' | 'title'>();
  const [notice, setNotice] = useNotice();
  const report = async (kind: 'existing' | 'title') => {
    setNotice(null);
    const ok = await run(kind, () =>
      reportInnovation(data.edition.id, kind === 'existing' ? { innovationId: existing } : { title: title.trim() }),
    );
    if (ok) {
      setNotice({ key: 'idx.opd.reported' });
      setExisting('');
      setTitle('');
      onReported();
    }
  };
  return (
    <section className="panel stack" aria-labelledby="idx-report">
      <h2 id="idx-report">{t('idx.opd.report')}</h2>
      <ErrorSummary error={error} />
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void report('existing');
        }}
      >
        <Field
          name="innovationId"
          label={t('idx.opd.fromEntered')}
          hint={choices.length ? t('idx.opd.fromEnteredHint') : t('idx.opd.noEntered')}
        >
          {(control) => (
            <select {...control} value={existing} onChange={(e) => setExisting(e.target.value)} disabled={!choices.length}>
              <option value="">{t('idx.choose')}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <BusyButton type="submit" busy={busy === 'existing'} busyLabel={t('idx.sending')} disabled={!existing}>
            {t('idx.opd.reportExisting')}
          </BusyButton>
        </div>
      </form>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void report('title');
        }}
      >
        <Field name="title" label={t('idx.opd.newTitle')}>
          {(control) => <input {...control} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <div className="actions">
          <BusyButton type="submit" className="secondary" busy={busy === 'title'} busyLabel={t('idx.sending')} disabled={!title.trim()}>
            {t('idx.opd.reportNew')}
          </BusyButton>
        </div>
      </form>
      <Notice message={notice} />
    </section>
  );
}
