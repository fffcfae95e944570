import { useState, type FormEvent } from 'react';
import { surveyEvidence } from '../../api/citizen';
import { linkSurveyEvidence, surveyUnit, surveyUnits } from '../../api/surveys';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { SurveyEvidenceSection } from '../../components/SurveyEvidence';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';

/**
 * The OPD links its innovation to a service unit it changed and to survey periods before and after its start
 * (the API checks they straddle it); the linked evidence shows as jurors see it.
 */
export function ImpactEvidence({ innovationId }: { innovationId: string }) {
  const { t } = useI18n();
  const evidence = useLoad(() => surveyEvidence(innovationId), [innovationId]);
  const units = useLoad(surveyUnits, []);
  const [unitId, setUnitId] = useState('');
  const periods = useLoad(async () => (unitId ? (await surveyUnit(unitId)).periods : []), [unitId]);
  const [form, setForm] = useState({ beforePeriodId: '', afterPeriodId: '' });
  const [notice, setNotice] = useNotice();
  const { busy, error, run } = useAction();
  const link = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      await linkSurveyEvidence(innovationId, { unitId, ...form });
      setNotice({ key: 'svy.impactLinked' });
      evidence.reload();
    });
  };
  const periodSelect = (key: keyof typeof form, label: string) => (
    <Field name={key} label={label} required error={error?.fieldMessage(key)}>
      {(c) => (
        <select {...c} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })}>
          <option value="">{t('svy.choose')}</option>
          {(periods.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section className="panel stack" aria-labelledby="impact-title">
      <h2 id="impact-title">{t('svy.impact')}</h2>
      <p className="hint">{t('svy.impactIntro')}</p>
      <Loading state={evidence}>{(items) => <SurveyEvidenceSection evidence={items} headingLevel={3} />}</Loading>
      <Loading state={units}>
        {(list) =>
          list.length ? (
            <form className="stack" onSubmit={link} noValidate aria-label={t('svy.impact')}>
              <ErrorSummary error={error} />
              <Field name="unitId" label={t('svy.impactUnit')} required error={error?.fieldMessage('unitId')}>
                {(c) => (
                  <select
                    {...c}
                    value={unitId}
                    onChange={(e) => (setUnitId(e.target.value), setForm({ beforePeriodId: '', afterPeriodId: '' }))}
                  >
                    <option value="">{t('svy.choose')}</option>
                    {list.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {periodSelect('beforePeriodId', t('svy.impactBefore'))}
              {periodSelect('afterPeriodId', t('svy.impactAfter'))}
              <div className="actions">
                <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('svy.creating')}>
                  {t('svy.impactLink')}
                </BusyButton>
              </div>
              <Notice message={notice} />
            </form>
          ) : (
            <p>{t('svy.impactNoUnits')}</p>
          )
        }
      </Loading>
    </section>
  );
}
