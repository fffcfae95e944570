import { useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../../api/errors';
import { closeStage, openStage, type CloseSummary } from '../../api/organizer';
import type { Competition, Stage } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice, useNotice } from '../../components/Notice';
import { Table } from '../../components/staff/Table';
import { Working } from '../../components/staff/Working';
import { useAction } from '../../components/useAction';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n, type Translate } from '../../i18n/I18nContext';
import { useReasonText } from '../../i18n/reasons';
import { StageStatus } from './StageStatus';

/** What a refused close (409) says is unfinished: undecided innovations or unsubmitted sheets. */
function missingWork(error: ApiError | null, t: Translate): string[] {
  const undecided = error?.details.undecided as { title: string }[] | undefined;
  const open = error?.details.open as { jurorName: string; innovationTitle: string; status: string }[] | undefined;
  return [
    ...(undecided ?? []).map((u) => `“${u.title}”`),
    ...(open ?? []).map((o) => `${o.jurorName}: “${o.innovationTitle}” (${t(`jury.sheet.${o.status}` as MessageKey)})`),
  ];
}

function Decisions({ summary, competition }: { summary: CloseSummary; competition: Competition }) {
  const { t, pick, formatNumber } = useI18n();
  const reasonOf = useReasonText();
  const categoryLabel = (key: string) => {
    const label = competition.plan.categories.find((c) => c.key === key)?.label;
    return label && pick(label);
  };
  return (
    <Table
      caption={t('org.close.summary', { passed: summary.passed, eliminated: summary.eliminated })}
      columns={[
        t('org.col.innovation'),
        t('innovation.category'),
        t('org.col.outcome'),
        { label: t('org.col.score'), num: true },
        { label: t('org.col.rank'), num: true },
        t('org.col.reason'),
      ]}
    >
      {summary.decisions.map((d) => (
        <tr key={d.innovationId}>
          <td>{d.title}</td>
          <td>{pick(competition.plan.categories.find((c) => c.key === d.category)?.label ?? { id: d.category, en: d.category })}</td>
          <td>
            <span className={`badge badge-${d.outcome}`}>{t(`org.outcome.${d.outcome}`)}</span>
          </td>
          <td className="num">{d.score === null ? t('common.none') : formatNumber(d.score)}</td>
          <td className="num">{d.rank ?? t('common.none')}</td>
          <td>{reasonOf(d, categoryLabel)}</td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * Opens or closes the stage. A close the API refuses for unfinished work (409) lists what is missing and
 * offers to force it with a reason.
 */
export function StageControl({ competition, stage, onChanged }: { competition: Competition; stage: Stage; onChanged(): void }) {
  const { t, pick, formatDate } = useI18n();
  const status = competition.stages.find((s) => s.key === stage.key)?.status ?? 'scheduled';
  const { busy, error, run } = useAction<'open' | 'close' | 'force'>();
  const [summary, setSummary] = useState<CloseSummary | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useNotice();
  const [refusal, setRefusal] = useState<string[]>([]);

  const open = () =>
    void run('open', async () => {
      setNotice(null);
      const r = await openStage(competition.id, stage.key);
      setNotice({ key: 'org.stage.opened', vars: { n: r.pending } });
      onChanged();
    });
  const close = (force: boolean) =>
    void run(force ? 'force' : 'close', async () => {
      setNotice(null);
      try {
        setSummary(await closeStage(competition.id, stage.key, force ? { reason } : undefined));
      } catch (err) {
        // Kept while the organizer writes the reason (a forced close without one is a 400 of its own).
        const missing = missingWork(asApiError(err), t);
        if (missing.length) setRefusal(missing);
        throw err;
      }
      setRefusal([]);
      onChanged();
    });
  const stages = competition.plan.stages;
  const last = stages[stages.length - 1]?.key === stage.key;
  /** Closing decides who advances and cannot be undone: ask first, more firmly before the planned close. */
  const confirmClose = () => {
    const early = stage.closesAt && Date.parse(stage.closesAt) > Date.now();
    const what = t(last ? 'org.close.confirmLast' : 'org.close.confirm', { stage: pick(stage.label) });
    return window.confirm(early ? `${t('org.close.confirmEarly', { date: formatDate(stage.closesAt!, true) })} ${what}` : what);
  };
  const force = (e: FormEvent) => {
    e.preventDefault();
    if (confirmClose()) close(true);
  };

  return (
    <section className="panel stack" aria-labelledby="stage-control">
      <h2 id="stage-control">
        {t('org.stage.control', { stage: pick(stage.label) })} <StageStatus competition={competition} stageKey={stage.key} />
      </h2>
      <ErrorSummary error={error} labelOf={(f) => (f === 'reason' ? t('org.close.reason') : undefined)} />
      <div className="actions">
        {status === 'scheduled' && (
          <BusyButton
            type="button"
            className="primary"
            busy={busy === 'open'}
            busyLabel={t('org.working')}
            disabled={busy !== null}
            onClick={open}
          >
            {t('org.stage.open')}
          </BusyButton>
        )}
        {status === 'open' && (
          <BusyButton
            type="button"
            className="primary"
            busy={busy === 'close'}
            busyLabel={t('org.close.closing')}
            disabled={busy !== null}
            onClick={() => confirmClose() && close(false)}
          >
            {t('org.stage.close')}
          </BusyButton>
        )}
        <Working busy={busy === 'close' || busy === 'force'} label={t('org.close.closing')} />
      </div>
      {status === 'open' && refusal.length > 0 && (
        <form className="panel warning stack" onSubmit={force} noValidate aria-labelledby="force-title">
          <h3 id="force-title">{t('org.close.missing', { n: refusal.length })}</h3>
          <ul>
            {refusal.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <Field name="reason" label={t('org.close.reason')} hint={t('org.close.reasonHint')} error={error?.fieldMessage('reason')}>
            {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <BusyButton
            type="submit"
            className="secondary"
            busy={busy === 'force'}
            busyLabel={t('org.close.closing')}
            disabled={busy !== null}
          >
            {t('org.close.force')}
          </BusyButton>
        </form>
      )}
      <Notice message={notice} />
      {summary && <Decisions summary={summary} competition={competition} />}
    </section>
  );
}
