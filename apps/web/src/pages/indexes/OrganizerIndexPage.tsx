import { useState } from 'react';
import {
  assignValidators,
  indexEdition,
  indexPreview,
  moveEdition,
  moveIndexWindows,
  publicIndexEditions,
  exportIndexRanking,
  publishIndex,
  validations,
  type IndexEdition,
  type IndexPreview,
  type IndexPublished,
  type IndexRow,
  type IndexValidation,
} from '../../api/indexes';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ExportDownloads } from '../../components/ExportDownloads';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import { OperationProgress } from '../../components/OperationProgress';
import { useOperation } from '../../components/useOperation';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { fromWibInput, toWibInput } from '../organizer/wib';
import { bandLabel, progressPercent } from './assessment';
import './indexes.css';

const NEXT: Partial<Record<IndexEdition['status'], 'self_assessment' | 'verification' | 'closed'>> = {
  draft: 'self_assessment',
  self_assessment: 'verification',
  verification: 'closed',
};
const WINDOWS = ['selfAssessmentOpensAt', 'selfAssessmentClosesAt', 'verificationOpensAt', 'verificationClosesAt'] as const;

/** `/panitia/indeks/:id`: status and windows, validators and progress, preview, publication. */
export function OrganizerIndexPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(() => indexEdition(id), [id]);
  usePageTitle(state.data?.name);
  return (
    <article className="stack idx">
      <p>
        <Link to="/panitia/indeks">← {t('idx.back')}</Link>
      </p>
      <Loading state={state}>
        {(edition) => (
          <>
            <Overview edition={edition} onMoved={state.setData} />
            {edition.status !== 'draft' && <Progress edition={edition} />}
            {edition.status !== 'draft' && <Preview edition={edition} />}
            {(edition.status === 'verification' || edition.status === 'closed') && <Publish edition={edition} />}
          </>
        )}
      </Loading>
    </article>
  );
}

function Overview({ edition, onMoved }: { edition: IndexEdition; onMoved(e: IndexEdition): void }) {
  const { t, formatDate } = useI18n();
  const { busy, error, run } = useAction();
  const next = NEXT[edition.status];
  const move = async () => {
    if (!next || !window.confirm(t(`idx.org.confirm.${next}`))) return;
    await run('run', async () => onMoved(await moveEdition(edition.id, next)));
  };
  return (
    <section className="stack">
      <h1>{edition.name}</h1>
      <p>
        <span className={`badge idx-status-${edition.status}`}>{t(`idx.status.${edition.status}` as MessageKey)}</span> {edition.year} ·{' '}
        {edition.categories.map((c) => t(`idx.category.${c}` as MessageKey)).join(', ')}
      </p>
      {edition.status === 'closed' ? (
        <dl className="facts">
          {WINDOWS.map((w) => (
            <div key={w}>
              <dt>{t(`idx.window.${w}`)}</dt>
              <dd>{edition[w] ? formatDate(edition[w] as unknown as string, true) : t('idx.window.none')}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <WindowsForm edition={edition} onSaved={onMoved} />
      )}
      <p>
        <Link to={`/panitia/indeks/${edition.id}/kerangka`}>
          {edition.status === 'draft' ? t('idx.org.editFramework') : t('idx.org.viewFramework')}
        </Link>
      </p>
      <ErrorSummary error={error} />
      {next && (
        <div className="actions">
          <BusyButton type="button" busy={busy !== null} busyLabel={t('idx.sending')} onClick={() => void move()}>
            {t(`idx.org.move.${next}`)}
          </BusyButton>
        </div>
      )}
    </section>
  );
}

const PHASES = ['draft', 'self_assessment', 'verification', 'closed'] as const;

/** As the API decides (planWindowMoves): a phase's start is fixed once it began, all of it once it ended. */
function windowLocked(status: IndexEdition['status'], w: (typeof WINDOWS)[number]): boolean {
  const phase = PHASES.indexOf(w.startsWith('selfAssessment') ? 'self_assessment' : 'verification');
  const now = PHASES.indexOf(status);
  return now > phase || (now === phase && w.endsWith('OpensAt'));
}

/** The windows in WIB; what moved is sent with its reason (required past draft), audited and notified by the API. */
function WindowsForm({ edition, onSaved }: { edition: IndexEdition; onSaved(e: IndexEdition): void }) {
  const { t } = useI18n();
  const saved = Object.fromEntries(WINDOWS.map((w) => [w, toWibInput(edition[w] as unknown as string | null)])) as Record<
    (typeof WINDOWS)[number],
    string
  >;
  const [values, setValues] = useState(saved);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const moved = WINDOWS.filter((w) => values[w] !== saved[w]);
  const fieldError = (f: string) => error?.fields.find((e) => e.field === f)?.message;
  const save = async () => {
    setNotice(null);
    const body = {
      ...Object.fromEntries(moved.map((w) => [w, fromWibInput(values[w])])),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    if (await run('run', async () => onSaved(await moveIndexWindows(edition.id, body)))) {
      setReason('');
      setNotice({ key: 'idx.org.windowsSaved' });
    }
  };
  return (
    <form
      className="panel stack"
      aria-labelledby="idx-windows"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="idx-windows">{t('idx.org.windows')}</h2>
      <p className="hint">{edition.status === 'draft' ? t('idx.org.windowsDraftHint') : t('idx.org.windowsHint')}</p>
      <div className="fw-grid">
        {WINDOWS.map((w) => (
          <Field
            key={w}
            name={w}
            label={t(`idx.window.${w}`)}
            hint={windowLocked(edition.status, w) ? t('idx.org.windowLocked') : undefined}
            error={fieldError(w)}
          >
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                value={values[w]}
                disabled={windowLocked(edition.status, w)}
                onChange={(e) => setValues({ ...values, [w]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      {edition.status !== 'draft' && (
        <Field name="windowsReason" label={t('idx.org.windowsReason')} required={moved.length > 0} error={fieldError('reason')}>
          {(c) => <input {...c} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <ErrorSummary
        error={error}
        labelOf={(f) =>
          f === 'reason'
            ? t('idx.org.windowsReason')
            : (WINDOWS as readonly string[]).includes(f)
              ? t(`idx.window.${f as (typeof WINDOWS)[number]}`)
              : undefined
        }
      />
      <div className="actions">
        <BusyButton type="submit" className="secondary" busy={busy !== null} busyLabel={t('common.saving')} disabled={moved.length === 0}>
          {t('idx.org.windowsSave')}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </form>
  );
}

interface ValidatorLoad {
  id: string;
  name: string;
  regions: number;
  verified: number;
  answers: number;
}

/** Per validator the sum over its regions, by name. */
function byValidator(rows: readonly IndexValidation[]): ValidatorLoad[] {
  const map = new Map<string, ValidatorLoad>();
  for (const r of rows) {
    const v = map.get(r.validatorId) ?? {
      id: r.validatorId,
      name: r.validator ?? r.validatorId,
      regions: 0,
      verified: 0,
      answers: 0,
    };
    v.regions += 1;
    v.verified += r.verified;
    v.answers += r.answers;
    map.set(r.validatorId, v);
  }
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function Progress({ edition }: { edition: IndexEdition }) {
  const { t } = useI18n();
  const state = useLoad(() => validations(edition.id), [edition.id]);
  const [perRegion, setPerRegion] = useState('2');
  const [result, setResult] = useState<{
    added: number;
    shortfalls: number;
  } | null>(null);
  const { busy, error, run } = useAction();
  const assign = async () => {
    const ok = await run('run', async () => {
      const r = await assignValidators(edition.id, Number(perRegion));
      setResult({ added: r.added, shortfalls: r.shortfalls.length });
    });
    if (ok) state.reload();
  };
  const canAssign = edition.status === 'self_assessment' || edition.status === 'verification';
  return (
    <section className="panel stack" aria-labelledby="idx-progress">
      <h2 id="idx-progress">{t('idx.org.progress')}</h2>
      {canAssign && (
        <div className="stack">
          <Field name="perRegion" label={t('idx.org.perRegion')} hint={t('idx.org.perRegionHint')}>
            {(c) => (
              <input
                {...c}
                type="number"
                inputMode="numeric"
                min={1}
                max={10}
                value={perRegion}
                onChange={(e) => setPerRegion(e.target.value)}
              />
            )}
          </Field>
          <ErrorSummary error={error} />
          <div className="actions">
            <BusyButton type="button" className="secondary" busy={busy !== null} busyLabel={t('idx.sending')} onClick={() => void assign()}>
              {t('idx.org.assign')}
            </BusyButton>
          </div>
          <p role="status">
            {result &&
              t('idx.org.assigned', {
                added: result.added,
                shortfalls: result.shortfalls,
              })}
          </p>
        </div>
      )}
      <Loading state={state}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('idx.org.noAssignments')}</p>
          ) : (
            <>
              <h3>{t('idx.org.perRegionTitle')}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('idx.col.region')}</th>
                      <th scope="col">{t('idx.col.validator')}</th>
                      <th scope="col">{t('idx.col.progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.regionId}/${r.validatorId}`}>
                        <th scope="row">{r.region ?? r.regionId}</th>
                        <td>{r.validator ?? r.validatorId}</td>
                        <td>
                          {t('idx.progress', {
                            verified: r.verified,
                            answers: r.answers,
                            pct: progressPercent(r.verified, r.answers),
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h3>{t('idx.org.perValidatorTitle')}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('idx.col.validator')}</th>
                      <th scope="col">{t('idx.col.regions')}</th>
                      <th scope="col">{t('idx.col.progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {byValidator(rows).map((v) => (
                      <tr key={v.id}>
                        <th scope="row">{v.name}</th>
                        <td>{v.regions}</td>
                        <td>
                          {t('idx.progress', {
                            verified: v.verified,
                            answers: v.answers,
                            pct: progressPercent(v.verified, v.answers),
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loading>
    </section>
  );
}

/** Self vs verified side by side, one table per category, then per group. */
export function SelfVsVerifiedTable({
  caption,
  rows,
  bands,
  link,
}: {
  caption: string;
  rows: readonly IndexRow[];
  bands: IndexEdition['framework']['bands'];
  link?(row: IndexRow): string;
}) {
  const { t, formatNumber, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="idx-ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('idx.col.rank')}</th>
            <th scope="col">{t('idx.col.region')}</th>
            <th scope="col">{t('idx.col.iidVerified')}</th>
            <th scope="col">{t('idx.col.band')}</th>
            <th scope="col">{t('idx.col.iidSelf')}</th>
            <th scope="col">{t('idx.col.innovations')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.region}>
              <td>{r.rank}</td>
              <th scope="row">{link ? <Link to={link(r)}>{r.name ?? r.region}</Link> : (r.name ?? r.region)}</th>
              <td className="num">{formatNumber(r.verified.iid, 2)}</td>
              <td>{bandLabel(bands, r.verified.band, lang) ?? t('common.none')}</td>
              <td className="num">{formatNumber(r.self.iid, 2)}</td>
              <td className="num">
                {t('idx.innovationsPair', {
                  verified: r.verified.innovations,
                  self: r.self.innovations,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Preview({ edition }: { edition: IndexEdition }) {
  const { t } = useI18n();
  const state = useLoad(() => indexPreview(edition.id), [edition.id]);
  return (
    <section className="panel stack" aria-labelledby="idx-preview">
      <h2 id="idx-preview">{t('idx.org.preview')}</h2>
      <p className="hint">{t('idx.org.previewHint')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={state.reload}>
          {t('idx.org.refresh')}
        </button>
      </div>
      <Loading state={state}>{(preview) => <PreviewTables preview={preview} edition={edition} />}</Loading>
    </section>
  );
}

function PreviewTables({ preview, edition }: { preview: IndexPreview; edition: IndexEdition }) {
  const { t } = useI18n();
  const categories = Object.entries(preview.categories);
  if (!categories.length) return <p>{t('idx.org.nothingSubmitted')}</p>;
  return (
    <>
      {categories.map(([category, rows]) => (
        <SelfVsVerifiedTable
          key={category}
          caption={t(`idx.category.${category}` as MessageKey)}
          rows={rows}
          bands={edition.framework.bands}
        />
      ))}
      {Object.entries(preview.groups).map(([key, group]) => (
        <SelfVsVerifiedTable
          key={key}
          caption={t('idx.group', { name: group.name ?? key })}
          rows={group.rows}
          bands={edition.framework.bands}
        />
      ))}
    </>
  );
}

function Publish({ edition }: { edition: IndexEdition }) {
  const { t } = useI18n();
  const latest = useLoad(async () => (await publicIndexEditions()).find((e) => e.id === edition.id) ?? null, [edition.id]);
  const [reason, setReason] = useState('');
  const [published, setPublished] = useState<IndexPublished | null>(null);
  const { busy, error, run } = useAction();
  const version = published?.version ?? latest.data?.version ?? 0;
  const tracker = useOperation(`index-publish:${edition.id}`);
  const publish = async () => {
    if (!window.confirm(t('idx.org.confirmPublish', { version: version + 1 }))) return;
    if (await run('run', async () => setPublished(await publishIndex(edition.id, reason, tracker.begin()).finally(tracker.end))))
      setReason('');
  };
  return (
    <section className="panel stack" aria-labelledby="idx-publish">
      <h2 id="idx-publish">{t('idx.org.publish')}</h2>
      <p>{version ? t('idx.org.publishedVersion', { version }) : t('idx.org.notPublished')}</p>
      {version > 0 && (
        <Field
          name="reason"
          label={t('idx.org.reason')}
          required
          hint={t('idx.org.reasonHint')}
          error={error?.fields.find((f) => f.field === 'reason')?.message}
        >
          {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <ErrorSummary error={error} labelOf={(f) => (f === 'reason' ? t('idx.org.reason') : undefined)} />
      <div className="actions">
        <BusyButton
          type="button"
          busy={busy !== null}
          busyLabel={t('idx.sending')}
          disabled={(version > 0 && !reason.trim()) || tracker.active}
          onClick={() => void publish()}
        >
          {version ? t('idx.org.publishCorrection', { version: version + 1 }) : t('idx.org.publishFirst')}
        </BusyButton>
        <OperationProgress tracker={tracker} />
      </div>
      <div role="status">
        {published && (
          <p>
            {t('idx.org.publishedNow', {
              version: published.version,
              hash: published.hash,
            })}{' '}
            <Link to={`/indeks/${edition.slug}`}>{t('idx.org.seePublic')}</Link>
          </p>
        )}
      </div>
      {version > 0 && (
        <ExportDownloads
          scope={`index-export:${edition.id}`}
          start={(format, operationId) => exportIndexRanking(edition.id, format, operationId)}
        />
      )}
    </section>
  );
}
