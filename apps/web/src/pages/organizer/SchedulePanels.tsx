import { useState, type FormEvent } from 'react';
import { jurors as loadJurors, presentations, scheduleFieldVisit, schedulePresentation } from '../../api/organizer';
import type { Competition, InnovationSummary, User } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, fieldId } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';
import { useStageInnovations } from './useStageInnovations';
import { fromWibInput } from './wib';

/** Checkboxes for the jurors of a panel or a visit, named like the API's field (`panel`, `verifiers`). */
function JurorChoice({
  name,
  legend,
  all,
  chosen,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  all: User[];
  chosen: string[];
  error?: string;
  onChange(ids: string[]): void;
}) {
  return (
    <fieldset
      id={fieldId(name)}
      className={error ? 'field-invalid' : undefined}
      aria-describedby={error ? `${fieldId(name)}-error` : undefined}
    >
      <legend>{legend}</legend>
      {all.map((j) => (
        <label key={j.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(j.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, j.id] : chosen.filter((x) => x !== j.id))}
          />
          {j.name}
        </label>
      ))}
      {error && (
        <p id={`${fieldId(name)}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function InnovationSelect({ items, value, onChange }: { items: InnovationSummary[]; value: string; onChange(id: string): void }) {
  const { t } = useI18n();
  return (
    <Field name="innovation" label={t('org.col.innovation')}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {items
            .filter((i) => i.status === 'submitted')
            .map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

const EMPTY_SLOT = { innovationId: '', startsAt: '', endsAt: '', location: '', link: '', panel: [] as string[] };

/** The presentation calendar and a form to schedule or move a slot (409 when a panel juror is double-booked). */
export function PresentationPanel({ competition, stageKey }: { competition: Competition; stageKey: string }) {
  const { t, formatDate } = useI18n();
  const items = useStageInnovations(competition, stageKey);
  const jurors = useLoad(() => loadJurors(), []);
  const calendar = useLoad(() => presentations(competition.id), [competition]);
  const [slot, setSlot] = useState(EMPTY_SLOT);
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const titleOf = (id: string) => items.data?.find((i) => i.id === id)?.title ?? id;
  const nameOf = (id: string) => jurors.data?.find((j) => j.id === id)?.name ?? id;
  const labels: Record<string, string> = {
    startsAt: t('org.slot.startsAt'),
    endsAt: t('org.slot.endsAt'),
    location: t('org.slot.location'),
    link: t('org.slot.link'),
    panel: t('org.slot.panel'),
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      await schedulePresentation(slot.innovationId, {
        startsAt: fromWibInput(slot.startsAt) ?? '',
        endsAt: fromWibInput(slot.endsAt) ?? '',
        panel: slot.panel,
        ...(slot.location.trim() ? { location: slot.location } : {}),
        ...(slot.link.trim() ? { link: slot.link } : {}),
      });
      setNotice({ key: 'org.slot.saved', vars: { title: titleOf(slot.innovationId) } });
      setSlot(EMPTY_SLOT);
      calendar.reload();
    });
  };
  const text = (name: 'location' | 'link', type = 'text') => (
    <Field name={name} label={labels[name]} error={error?.fieldMessage(name)}>
      {(c) => <input {...c} type={type} value={slot[name]} onChange={(e) => setSlot({ ...slot, [name]: e.target.value })} />}
    </Field>
  );
  const when = (name: 'startsAt' | 'endsAt') => (
    <Field name={name} label={labels[name]} hint={t('org.plan.wib')} error={error?.fieldMessage(name)}>
      {(c) => <input {...c} type="datetime-local" value={slot[name]} onChange={(e) => setSlot({ ...slot, [name]: e.target.value })} />}
    </Field>
  );
  return (
    <section className="stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('org.slot.calendar')}</h2>
      <Loading state={calendar}>
        {(slots) =>
          slots.length ? (
            <Table
              caption={t('org.slot.calendar')}
              columns={[t('org.slot.startsAt'), t('org.slot.endsAt'), t('org.col.innovation'), t('org.slot.where'), t('org.slot.panel')]}
            >
              {[...slots]
                .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                .map((s) => (
                  <tr key={s.id}>
                    <td>{formatDate(s.startsAt, true)}</td>
                    <td>{formatDate(s.endsAt, true)}</td>
                    <td>{titleOf(s.innovationId)}</td>
                    <td>{[s.location, s.link].filter(Boolean).join(' · ')}</td>
                    <td>{(s.panel ?? []).map(nameOf).join(', ')}</td>
                  </tr>
                ))}
            </Table>
          ) : (
            <p>{t('org.slot.none')}</p>
          )
        }
      </Loading>
      <form className="panel stack" onSubmit={save} noValidate aria-labelledby="slot-title">
        <h3 id="slot-title">{t('org.slot.title')}</h3>
        <ErrorSummary error={error} labelOf={(f) => labels[f]} />
        <Loading state={items}>
          {(list) => (
            <InnovationSelect items={list} value={slot.innovationId} onChange={(innovationId) => setSlot({ ...slot, innovationId })} />
          )}
        </Loading>
        <div className="grid-2">
          {when('startsAt')}
          {when('endsAt')}
          {text('location')}
          {text('link', 'url')}
        </div>
        <Loading state={jurors}>
          {(all) => (
            <JurorChoice
              name="panel"
              legend={labels.panel}
              all={all}
              chosen={slot.panel}
              error={error?.fieldMessage('panel')}
              onChange={(panel) => setSlot({ ...slot, panel })}
            />
          )}
        </Loading>
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('org.working')} disabled={!slot.innovationId}>
          {t('org.slot.save')}
        </BusyButton>
        <Notice message={notice} />
      </form>
    </section>
  );
}

const EMPTY_VISIT = { innovationId: '', visitAt: '', address: '', verifiers: [] as string[] };

/** Schedules or moves a field visit: when, where and who verifies (verifiers then record the findings). */
export function FieldVisitPanel({ competition, stageKey }: { competition: Competition; stageKey: string }) {
  const { t } = useI18n();
  const items = useStageInnovations(competition, stageKey);
  const jurors = useLoad(() => loadJurors(), []);
  const [visit, setVisit] = useState(EMPTY_VISIT);
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const labels: Record<string, string> = {
    visitAt: t('org.visit.at'),
    address: t('org.visit.address'),
    verifiers: t('org.visit.verifiers'),
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      await scheduleFieldVisit(visit.innovationId, {
        visitAt: fromWibInput(visit.visitAt) ?? '',
        address: visit.address,
        verifiers: visit.verifiers,
      });
      setNotice({ key: 'org.visit.saved', vars: { title: items.data?.find((i) => i.id === visit.innovationId)?.title ?? '' } });
      setVisit(EMPTY_VISIT);
    });
  };
  return (
    <form className="panel stack" onSubmit={save} noValidate aria-labelledby="visit-title">
      <h2 id="visit-title">{t('org.visit.title')}</h2>
      <ErrorSummary error={error} labelOf={(f) => labels[f]} />
      <Loading state={items}>
        {(list) => (
          <InnovationSelect items={list} value={visit.innovationId} onChange={(innovationId) => setVisit({ ...visit, innovationId })} />
        )}
      </Loading>
      <div className="grid-2">
        <Field name="visitAt" label={labels.visitAt} hint={t('org.plan.wib')} error={error?.fieldMessage('visitAt')}>
          {(c) => (
            <input {...c} type="datetime-local" value={visit.visitAt} onChange={(e) => setVisit({ ...visit, visitAt: e.target.value })} />
          )}
        </Field>
        <Field name="address" label={labels.address} error={error?.fieldMessage('address')}>
          {(c) => <input {...c} value={visit.address} onChange={(e) => setVisit({ ...visit, address: e.target.value })} />}
        </Field>
      </div>
      <Loading state={jurors}>
        {(all) => (
          <JurorChoice
            name="verifiers"
            legend={labels.verifiers}
            all={all}
            chosen={visit.verifiers}
            error={error?.fieldMessage('verifiers')}
            onChange={(verifiers) => setVisit({ ...visit, verifiers })}
          />
        )}
      </Loading>
      <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('org.working')} disabled={!visit.innovationId}>
        {t('org.visit.save')}
      </BusyButton>
      <Notice message={notice} />
    </form>
  );
}
