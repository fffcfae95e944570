import { useState, type FormEvent } from 'react';
import { createSurveyPeriod, surveyUnit, type SurveyUnitDetail } from '../../api/surveys';
import { useAuth } from '../../auth/AuthContext';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Facts } from '../../components/Facts';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { IkmCell, wibDate } from './format';
import './surveys.css';

/** `/survei/unit/:id`: a unit's periods with their IKM, grade and sample adequacy, and a new period. */
export function UnitPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const state = useLoad(() => surveyUnit(id), [id]);
  usePageTitle(state.data?.name ?? t('svy.title'));
  return (
    <article className="stack">
      <p>
        <Link to="/survei">← {t('svy.back')}</Link>
      </p>
      <Loading state={state}>
        {(unit) => (
          <>
            <h1>{unit.name}</h1>
            <Facts
              items={[
                [t('svy.col.organization'), unit.organizationName],
                [t('svy.col.population'), unit.population ?? t('common.none')],
              ]}
            />
            <p>
              <Link to={`/unit-layanan/${unit.id}`}>{t('svy.publicHistory')}</Link>
            </p>
            <Periods unit={unit} />
            {session?.user.role !== 'organizer' && <NewPeriod unitId={unit.id} onCreated={state.reload} />}
          </>
        )}
      </Loading>
    </article>
  );
}

function Periods({ unit }: { unit: SurveyUnitDetail }) {
  const { t, formatDate } = useI18n();
  if (!unit.periods.length) return <p>{t('svy.noPeriods')}</p>;
  return (
    <Table
      caption={t('svy.periods')}
      columns={[
        t('svy.col.period'),
        t('svy.col.window'),
        { label: t('svy.col.responses'), num: true },
        t('svy.col.ikm'),
        t('svy.col.sample'),
      ]}
    >
      {unit.periods.map((p) => (
        <tr key={p.id}>
          <td>
            <Link to={`/survei/periode/${p.id}`}>{p.label}</Link>
          </td>
          <td>
            {formatDate(p.opensAt)} – {formatDate(p.closesAt)}
          </td>
          <td className="num">{p.ikm.responses}</td>
          <td>
            <IkmCell ikm={p.ikm} />
          </td>
          <td>
            {p.sample.required === null || p.sample.required === undefined
              ? t('common.none')
              : t(p.sample.reached ? 'svy.sampleReached' : 'svy.sampleShort', { required: p.sample.required })}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function NewPeriod({ unitId, onCreated }: { unitId: string; onCreated(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ label: '', opensAt: '', closesAt: '', population: '' });
  const [notice, setNotice] = useNotice();
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      const p = await createSurveyPeriod(unitId, {
        label: form.label,
        opensAt: wibDate(form.opensAt),
        closesAt: wibDate(form.closesAt),
        ...(form.population ? { population: Number(form.population) } : {}),
      });
      setNotice({ key: 'svy.periodCreated', vars: { label: p.label } });
      setForm({ label: '', opensAt: '', closesAt: '', population: '' });
      onCreated();
    });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="new-period-title">
      <h2 id="new-period-title">{t('svy.newPeriod')}</h2>
      <ErrorSummary error={error} />
      <Field name="label" label={t('svy.periodLabel')} required error={error?.fieldMessage('label')}>
        {(c) => <input {...c} value={form.label} maxLength={120} onChange={set('label')} />}
      </Field>
      <Field name="opensAt" label={t('svy.opensAt')} required error={error?.fieldMessage('opensAt')}>
        {(c) => <input {...c} type="date" value={form.opensAt} onChange={set('opensAt')} />}
      </Field>
      <Field name="closesAt" label={t('svy.closesAt')} required error={error?.fieldMessage('closesAt')}>
        {(c) => <input {...c} type="date" value={form.closesAt} onChange={set('closesAt')} />}
      </Field>
      <Field name="population" label={t('svy.periodPopulation')} error={error?.fieldMessage('population')}>
        {(c) => <input {...c} type="number" inputMode="numeric" min={1} value={form.population} onChange={set('population')} />}
      </Field>
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('svy.creating')}>
          {t('svy.createPeriod')}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </form>
  );
}
