import { scoreOf, type ScoreBreakdown as Breakdown, type StageExplanation } from '../../api/public';
import type { Innovation } from '../../api/types';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/staff/Table';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { BandBadge } from '../public/BandBadge';
import { useFormat } from '../public/format';
import '../public/public.css';

/** Statuses of innovations that were judged, and so may have a published score. */
const JUDGED: readonly Innovation['status'][] = ['submitted', 'eliminated'];

/** "Why this score": the OPD's own breakdown from the published snapshot (GET /api/innovations/:id/score). */
export function ScoreBreakdown({ innovation }: { innovation: Innovation }) {
  if (!JUDGED.includes(innovation.status)) return null;
  return <ScoreSection id={innovation.id} />;
}

function ScoreSection({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(() => scoreOf(id), [id]);
  return (
    <section className="panel stack score-breakdown" aria-labelledby="score-title">
      <h2 id="score-title">{t('score.title')}</h2>
      {state.error?.status === 409 ? <p>{t('score.notYet')}</p> : <Loading state={state}>{(b) => <Explanation breakdown={b} />}</Loading>}
    </section>
  );
}

function Explanation({ breakdown: { snapshot, explanation: e, criteria } }: { breakdown: Breakdown }) {
  const { t, pick } = useI18n();
  const f = useFormat();
  if (!e) return <p>{t('score.notInSnapshot')}</p>;
  const stageName = (key: string | null) => {
    const stage = criteria.find((c) => c.stage === key);
    return stage ? pick(stage.label) : (key ?? t('pub.reached.none'));
  };
  const terms = e.stages.filter((s) => s.weight > 0 && s.score !== null).map((s) => `${f.percent(s.share)}% × ${f.number(s.score!)}`);
  return (
    <>
      <p className="muted wrap-anywhere">{t('score.source', { version: snapshot.version, hash: snapshot.hash })}</p>
      {e.rank !== null && e.final !== null ? (
        <>
          <p className="lead">
            <strong>{t('pub.inn.rank', { rank: e.rank, category: f.category(e.category) })}</strong> ·{' '}
            {t('pub.inn.final', { score: f.number(e.final) })} <BandBadge band={e.band} />
          </p>
          <p>{t('score.formula', { terms: terms.join(' + '), final: f.number(e.final) })}</p>
        </>
      ) : (
        <p className="lead">{t('score.unranked', { stage: stageName(e.reachedStage) })}</p>
      )}
      {e.stages.map((s) => (
        <StageTable key={s.stage} stage={s} name={stageName(s.stage)} rubric={criteria.find((c) => c.stage === s.stage)?.criteria ?? []} />
      ))}
      <p>
        <Link to="/hasil">{t('score.allResults')}</Link>
      </p>
    </>
  );
}

function StageTable({
  stage: s,
  name,
  rubric,
}: {
  stage: StageExplanation;
  name: string;
  rubric: Breakdown['criteria'][number]['criteria'];
}) {
  const { t, pick } = useI18n();
  const f = useFormat();
  const jurors = s.sheets.map((sheet) => sheet.juror);
  const method =
    s.aggregation === 'zscore' && s.stageScale
      ? t('score.agg.zscore', { mean: f.number(s.stageScale.mean), sd: f.number(s.stageScale.sd) })
      : t(`score.agg.${s.aggregation}`, { k: s.trim ?? 0 });
  return (
    <section className="stack" aria-labelledby={`score-${s.stage}`}>
      <h3 id={`score-${s.stage}`}>{s.score === null ? name : t('score.stage', { stage: name, score: f.number(s.score) })}</h3>
      <p className="muted">
        {s.weight > 0 ? t('score.weight', { weight: s.weight, pct: f.percent(s.share) }) : t('score.unweighted')} {method}
      </p>
      {jurors.length === 0 ? (
        <p>{t('score.noSheets')}</p>
      ) : (
        <Table
          caption={t('score.caption', { stage: name })}
          columns={[t('score.criterion'), ...jurors.map((j) => ({ label: j, num: true }))]}
        >
          {rubric.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {pick(c.label)} <span className="muted">{t('score.criterionMeta', { weight: c.weight, min: c.min, max: c.max })}</span>
              </th>
              {jurors.map((j) => {
                const value = c.values.find((v) => v.juror === j)?.value;
                return (
                  <td key={j} className="num">
                    {value === undefined ? t('common.none') : f.number(value)}
                  </td>
                );
              })}
            </tr>
          ))}
          <SheetRow label={t('score.sheet')} cells={s.sheets.map((sheet) => f.number(sheet.score))} />
          {s.aggregation === 'zscore' && (
            <SheetRow
              label={t('score.adjusted')}
              cells={s.sheets.map(
                (sheet) =>
                  (sheet.adjusted === null ? t('common.none') : f.number(sheet.adjusted)) +
                  (sheet.jurorScale?.keptRaw ? ` (${t('score.keptRaw')})` : ''),
              )}
            />
          )}
          {s.aggregation === 'trimmed_mean' && (
            <SheetRow label={t('score.trimmed')} cells={s.sheets.map((sheet) => t(sheet.trimmed ? 'common.yes' : 'common.no'))} />
          )}
        </Table>
      )}
    </section>
  );
}

function SheetRow({ label, cells }: { label: string; cells: string[] }) {
  return (
    <tr className="total">
      <th scope="row">{label}</th>
      {cells.map((c, i) => (
        <td key={i} className="num">
          {c}
        </td>
      ))}
    </tr>
  );
}
