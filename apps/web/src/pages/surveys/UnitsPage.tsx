import { useState, type FormEvent } from 'react';
import { createSurveyUnit, surveyUnits } from '../../api/surveys';
import { useAuth } from '../../auth/AuthContext';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import './surveys.css';

/** `/survei`: the caller's service units (an OPD's own, a coordinator's region, all for organizers), and a new one. */
export function UnitsPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const state = useLoad(surveyUnits, []);
  usePageTitle(t('svy.title'));
  const manages = session?.user.role === 'opd';
  return (
    <article className="stack">
      <h1>{t('svy.title')}</h1>
      <p className="lead">{t('svy.intro')}</p>
      <Loading state={state}>
        {(units) =>
          units.length ? (
            <Table
              caption={t('svy.units')}
              columns={[t('svy.col.unit'), t('svy.col.organization'), { label: t('svy.col.population'), num: true }]}
            >
              {units.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/survei/unit/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.organizationName}</td>
                  <td className="num">{u.population ?? t('common.none')}</td>
                </tr>
              ))}
            </Table>
          ) : (
            <p>{t('svy.noUnits')}</p>
          )
        }
      </Loading>
      {manages ? <NewUnit onCreated={state.reload} /> : session?.user.role === 'organizer' && <p className="hint">{t('svy.readOnly')}</p>}
    </article>
  );
}

function NewUnit({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [population, setPopulation] = useState('');
  const [notice, setNotice] = useNotice();
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      const unit = await createSurveyUnit({ name, ...(population ? { population: Number(population) } : {}) });
      setNotice({ key: 'svy.unitCreated', vars: { name: unit.name } });
      setName('');
      setPopulation('');
      onCreated();
    });
  };
  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="new-unit-title">
      <h2 id="new-unit-title">{t('svy.newUnit')}</h2>
      <ErrorSummary error={error} />
      <Field name="name" label={t('svy.unitName')} hint={t('svy.unitNameHint')} required error={error?.fieldMessage('name')}>
        {(c) => <input {...c} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field name="population" label={t('svy.population')} hint={t('svy.populationHint')} error={error?.fieldMessage('population')}>
        {(c) => (
          <input {...c} type="number" inputMode="numeric" min={1} value={population} onChange={(e) => setPopulation(e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('svy.creating')}>
          {t('svy.createUnit')}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </form>
  );
}
