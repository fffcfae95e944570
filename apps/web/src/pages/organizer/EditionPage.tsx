import { useState } from 'react';
import { openCompetition } from '../../api/organizer';
import type { Competition } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { EditionFrame, editionPath } from './EditionFrame';
import { StageStatus } from './StageStatus';

type Warnings = NonNullable<Competition['warnings']>;

function OpenEdition({ competition, onOpened }: { competition: Competition; onOpened(c: Competition, warnings: Warnings): void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  return (
    <section className="panel stack" aria-labelledby="open-edition">
      <h2 id="open-edition">{t('org.open.title')}</h2>
      <p>{t('org.open.intro')}</p>
      <ErrorSummary error={error} />
      <BusyButton
        type="button"
        className="primary"
        busy={busy !== null}
        busyLabel={t('org.working')}
        onClick={() =>
          void run('run', async () => {
            const opened = await openCompetition(competition.id);
            onOpened(opened, opened.warnings ?? []);
          })
        }
      >
        {t('org.open.action')}
      </BusyButton>
    </section>
  );
}

/** What opening the edition warned of (e.g. regions without a coordinator), in the reader's language. */
function OpenWarnings({ warnings }: { warnings: Warnings }) {
  const { pick } = useI18n();
  if (!warnings.length) return null;
  return (
    <section className="panel stack" role="status">
      {warnings.map((w) => (
        <div key={w.code}>
          {w.message && <p>{pick(w.message)}</p>}
          {w.regions?.length ? <p>{w.regions.map((r) => r.name).join(', ')}</p> : null}
        </div>
      ))}
    </section>
  );
}

/** An edition at a glance: its stages in order with window, weight and status; opening a draft. */
export function EditionPage({ id }: { id: string }) {
  const { t, pick, formatDate } = useI18n();
  const [warnings, setWarnings] = useState<Warnings>([]);
  return (
    <EditionFrame id={id} title="org.nav.overview">
      {({ competition, setCompetition }) => (
        <>
          {competition.status === 'draft' && (
            <OpenEdition
              competition={competition}
              onOpened={(c, w) => {
                setWarnings(w);
                setCompetition(c);
              }}
            />
          )}
          <OpenWarnings warnings={warnings} />
          <Table
            caption={t('org.stages.caption')}
            columns={[
              t('org.col.stage'),
              t('org.col.window'),
              { label: t('org.col.weight'), num: true },
              t('org.col.advance'),
              t('org.col.status'),
            ]}
          >
            {competition.plan.stages.map((s) => (
              <tr key={s.key}>
                <td>
                  <Link to={editionPath(id, `/tahap/${s.key}`)}>{pick(s.label)}</Link>
                </td>
                <td>
                  {s.opensAt ? formatDate(s.opensAt, true) : t('common.none')} –{' '}
                  {s.closesAt ? formatDate(s.closesAt, true) : t('common.none')}
                </td>
                <td className="num">{s.weight}</td>
                <td>
                  {s.advance
                    ? t(`org.advance.${s.advance.type}`, { n: s.advance.n ?? '', min: s.advance.min ?? '' })
                    : t('org.advance.final')}
                </td>
                <td>
                  <StageStatus competition={competition} stageKey={s.key} />
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </EditionFrame>
  );
}
