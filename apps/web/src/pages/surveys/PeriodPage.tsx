import { useState, type FormEvent } from 'react';
import { excludeResponses, importSurveyCsv, surveyPeriod, type SurveyPeriodDetail } from '../../api/surveys';
import { useAuth } from '../../auth/AuthContext';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Notice, useNotice } from '../../components/Notice';
import { QrCode } from '../../components/QrCode';
import { ImportErrors, rowErrors } from '../../components/staff/RowErrors';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { IkmView } from '../public/SurveyPage';
import './surveys.css';

/**
 * `/survei/periode/:id`: the counter card (short link and QR code, printable), the IKM with its elements and
 * sample, a CSV import with per-row errors, flagged bursts with an audited exclusion decision, and suggestions.
 */
export function PeriodPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const state = useLoad(() => surveyPeriod(id), [id]);
  usePageTitle(state.data ? `${state.data.label} — ${state.data.unit.name}` : t('svy.title'));
  const manages = session?.user.role !== 'organizer';
  return (
    <article className="stack">
      <Loading state={state}>
        {(p) => (
          <>
            <p className="no-print">
              <Link to={`/survei/unit/${p.unitId}`}>← {t('svy.backToUnit', { unit: p.unit.name })}</Link>
            </p>
            <CounterCard period={p} />
            <div className="no-print stack">
              <IkmView ikm={{ ...p, unit: p.unit.name, organization: p.unit.organizationName }} />
              <p>{t('svy.counts', { form: p.formResponses, imported: p.importedResponses, excluded: p.excludedResponses })}</p>
              {manages && <Import periodId={p.id} onImported={state.reload} />}
              <Bursts period={p} manages={manages} onDecided={state.reload} />
              <Decisions period={p} />
              <Suggestions period={p} />
            </div>
          </>
        )}
      </Loading>
    </article>
  );
}

/** What is printed for the counter: the unit, the period, the QR code and the short link. */
function CounterCard({ period: p }: { period: SurveyPeriodDetail }) {
  const { t } = useI18n();
  const url = `${location.origin}/s/${p.code}`;
  return (
    <section className="panel counter-card stack" aria-labelledby="counter-title">
      <h1 id="counter-title">
        {p.label} — {p.unit.name}
      </h1>
      <p className="muted">{p.unit.organizationName}</p>
      <h2>{t('skm.title')}</h2>
      <p className="lead">{t('svy.counterScan')}</p>
      <QrCode text={url} label={t('svy.qrLabel', { url })} />
      <p>
        {t('svy.counterOr')} <strong className="short-link">{url}</strong>
      </p>
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('svy.print')}
        </button>
      </p>
    </section>
  );
}

function Import({ periodId, onImported }: { periodId: string; onImported(): void }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [notice, setNotice] = useNotice();
  const { busy, error, run } = useAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      const result = await importSurveyCsv(periodId, csv);
      setNotice({ key: 'svy.imported', vars: { n: result.imported } });
      setCsv('');
      onImported();
    });
  };
  return (
    <form className="panel stack" onSubmit={send} noValidate aria-labelledby="import-title">
      <h2 id="import-title">{t('svy.import')}</h2>
      <p className="hint">{t('svy.importColumns')}</p>
      <Field name="csv-file" label={t('svy.importFile')}>
        {(c) => <input {...c} type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />}
      </Field>
      <Field name="csv" label={t('svy.importText')}>
        {(c) => <textarea {...c} rows={6} className="mono" value={csv} onChange={(e) => setCsv(e.target.value)} />}
      </Field>
      <ImportErrors
        error={error}
        labels={{
          title: t('svy.importRefused', { n: rowErrors(error).length }),
          caption: t('svy.importRows'),
          row: t('svy.col.row'),
          column: t('svy.col.column'),
          problem: t('svy.col.problem'),
        }}
      />
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('svy.importing')} disabled={!csv.trim()}>
          {t('svy.importSend')}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </form>
  );
}

function Bursts({ period: p, manages, onDecided }: { period: SurveyPeriodDetail; manages: boolean; onDecided(): void }) {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby="bursts-title">
      <h2 id="bursts-title">{t('svy.bursts')}</h2>
      {p.bursts.length ? (
        <>
          <p className="hint">{t('svy.burstHint')}</p>
          {p.bursts.map((b, i) => (
            <Burst key={`${b.from}-${i}`} n={i} periodId={p.id} burst={b} manages={manages} onDecided={onDecided} />
          ))}
        </>
      ) : (
        <p>{t('svy.noBursts')}</p>
      )}
    </section>
  );
}

function Burst({
  n,
  periodId,
  burst,
  manages,
  onDecided,
}: {
  n: number;
  periodId: string;
  burst: SurveyPeriodDetail['bursts'][number];
  manages: boolean;
  onDecided(): void;
}) {
  const { t, formatDate } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const summary = t('svy.burst', { n: burst.responseIds.length, from: formatDate(burst.from, true), to: formatDate(burst.to, true) });
  const decide = (e: FormEvent) => {
    e.preventDefault();
    void run('run', async () => {
      await excludeResponses(periodId, burst.responseIds, reason);
      onDecided();
    });
  };
  if (!manages) return <p>{summary}</p>;
  return (
    <form className="panel stack" onSubmit={decide} noValidate aria-label={summary}>
      <p>
        <strong>{summary}</strong>
      </p>
      <ErrorSummary error={error} />
      <Field name={`reason-${n}`} label={t('svy.reason')} required error={error?.fieldMessage('reason')}>
        {(c) => <textarea {...c} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <BusyButton type="submit" className="danger" busy={busy !== null} busyLabel={t('svy.excluding')}>
          {t('svy.exclude')}
        </BusyButton>
      </div>
    </form>
  );
}

function Decisions({ period: p }: { period: SurveyPeriodDetail }) {
  const { t, formatDate } = useI18n();
  if (!p.exclusions.length) return null;
  return (
    <section className="stack" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('svy.decisions')}</h2>
      <ul>
        {p.exclusions.map((e) => (
          <li key={e.id}>{t('svy.decision', { date: formatDate(e.decidedAt, true), n: e.responses, reason: e.reason })}</li>
        ))}
      </ul>
    </section>
  );
}

function Suggestions({ period: p }: { period: SurveyPeriodDetail }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="stack" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('svy.suggestions')}</h2>
      {p.suggestions.length ? (
        <ul>
          {p.suggestions.map((s, i) => (
            <li key={i}>
              <q>{s.text}</q> <span className="muted">· {formatDate(s.at, true)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('svy.noSuggestions')}</p>
      )}
    </section>
  );
}
