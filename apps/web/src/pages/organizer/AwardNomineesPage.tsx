import { useState } from 'react';
import { awardEntries, nominate, type AwardEntry } from '../../api/awards';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { EditionFrame } from './EditionFrame';
import { proposalPath } from './paths';

/** `/panitia/edisi/:id/daerah`: a region award's nominees from the index, and what each coordinator prepared. */
export function AwardNomineesPage({ id }: { id: string }) {
  return (
    <EditionFrame id={id} title="award.org.title">
      {() => <Nominees id={id} />}
    </EditionFrame>
  );
}

function Nominees({ id }: { id: string }) {
  const { t, formatNumber } = useI18n();
  const state = useLoad(() => awardEntries(id), [id]);
  const action = useAction();
  const [withoutCategory, setWithoutCategory] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const take = () =>
    action.run('run', async () => {
      const made = await nominate(id);
      setWithoutCategory(made.withoutCategory);
      setMessage(t('award.org.nominated', { n: made.entries.length }));
      state.reload();
    });
  return (
    <section className="stack">
      <p>{t('award.org.intro')}</p>
      <ErrorSummary error={action.error} />
      {message && <p role="status">{message}</p>}
      {withoutCategory.length > 0 && (
        <p className="panel warning">{t('award.org.withoutCategory', { regions: withoutCategory.join(', ') })}</p>
      )}
      <Loading state={state}>
        {(entries: AwardEntry[]) =>
          entries.length === 0 ? (
            <>
              <p className="panel">{t('award.org.empty')}</p>
              <BusyButton type="button" onClick={take} busy={action.busy === 'run'} busyLabel={t('award.org.nominating')}>
                {t('award.org.nominate')}
              </BusyButton>
            </>
          ) : (
            <Table
              caption={t('award.org.title')}
              columns={[
                t('award.col.region'),
                t('award.col.category'),
                t('award.col.groups'),
                { label: t('award.col.iid'), num: true },
                t('award.col.presenter'),
                t('award.col.showcase'),
                t('award.col.status'),
              ]}
            >
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="wide">
                    <Link to={proposalPath(e.id)}>{e.regionName}</Link>
                  </th>
                  <td>{e.category}</td>
                  <td>{e.groups.join(', ') || t('award.none')}</td>
                  <td className="num">{formatNumber(e.iid)}</td>
                  <td>{[e.presenterName, e.presenterPosition].filter(Boolean).join(', ') || t('award.none')}</td>
                  <td className="wide">{e.showcase.map((s) => s.title).join('; ') || t('award.none')}</td>
                  <td>{e.currentStage ? `${e.status} · ${e.currentStage}` : e.status}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
      <p className="muted">{t('award.org.jurors')}</p>
    </section>
  );
}
