import { useState } from 'react';
import { competition } from '../../api/endpoints';
import { myAssignments, type Assignment } from '../../api/juror';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import '../staff.css';

type Label = { id: string; en: string };
/** Stage names per competition (by stage key), read once per competition from its plan. */
type StageLabels = Map<string, Map<string, Label>>;

function AssignmentCard({ a, stageLabel }: { a: Assignment; stageLabel: Label | undefined }) {
  const { t, pick, formatDate } = useI18n();
  // A correction for an upheld objection is scored although its stage closed (as on the sheet page).
  const action = a.sheetStatus === 'submitted' || (a.stageStatus !== 'open' && !a.correction) ? 'jury.view' : 'jury.open';
  return (
    <li>
      <Link to={`/juri/penilaian/${a.id}`} aria-label={`${t(action)}: ${a.title}`}>
        {a.title}
      </Link>{' '}
      <span className={`badge badge-${a.sheetStatus === 'submitted' ? 'submitted' : a.sheetStatus === 'draft' ? 'returned' : 'draft'}`}>
        {t(`jury.sheet.${a.sheetStatus}`)}
      </span>
      {a.correction && a.sheetStatus !== 'submitted' ? <span className="badge badge-returned">{t('jury.correction')}</span> : null}
      <br />
      <span className="muted">
        {a.competitionName} · {stageLabel ? pick(stageLabel) : a.stage} · {t(`jury.stage.${a.stageStatus}`)} ·{' '}
        {a.dueAt ? t('jury.due', { date: formatDate(a.dueAt, true) }) : t('jury.noDue')}
      </span>
    </li>
  );
}

/** Stage names come from each competition's plan (the list names stages by key); each competition read once. */
async function withLabels(mine: Awaited<ReturnType<typeof myAssignments>>, known: StageLabels) {
  const missing = [...new Set(mine.items.map((a) => a.competitionId))].filter((id) => !known.has(id));
  const plans = await Promise.all(missing.map(competition));
  const labels: StageLabels = new Map([
    ...known,
    ...plans.map((c): [string, Map<string, Label>] => [c.id, new Map(c.plan.stages.map((s) => [s.key, s.label]))]),
  ]);
  return { ...mine, labels };
}

/**
 * The juror's dashboard: progress over all their assignments and the assignments a page at a time (a national
 * juror has hundreds), those still being scored first, each with its stage, due date and sheet status.
 */
export function JuryPage() {
  const { t } = useI18n();
  usePageTitle(t('jury.title'));
  const state = useLoad(async () => withLabels(await myAssignments(), new Map()), []);
  const [more, setMore] = useState<{ items: Assignment[]; labels: StageLabels; page: number }>({
    items: [],
    labels: new Map(),
    page: 1,
  });
  const { busy, error, run } = useAction();
  return (
    <article className="stack">
      <h1>{t('jury.title')}</h1>
      <p className="lead">{t('jury.intro')}</p>
      <Loading state={state}>
        {(first) => {
          const { total, submitted, draft, notStarted } = first.progress;
          const items = [...first.items, ...more.items];
          const labels = new Map([...first.labels, ...more.labels]);
          const next = () =>
            void run('run', async () => {
              const page = await withLabels(await myAssignments(more.page + 1), labels);
              setMore({ items: [...more.items, ...page.items], labels: page.labels, page: more.page + 1 });
            });
          return items.length === 0 ? (
            <p className="panel">{t('jury.empty')}</p>
          ) : (
            <>
              <p className="panel">
                {t('jury.progress', { total, submitted, draft, notStarted })}
                <br />
                <progress max={total} value={submitted} aria-label={t('jury.title')} />
              </p>
              <ul className="cards">
                {items.map((a) => (
                  <AssignmentCard key={a.id} a={a} stageLabel={labels.get(a.competitionId)?.get(a.stage)} />
                ))}
              </ul>
              {first.total > items.length && (
                <div className="stack">
                  <p className="muted">{t('jury.shown', { shown: items.length, total: first.total })}</p>
                  <ErrorSummary error={error} />
                  <BusyButton type="button" className="secondary" busy={busy !== null} busyLabel={t('common.loading')} onClick={next}>
                    {t('jury.more', { n: Math.min(first.pageSize, first.total - items.length) })}
                  </BusyButton>
                </div>
              )}
            </>
          );
        }}
      </Loading>
    </article>
  );
}
