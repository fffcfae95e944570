import { useState } from 'react';
import { screen, type ScreeningDecision } from '../../api/organizer';
import type { Competition, InnovationSummary } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { proposalPath } from './paths';
import { useStageInnovations } from './useStageInnovations';

type Choice = { decision: '' | 'pass' | 'fail'; reason: string };

function ScreeningTable({ competition, items, onDone }: { competition: Competition; items: InnovationSummary[]; onDone(): void }) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const chosen = items.filter((i) => choices[i.id]?.decision);
  const set = (id: string, patch: Partial<Choice>) =>
    setChoices({ ...choices, [id]: { ...(choices[id] ?? { decision: '', reason: '' }), ...patch } });
  // The API names `decisions[i].reason` by the index in the list sent: the rows chosen, in table order.
  const reasonField = (id: string) => {
    const index = chosen.findIndex((i) => i.id === id);
    return index < 0 ? `reason-${id}` : `decisions[${index}].reason`;
  };
  const labelOf = (field: string) => {
    const m = /^decisions\[(\d+)\]/.exec(field);
    return m && chosen[Number(m[1])] ? `${chosen[Number(m[1])].title}: ${t('org.col.reason')}` : undefined;
  };
  const send = () =>
    void run('run', async () => {
      setNotice(null);
      const decisions: ScreeningDecision[] = chosen.map((i) => ({
        innovationId: i.id,
        decision: choices[i.id].decision as 'pass' | 'fail',
        ...(choices[i.id].reason.trim() ? { reason: choices[i.id].reason } : {}),
      }));
      const r = await screen(competition.id, decisions);
      setNotice({ key: 'org.screening.done', vars: r });
      setChoices({});
      onDone();
    });
  return (
    <>
      <ErrorSummary error={error} labelOf={labelOf} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setChoices(Object.fromEntries(items.map((i) => [i.id, { decision: 'pass', reason: choices[i.id]?.reason ?? '' }])))
          }
        >
          {t('org.screening.allPass')}
        </button>
      </div>
      <Table
        caption={t('org.screening.caption', { n: items.length })}
        columns={[t('org.col.innovation'), t('org.col.organization'), t('org.col.status'), t('org.col.decision'), t('org.col.reason')]}
      >
        {items.map((i) => {
          const id = fieldId(`decision-${i.id}`);
          const err = error?.fieldMessage(reasonField(i.id));
          return (
            <tr key={i.id}>
              <th scope="row">
                <Link to={proposalPath(i.id)}>{i.title}</Link>
              </th>
              <td>{i.organizationName}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              <td>
                <select
                  id={id}
                  aria-label={`${t('org.col.decision')}: ${i.title}`}
                  value={choices[i.id]?.decision ?? ''}
                  onChange={(e) => set(i.id, { decision: e.target.value as Choice['decision'] })}
                >
                  <option value="">{t('org.screening.undecided')}</option>
                  <option value="pass">{t('org.screening.pass')}</option>
                  <option value="fail">{t('org.screening.fail')}</option>
                </select>
              </td>
              <td className={err ? 'field-invalid' : undefined}>
                <input
                  id={fieldId(reasonField(i.id))}
                  aria-label={`${t('org.col.reason')}: ${i.title}`}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${id}-error` : undefined}
                  value={choices[i.id]?.reason ?? ''}
                  onChange={(e) => set(i.id, { reason: e.target.value })}
                />
                {err && (
                  <p id={`${id}-error`} className="field-error">
                    {err}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      <div className="actions">
        <BusyButton
          type="button"
          className="primary"
          busy={busy !== null}
          busyLabel={t('org.working')}
          disabled={!chosen.length}
          onClick={send}
        >
          {t('org.screening.send', { n: chosen.length })}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </>
  );
}

/** Administrative screening in bulk: pass or fail (with the reason the OPD reads) per innovation, all-or-nothing. */
export function ScreeningPanel({ competition, stageKey, onDone }: { competition: Competition; stageKey: string; onDone(): void }) {
  const { t } = useI18n();
  const items = useStageInnovations(competition, stageKey);
  return (
    <section className="stack" aria-labelledby="screening-title">
      <h2 id="screening-title">{t('org.screening.title')}</h2>
      <p className="hint">{t('org.screening.intro')}</p>
      <Loading state={items}>
        {(list) =>
          list.length ? <ScreeningTable competition={competition} items={list} onDone={onDone} /> : <p>{t('org.stage.empty')}</p>
        }
      </Loading>
    </section>
  );
}
