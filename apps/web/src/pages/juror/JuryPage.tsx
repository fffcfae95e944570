import { competition } from '../../api/endpoints';
import { myAssignments, type Assignment } from '../../api/juror';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import '../staff.css';

type Label = { id: string; en: string };

function AssignmentCard({ a, stageLabel }: { a: Assignment; stageLabel: Label | undefined }) {
  const { t, pick, formatDate } = useI18n();
  const action = a.sheetStatus === 'submitted' || a.stageStatus !== 'open' ? 'jury.view' : 'jury.open';
  return (
    <li>
      <Link to={`/juri/penilaian/${a.id}`} aria-label={`${t(action)}: ${a.title}`}>
        {a.title}
      </Link>{' '}
      <span className={`badge badge-${a.sheetStatus === 'submitted' ? 'submitted' : a.sheetStatus === 'draft' ? 'returned' : 'draft'}`}>
        {t(`jury.sheet.${a.sheetStatus}`)}
      </span>
      <br />
      <span className="muted">
        {a.competitionName} · {stageLabel ? pick(stageLabel) : a.stage} · {t(`jury.stage.${a.stageStatus}`)} ·{' '}
        {a.dueAt ? t('jury.due', { date: formatDate(a.dueAt, true) }) : t('jury.noDue')}
      </span>
    </li>
  );
}

/** The juror's dashboard: progress and every assignment with its stage, due date and sheet status. */
export function JuryPage() {
  const { t } = useI18n();
  usePageTitle(t('jury.title'));
  const state = useLoad(async () => {
    const mine = await myAssignments();
    // Stage names come from each competition's plan (the list names stages by key).
    const plans = await Promise.all([...new Set(mine.items.map((a) => a.competitionId))].map(competition));
    const labels = new Map(plans.flatMap((c) => c.plan.stages.map((s): [string, Label] => [`${c.id}/${s.key}`, s.label])));
    return { ...mine, labels };
  }, []);
  return (
    <article className="stack">
      <h1>{t('jury.title')}</h1>
      <p className="lead">{t('jury.intro')}</p>
      <Loading state={state}>
        {({ progress: { total, submitted, draft, notStarted }, items, labels }) =>
          items.length === 0 ? (
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
                  <AssignmentCard key={a.id} a={a} stageLabel={labels.get(`${a.competitionId}/${a.stage}`)} />
                ))}
              </ul>
            </>
          )
        }
      </Loading>
    </article>
  );
}
