import { useState } from 'react';
import { OperationProgress } from '../../components/OperationProgress';
import { useOperation } from '../../components/useOperation';
import { autoAssign, calibration, stageProgress, type AssignResult } from '../../api/organizer';
import type { Competition, Stage } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Facts } from '../../components/Facts';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { NumberInput } from '../../components/staff/NumberInput';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';

function AssignResultView({ result }: { result: AssignResult }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <Facts
        variant="stat"
        items={[
          [t('org.assign.created'), result.created],
          [t('org.assign.total'), result.total],
          [t('org.assign.k'), result.k],
          [t('org.assign.avoided'), result.avoidedConflicts],
        ]}
      />
      <Table caption={t('org.assign.loads')} columns={[t('org.col.juror'), { label: t('org.col.load'), num: true }]}>
        {result.loads.map((l) => (
          <tr key={l.jurorId}>
            <td>{l.name}</td>
            <td className="num">{l.load}</td>
          </tr>
        ))}
      </Table>
      {result.shortfalls.length > 0 ? (
        <Table
          caption={t('org.assign.shortfalls', { n: result.shortfalls.length })}
          columns={[t('org.col.innovation'), { label: t('org.col.assigned'), num: true }, t('org.col.reason')]}
        >
          {result.shortfalls.map((s) => (
            <tr key={s.innovationId}>
              <td>{s.title}</td>
              <td className="num">
                {s.assigned} / {s.needed}
              </td>
              <td>{s.reasons.join('; ')}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>{t('org.assign.noShortfall')}</p>
      )}
    </div>
  );
}

/** Automatic assignment: k conflict-free jurors per innovation (k from the plan unless given). */
export function AssignPanel({ competition, stage, onDone }: { competition: Competition; stage: Stage; onDone(): void }) {
  const { t } = useI18n();
  const [k, setK] = useState(NaN);
  const [result, setResult] = useState<AssignResult | null>(null);
  const { busy, error, run } = useAction();
  const tracker = useOperation(`assign:${competition.id}:${stage.key}`);
  const assign = () =>
    void run('run', async () => {
      setResult(await autoAssign(competition.id, stage.key, Number.isNaN(k) ? undefined : k, tracker.begin()).finally(tracker.end));
      onDone();
    });
  return (
    <section className="panel stack" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('org.assign.title')}</h2>
      <ErrorSummary error={error} labelOf={(f) => (f === 'k' ? t('org.assign.kLabel') : undefined)} />
      <Field
        name="k"
        label={t('org.assign.kLabel')}
        hint={t('org.assign.kHint', { n: stage.jurorsPerInnovation })}
        error={error?.fieldMessage('k')}
      >
        {(c) => <NumberInput {...c} value={k} onChange={setK} />}
      </Field>
      <BusyButton
        type="button"
        className="primary"
        busy={busy !== null}
        busyLabel={t('org.working')}
        onClick={assign}
        disabled={tracker.active}
      >
        {t('org.assign.run')}
      </BusyButton>
      <OperationProgress tracker={tracker} />
      {result && <AssignResultView result={result} />}
    </section>
  );
}

/** Sheets submitted / in draft / not started, overall and per juror. */
export function ProgressPanel({ competition, stage }: { competition: Competition; stage: Stage }) {
  const { t } = useI18n();
  const state = useLoad(() => stageProgress(competition.id, stage.key), [competition, stage.key]);
  return (
    <section className="stack" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('org.progress.title')}</h2>
      <Loading state={state}>
        {({ overall, jurors }) => (
          <>
            <p>
              {t('jury.progress', {
                total: overall.total,
                submitted: overall.submitted,
                draft: overall.draft,
                notStarted: overall.notStarted,
              })}
              <br />
              <progress max={overall.total || 1} value={overall.submitted} aria-label={t('org.progress.title')} />
            </p>
            <Table
              caption={t('org.progress.byJuror')}
              columns={[
                t('org.col.juror'),
                { label: t('jury.sheet.submitted'), num: true },
                { label: t('jury.sheet.draft'), num: true },
                { label: t('jury.sheet.not_started'), num: true },
                { label: t('org.col.total'), num: true },
              ]}
            >
              {jurors.map((j) => (
                <tr key={j.jurorId}>
                  <td>{j.name}</td>
                  <td className="num">{j.submitted}</td>
                  <td className="num">{j.draft}</td>
                  <td className="num">{j.notStarted}</td>
                  <td className="num">{j.total}</td>
                </tr>
              ))}
            </Table>
            <button type="button" className="secondary" onClick={state.reload}>
              {t('org.refresh')}
            </button>
          </>
        )}
      </Loading>
    </section>
  );
}

/** The calibration report: leniency, spread and agreement per juror; innovations whose jurors disagree. */
export function CalibrationPanel({ competition, stage }: { competition: Competition; stage: Stage }) {
  const { t, formatNumber } = useI18n();
  /** Calibration figures to 2 places, in the language's number format. */
  const fixed = (n: number | null | undefined) => (n === null || n === undefined ? t('common.none') : formatNumber(n, 2));
  const state = useLoad(() => calibration(competition.id, stage.key), [competition, stage.key]);
  return (
    <section className="stack" aria-labelledby="calibration-title">
      <h2 id="calibration-title">{t('org.calibration.title')}</h2>
      <p className="hint">{t('org.calibration.intro')}</p>
      <Loading state={state}>
        {(c) => (
          <>
            <p>{t('org.calibration.stage', { sheets: c.sheets, mean: fixed(c.mean), sd: fixed(c.sd) })}</p>
            <Table
              caption={t('org.calibration.jurors')}
              columns={[
                t('org.col.juror'),
                { label: t('org.col.sheets'), num: true },
                { label: t('org.col.mean'), num: true },
                { label: t('org.col.sd'), num: true },
                { label: t('org.col.leniency'), num: true },
                { label: t('org.col.sdRatio'), num: true },
                { label: t('org.col.mad'), num: true },
                { label: t('org.col.spearman'), num: true },
              ]}
            >
              {c.jurors.map((j) => (
                <tr key={j.juror}>
                  <td>{j.name}</td>
                  <td className="num">{j.sheets}</td>
                  <td className="num">{fixed(j.mean)}</td>
                  <td className="num">{fixed(j.sd)}</td>
                  <td className="num">{j.leniency > 0 ? `+${fixed(j.leniency)}` : fixed(j.leniency)}</td>
                  <td className="num">{fixed(j.sdRatio)}</td>
                  <td className="num">{fixed(j.agreement.meanAbsoluteDeviation)}</td>
                  <td className="num">{fixed(j.agreement.spearman)}</td>
                </tr>
              ))}
            </Table>
            {c.disagreements.length ? (
              <Table
                caption={t('org.calibration.flagged', { n: c.disagreements.length })}
                columns={[
                  t('org.col.innovation'),
                  { label: t('org.col.sheets'), num: true },
                  { label: t('org.col.min'), num: true },
                  { label: t('org.col.max'), num: true },
                  { label: t('org.col.range'), num: true },
                ]}
              >
                {c.disagreements.map((d) => (
                  <tr key={d.innovationId}>
                    <td>{d.title}</td>
                    <td className="num">{d.count}</td>
                    <td className="num">{fixed(d.min)}</td>
                    <td className="num">{fixed(d.max)}</td>
                    <td className="num">{fixed(d.range)}</td>
                  </tr>
                ))}
              </Table>
            ) : (
              <p>{t('org.calibration.none')}</p>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}
