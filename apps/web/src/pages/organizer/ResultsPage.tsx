import { useState, type FormEvent } from 'react';
import { ExportDownloads } from '../../components/ExportDownloads';
import { OperationProgress } from '../../components/OperationProgress';
import { useOperation } from '../../components/useOperation';
import {
  AGGREGATIONS,
  announce,
  answerObjection,
  assignJuror,
  jurors as loadJurors,
  exportRanking,
  objections as loadObjections,
  publish,
  rankingPreview,
  reopenForObjection,
  settleForObjection,
  type Aggregation,
  type Objection,
  type ObjectionWithCorrections,
  type Preview,
} from '../../api/organizer';
import type { Competition } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, type ControlProps } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { NumberInput } from '../../components/staff/NumberInput';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad, type Loaded } from '../../components/useLoad';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { EditionFrame } from './EditionFrame';

function PreviewTables({ competition, preview }: { competition: Competition; preview: Preview }) {
  const { t, pick, formatNumber } = useI18n();
  const categoryLabel = (key: string) => pick(competition.plan.categories.find((c) => c.key === key)?.label ?? { id: key, en: key });
  const stageLabel = (key: string | null) =>
    key ? pick(competition.plan.stages.find((s) => s.key === key)?.label ?? { id: key, en: key }) : t('common.none');
  const scored = competition.plan.stages.filter((s) => s.weight > 0);
  return (
    <>
      {preview.stagesOpen.length > 0 && (
        <p className="panel warning">{t('org.results.stagesOpen', { stages: preview.stagesOpen.join(', ') })}</p>
      )}
      {Object.entries(preview.categories).map(([category, rows]) => (
        <Table
          key={category}
          caption={categoryLabel(category)}
          columns={[
            { label: t('org.col.rank'), num: true },
            { label: t('org.col.rawRank'), num: true },
            t('org.col.innovation'),
            t('org.col.organization'),
            ...scored.map((s) => ({ label: pick(s.label), num: true })),
            { label: t('org.col.final'), num: true },
            t('org.col.band'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.submission}>
              <td className="num">{r.rank}</td>
              <td className="num">{r.rawRank ?? t('common.none')}</td>
              <th scope="row" className="wide">
                {r.title}
              </th>
              <td className="wide">{r.organization}</td>
              {scored.map((s) => (
                <td key={s.key} className="num">
                  {r.stages[s.key] === undefined ? t('common.none') : formatNumber(r.stages[s.key])}
                </td>
              ))}
              <td className="num">{formatNumber(r.final)}</td>
              <td>{r.band ?? t('common.none')}</td>
            </tr>
          ))}
        </Table>
      ))}
      {preview.unranked.length > 0 && (
        <Table
          caption={t('org.results.unranked', { n: preview.unranked.length })}
          columns={[t('org.col.innovation'), t('innovation.category'), t('org.col.reached')]}
        >
          {preview.unranked.map((u) => (
            <tr key={u.submission}>
              <td>{u.title}</td>
              <td>{categoryLabel(u.category)}</td>
              <td>{stageLabel(u.reachedStage ?? null)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** The ranking as it stands, under the plan's aggregation or a what-if one; rank beside the plain-mean rank. */
function RankingPreview({
  competition,
  aggregation,
  onAggregation,
  state,
}: {
  competition: Competition;
  aggregation: Aggregation | '';
  onAggregation(a: Aggregation | ''): void;
  state: Loaded<Preview>;
}) {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('org.results.preview')}</h2>
      <p className="hint">{t('org.results.previewIntro')}</p>
      <Field name="aggregation" label={t('org.results.aggregation')}>
        {(c) => (
          <select {...c} value={aggregation} onChange={(e) => onAggregation(e.target.value as Aggregation | '')}>
            <option value="">{t('org.results.planAggregation')}</option>
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`org.aggregation.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Loading state={state}>{(preview) => <PreviewTables competition={competition} preview={preview} />}</Loading>
    </section>
  );
}

function ObjectionAnswer({ objection, onAnswered }: { objection: Objection; onAnswered(): void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const [decision, setDecision] = useState<'rejected' | 'upheld'>('rejected');
  const { busy, error, run } = useAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      await answerObjection(objection.id, answer, decision);
      onAnswered();
    });
  };
  const name = (f: string) => `${f}-${objection.id}`;
  return (
    <form className="stack" onSubmit={send} noValidate>
      <ErrorSummary error={error} />
      <Field name={name('answer')} label={t('org.objection.answer')} error={error?.fieldMessage('answer')}>
        {(c) => <textarea {...c} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
      </Field>
      <Field name={name('decision')} label={t('org.objection.decision')} error={error?.fieldMessage('decision')}>
        {(c) => (
          <select {...c} value={decision} onChange={(e) => setDecision(e.target.value as 'rejected' | 'upheld')}>
            <option value="rejected">{t('org.objection.rejected')}</option>
            <option value="upheld">{t('org.objection.upheld')}</option>
          </select>
        )}
      </Field>
      <BusyButton type="submit" className="secondary" busy={busy !== null} busyLabel={t('org.working')}>
        {t('org.objection.send')}
      </BusyButton>
    </form>
  );
}

/** The jurors to choose from, loaded when the choice is shown (only for an innovation reinstated into a closed stage). */
function JurorSelect({ value, onChange, ...field }: ControlProps & { value: string; onChange(id: string): void }) {
  const { t } = useI18n();
  const jurors = useLoad(() => loadJurors(), []);
  return (
    <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('org.correction.pickJuror')}</option>
      {(jurors.data ?? []).map((j) => (
        <option key={j.id} value={j.id}>
          {j.name}
        </option>
      ))}
    </select>
  );
}

/**
 * An upheld objection changes the outcome: reopen what it concerns (a stage's sheets of the innovation, or its failed
 * screening decision) with a reason; an innovation reinstated after later stages closed is then judged there — jurors
 * assigned to it by hand — and each stage settled. Publication waits until nothing is listed.
 */
function ObjectionCorrection({
  competition,
  objection,
  onChange,
}: {
  competition: Competition;
  objection: ObjectionWithCorrections;
  onChange(): void;
}) {
  const { t, pick } = useI18n();
  const stages = competition.plan.stages.filter((s) => s.kind === 'screening' || s.rubric.length > 0);
  const stageLabel = (key: string) => pick(competition.plan.stages.find((s) => s.key === key)?.label ?? { id: key, en: key });
  const [stage, setStage] = useState(stages[0]?.key ?? '');
  const [reason, setReason] = useState('');
  const [jurorId, setJurorId] = useState('');
  const { busy, error, run } = useAction<'assign' | 'settle' | 'reopen'>();
  const [notice, setNotice] = useNotice();
  const entrant = objection.corrections.find((c) => c.kind === 'entrant');
  const name = (f: string) => `${f}-${objection.id}`;
  const act = (label: 'assign' | 'settle' | 'reopen', action: () => Promise<unknown>, done: MessageKey) => (e?: FormEvent) => {
    e?.preventDefault();
    void run(label, async () => {
      await action();
      setNotice({ key: done });
      onChange();
    });
  };
  return (
    <div className="stack">
      <Notice message={notice} />
      <ErrorSummary error={error} />
      {objection.corrections.length > 0 && (
        <ul>
          {objection.corrections.map((c) => (
            <li key={`${c.stage}:${c.kind}`}>{t(`org.correction.${c.kind}`, { stage: stageLabel(c.stage), n: c.open })}</li>
          ))}
        </ul>
      )}
      {entrant && (
        <form
          className="stack"
          onSubmit={act(
            'assign',
            () => assignJuror(competition.id, entrant.stage, objection.innovationId, jurorId),
            'org.correction.assigned',
          )}
          noValidate
        >
          <Field
            name={name('jurorId')}
            label={t('org.correction.juror', { stage: stageLabel(entrant.stage) })}
            error={error?.fieldMessage('jurorId')}
          >
            {(c) => <JurorSelect {...c} value={jurorId} onChange={setJurorId} />}
          </Field>
          <div className="row">
            <BusyButton
              type="submit"
              className="secondary"
              busy={busy === 'assign'}
              disabled={!jurorId || busy !== null}
              busyLabel={t('org.working')}
            >
              {t('org.correction.assign')}
            </BusyButton>
            <BusyButton
              type="button"
              busy={busy === 'settle'}
              disabled={busy !== null}
              busyLabel={t('org.working')}
              onClick={act('settle', () => settleForObjection(objection.id, entrant.stage), 'org.correction.settled')}
            >
              {t('org.correction.settle', { stage: stageLabel(entrant.stage) })}
            </BusyButton>
          </div>
        </form>
      )}
      <details>
        <summary>{t('org.correction.reopen')}</summary>
        <form
          className="stack"
          onSubmit={act('reopen', () => reopenForObjection(objection.id, stage, reason), 'org.correction.reopened')}
          noValidate
        >
          <Field name={name('stage')} label={t('org.correction.stage')} error={error?.fieldMessage('stage')}>
            {(c) => (
              <select {...c} value={stage} onChange={(e) => setStage(e.target.value)}>
                {stages.map((s) => (
                  <option key={s.key} value={s.key}>
                    {pick(s.label)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name={name('reason')} label={t('org.correction.reason')} error={error?.fieldMessage('reason')}>
            {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <BusyButton type="submit" className="secondary" busy={busy === 'reopen'} disabled={busy !== null} busyLabel={t('org.working')}>
            {t('org.correction.reopenAction')}
          </BusyButton>
        </form>
      </details>
    </div>
  );
}

/** Provisional announcement (opens the objection window), the objections and their answers. */
function Announcement({ competition, titleOf }: { competition: Competition; titleOf(id: string): string }) {
  const { t, formatDate } = useI18n();
  const state = useLoad(() => loadObjections(competition.id), [competition]);
  const [days, setDays] = useState(competition.plan.objectionWindowDays);
  const { busy, error, run } = useAction();
  const go = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      await announce(competition.id, Number.isNaN(days) ? undefined : days);
      state.reload();
    });
  };
  return (
    <section className="panel stack" aria-labelledby="announce-title">
      <h2 id="announce-title">{t('org.announce.title')}</h2>
      <Loading state={state}>
        {({ announcement, objections }) => (
          <>
            <p>
              {announcement
                ? t('org.announce.window', { from: formatDate(announcement.opensAt, true), to: formatDate(announcement.closesAt, true) })
                : t('org.announce.none')}
            </p>
            {objections.length > 0 && (
              <ul className="cards">
                {objections.map((o) => (
                  <li key={o.id} className="stack">
                    <p>
                      <strong>{titleOf(o.innovationId)}</strong>: “{o.reason}”
                    </p>
                    {o.answeredAt ? (
                      <>
                        <p>
                          {t('org.objection.answered', {
                            decision: t(`org.objection.${o.decision ?? 'rejected'}`),
                            answer: o.answer ?? '',
                          })}
                        </p>
                        {o.decision === 'upheld' && <ObjectionCorrection competition={competition} objection={o} onChange={state.reload} />}
                      </>
                    ) : (
                      <ObjectionAnswer objection={o} onAnswered={state.reload} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loading>
      <form className="stack" onSubmit={go} noValidate>
        <ErrorSummary error={error} labelOf={(f) => (f === 'days' ? t('org.announce.days') : undefined)} />
        <Field
          name="days"
          label={t('org.announce.days')}
          hint={t('org.announce.daysHint', { min: competition.plan.objectionWindowDays })}
          error={error?.fieldMessage('days')}
        >
          {(c) => <NumberInput {...c} value={days} onChange={setDays} />}
        </Field>
        <BusyButton type="submit" className="secondary" busy={busy !== null} busyLabel={t('org.working')}>
          {t('org.announce.action')}
        </BusyButton>
      </form>
    </section>
  );
}

/** POST …/rankings/publish: an immutable snapshot; a correction (v2+) needs a reason. */
/** What publication answered: the version and its hash. */
interface PublishedVersion {
  version: number;
  hash: string;
}

function Publish({ competition, onPublished }: { competition: Competition; onPublished(published: PublishedVersion): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const tracker = useOperation(`publish:${competition.id}`);
  const go = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      const r = await publish(competition.id, reason, tracker.begin()).finally(tracker.end);
      setNotice({ key: 'org.publish.done', vars: { version: r.version, hash: r.hash } });
      onPublished({ version: r.version, hash: r.hash });
    });
  };
  return (
    <form className="panel stack" onSubmit={go} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">{t('org.publish.title')}</h2>
      <p className="hint">{t('org.publish.intro')}</p>
      <ErrorSummary error={error} labelOf={(f) => (f === 'reason' ? t('org.publish.reason') : undefined)} />
      <Field name="reason" label={t('org.publish.reason')} hint={t('org.publish.reasonHint')} error={error?.fieldMessage('reason')}>
        {(c) => <input {...c} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <BusyButton
          type="submit"
          className="primary"
          busy={busy !== null}
          busyLabel={t('org.publish.publishing')}
          disabled={tracker.active}
        >
          {t('org.publish.action')}
        </BusyButton>
        <OperationProgress tracker={tracker} />
      </div>
      <Notice message={notice} />
      {(competition.status === 'published' || notice) && (
        <p>
          <Link to={`/kompetisi/${competition.slug}`}>{t('org.publish.public')}</Link>
        </p>
      )}
    </form>
  );
}

/** A published edition: what is public now, instead of the provisional-results steps. */
function Published({ competition, just }: { competition: Competition; just: PublishedVersion | null }) {
  const { t } = useI18n();
  return (
    <section className="panel stack" aria-labelledby="published-title">
      <h2 id="published-title">{t('org.results.publishedTitle')}</h2>
      {/* The version just published stays said once the page turns into its published state. */}
      {just && <Notice message={{ key: 'org.publish.done', vars: { version: just.version, hash: just.hash } }} />}
      <p>{t('org.results.publishedText')}</p>
      <p>
        <Link to={`/kompetisi/${competition.slug}`}>{t('org.publish.public')}</Link>
      </p>
      <ExportDownloads
        scope={`export:${competition.id}`}
        start={(format, operationId) => exportRanking(competition.id, format, operationId)}
      />
    </section>
  );
}

function ResultsBody({ competition, reload }: { competition: Competition; reload(): void }) {
  const { t } = useI18n();
  // The plan's own aggregation first; another one is a what-if the organizer picks.
  const [aggregation, setAggregation] = useState<Aggregation | ''>('');
  const preview = useLoad(() => rankingPreview(competition.id, aggregation || undefined), [competition, aggregation]);
  const titles = new Map([
    ...Object.values(preview.data?.categories ?? {})
      .flat()
      .map((r): [string, string] => [r.submission, r.title ?? r.submission]),
    ...(preview.data?.unranked ?? []).map((u): [string, string] => [u.submission, u.title ?? u.submission]),
  ]);
  const published = competition.status === 'published' || competition.status === 'archived';
  const [just, setJust] = useState<PublishedVersion | null>(null);
  const onPublished = (version: PublishedVersion) => {
    setJust(version);
    reload();
  };
  return (
    <div className="page-wide stack">
      {published && <Published competition={competition} just={just} />}
      <RankingPreview competition={competition} aggregation={aggregation} onAggregation={setAggregation} state={preview} />
      {!published && <Announcement competition={competition} titleOf={(id) => titles.get(id) ?? id} />}
      {published ? (
        <details className="panel">
          <summary>{t('org.publish.correction')}</summary>
          <Publish competition={competition} onPublished={onPublished} />
        </details>
      ) : (
        <Publish competition={competition} onPublished={onPublished} />
      )}
    </div>
  );
}

/** Results: the ranking preview (raw beside normalised), the objection window and publication. */
export function ResultsPage({ id }: { id: string }) {
  return (
    <EditionFrame id={id} title="org.nav.results">
      {({ competition, reload }) => <ResultsBody competition={competition} reload={reload} />}
    </EditionFrame>
  );
}
