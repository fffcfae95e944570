import { useState, type FormEvent } from 'react';
import { innovationsPage, type InnovationFilter } from '../../api/organizer';
import type { Competition, InnovationStatus } from '../../api/types';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { Table } from '../../components/staff/Table';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { EditionFrame } from './EditionFrame';
import { proposalPath } from './paths';

const STATUSES: readonly InnovationStatus[] = [
  'draft',
  'awaiting_coordinator',
  'returned',
  'submitted',
  'eliminated',
  'withdrawn',
  'disqualified',
];
const PAGE_SIZE = 25;

function Filters({
  competition,
  value,
  onApply,
}: {
  competition: Competition;
  value: InnovationFilter;
  onApply(f: InnovationFilter): void;
}) {
  const { t, pick } = useI18n();
  const [draft, setDraft] = useState(value);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, page: 1 });
  };
  const select = (name: 'category' | 'status' | 'stage', options: [string, string][]) => (
    <Field name={name} label={t(`org.filter.${name}`)}>
      {(c) => (
        <select {...c} value={draft[name] ?? ''} onChange={(e) => setDraft({ ...draft, [name]: e.target.value || undefined })}>
          <option value="">{t('org.filter.all')}</option>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form className="panel" onSubmit={apply} role="search" aria-label={t('org.filter.title')}>
      <div className="grid-2">
        <Field name="q" label={t('org.filter.q')}>
          {(c) => (
            <input {...c} type="search" value={draft.q ?? ''} onChange={(e) => setDraft({ ...draft, q: e.target.value || undefined })} />
          )}
        </Field>
        {select(
          'category',
          competition.plan.categories.map((c) => [c.key, pick(c.label)]),
        )}
        {select(
          'status',
          STATUSES.map((s) => [s, t(`status.${s}`)]),
        )}
        {select(
          'stage',
          competition.plan.stages.map((s) => [s.key, pick(s.label)]),
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('org.filter.apply')}
        </button>
      </div>
    </form>
  );
}

function InnovationTable({ competition }: { competition: Competition }) {
  const { t, pick, formatDate } = useI18n();
  const [filter, setFilter] = useState<InnovationFilter>({ page: 1, pageSize: PAGE_SIZE });
  const state = useLoad(() => innovationsPage(competition.id, filter), [competition.id, JSON.stringify(filter)]);
  const stageLabel = (key: string | null | undefined) => {
    const s = competition.plan.stages.find((x) => x.key === key);
    return s ? pick(s.label) : t('common.none');
  };
  const page = filter.page ?? 1;
  return (
    <>
      <Filters competition={competition} value={filter} onApply={setFilter} />
      <Loading state={state}>
        {({ items, total }) => {
          const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
          return (
            <>
              <Table
                caption={t('org.innovations.caption', { total, page, pages })}
                columns={[
                  t('org.col.innovation'),
                  t('org.col.organization'),
                  t('innovation.category'),
                  t('org.col.status'),
                  t('org.col.stage'),
                  t('org.col.submitted'),
                ]}
              >
                {items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={proposalPath(i.id)}>{i.title}</Link>
                    </td>
                    <td>{[i.organizationName, i.regionName].filter(Boolean).join(', ')}</td>
                    <td>
                      {pick(competition.plan.categories.find((c) => c.key === i.category)?.label ?? { id: i.category, en: i.category })}
                    </td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>{stageLabel(i.currentStage)}</td>
                    <td>{i.submittedAt ? formatDate(i.submittedAt, true) : t('common.none')}</td>
                  </tr>
                ))}
              </Table>
              {items.length === 0 && <p>{t('org.innovations.none')}</p>}
              <nav className="actions" aria-label={t('org.paging')}>
                <button
                  type="button"
                  className="secondary"
                  disabled={page <= 1 || state.loading}
                  onClick={() => setFilter({ ...filter, page: page - 1 })}
                >
                  {t('org.prev')}
                </button>
                <span>{t('org.pageOf', { page, pages })}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={page >= pages || state.loading}
                  onClick={() => setFilter({ ...filter, page: page + 1 })}
                >
                  {t('org.next')}
                </button>
              </nav>
            </>
          );
        }}
      </Loading>
    </>
  );
}

/** GET /api/competitions/:id/innovations with filters and paging. */
export function InnovationsPage({ id }: { id: string }) {
  return (
    <EditionFrame id={id} title="org.nav.innovations">
      {({ competition }) => <InnovationTable competition={competition} />}
    </EditionFrame>
  );
}
