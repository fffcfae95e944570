import { useState, type FormEvent } from 'react';
import { answerSurvey, publicIkm, publicSurvey, type PublicIkm, type PublicSurvey, type SurveyAnswer } from '../../api/citizen';
import { publicUnitHistory, type PublicUnitHistory } from '../../api/surveys';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { useAction } from '../../components/useAction';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import './public.css';

/** `/s/:code`: the public satisfaction survey of a unit's period, reached from the QR code at the counter. */
export function SurveyPage({ code }: { code: string }) {
  const { t } = useI18n();
  const state = useLoad(() => publicSurvey(code), [code]);
  usePageTitle(t('skm.title'));
  return (
    <article className="stack survey">
      <h1>{t('skm.title')}</h1>
      <Loading state={state}>{(survey) => <SurveyForm survey={survey} />}</Loading>
    </article>
  );
}

type Profile = Pick<SurveyAnswer, 'sex' | 'education' | 'occupation' | 'suggestion' | 'respondent'> & { age?: string };

function SurveyForm({ survey }: { survey: PublicSurvey }) {
  const { t, pick } = useI18n();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Profile>({});
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction();
  if (!survey.open) return <p className="notice">{t('skm.closed')}</p>;
  if (done)
    return (
      <div className="stack" role="status">
        <p className="lead">{t('skm.thanks')}</p>
        <Link to={`/s/${survey.code}/ikm`}>{t('skm.seeIkm')}</Link>
      </div>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (survey.elements.some((el) => !answers[el.key])) return setMissing(true);
    setMissing(false);
    const body = {
      answers: answers as SurveyAnswer['answers'],
      ...Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && v !== '')),
      ...(profile.age ? { age: Number(profile.age) } : {}),
    } as SurveyAnswer;
    if (await run('run', () => answerSurvey(survey.code, body))) setDone(true);
  };
  const select = (key: 'sex' | 'education' | 'occupation', label: string, options: PublicSurvey['sexes']) => (
    <label className="field">
      <span>{label}</span>
      <select value={profile[key] ?? ''} onChange={(e) => setProfile({ ...profile, [key]: e.target.value || undefined })}>
        <option value="">{t('skm.choose')}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {pick(o.label)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('skm.intro', { unit: survey.unit, organization: survey.organization, label: survey.label })}</p>
      <p className="muted">{t('skm.scale')}</p>
      <ErrorSummary error={error} />
      {missing && <p role="alert">{t('skm.missing')}</p>}
      {survey.elements.map((el, i) => (
        <fieldset key={el.key} className="scale">
          <legend>
            {`U${i + 1}. `}
            {pick(el.label)}
          </legend>
          {survey.scale.map((s) => (
            <label key={s.key} className="scale-option">
              <input
                type="radio"
                name={el.key}
                value={s.key}
                checked={answers[el.key] === Number(s.key)}
                onChange={() => setAnswers({ ...answers, [el.key]: Number(s.key) })}
              />
              <span>
                {s.key} · {pick(s.label)}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset className="stack">
        <legend>{t('skm.profile')}</legend>
        <label className="field">
          <span>{t('skm.age')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={10}
            max={120}
            value={profile.age ?? ''}
            onChange={(e) => setProfile({ ...profile, age: e.target.value })}
          />
        </label>
        {select('sex', t('skm.sex'), survey.sexes)}
        {select('education', t('skm.education'), survey.educations)}
        {select('occupation', t('skm.occupation'), survey.occupations)}
        <label className="field">
          <span>{t('skm.respondent')}</span>
          <input
            value={profile.respondent ?? ''}
            maxLength={100}
            onChange={(e) => setProfile({ ...profile, respondent: e.target.value })}
          />
        </label>
      </fieldset>
      <label className="field">
        <span>{t('skm.suggestion')}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={profile.suggestion ?? ''}
          onChange={(e) => setProfile({ ...profile, suggestion: e.target.value })}
        />
      </label>
      <button type="submit" disabled={busy !== null}>
        {busy ? t('skm.sending') : t('skm.submit')}
      </button>
    </form>
  );
}

/** `/s/:code/ikm`: the period's published IKM with a bar per element. */
export function SurveyIkmPage({ code }: { code: string }) {
  const { t } = useI18n();
  const state = useLoad(() => publicIkm(code), [code]);
  usePageTitle(state.data ? t('ikm.title', { unit: state.data.unit }) : t('skm.title'));
  return <article className="stack survey">{<Loading state={state}>{(ikm) => <IkmView ikm={ikm} />}</Loading>}</article>;
}

export function IkmView({ ikm: v }: { ikm: PublicIkm }) {
  const { t, pick, formatNumber } = useI18n();
  const r = v.ikm;
  const s = v.sample;
  return (
    <>
      <h1>{t('ikm.title', { unit: v.unit })}</h1>
      <p className="muted">
        {v.organization} — {v.label}
      </p>
      <p>
        <Link to={`/unit-layanan/${v.unitId}`}>{t('ikm.history')}</Link>
      </p>
      {r.ikm === null || r.ikm === undefined ? (
        <p>{t('ikm.none')}</p>
      ) : (
        <>
          <p className="lead">
            <strong>{t('ikm.value', { ikm: formatNumber(r.ikm, 2), grade: r.grade ?? '–', label: r.label ? pick(r.label) : '' })}</strong>
          </p>
          <p>
            {s.required === null || s.required === undefined
              ? t('ikm.sampleUnknown', { responses: s.responses })
              : `${t('ikm.sample', { responses: s.responses, required: s.required, population: s.population ?? '' })} ${s.reached ? t('ikm.sampleReached') : t('ikm.sampleShort')}`}
          </p>
          <section aria-labelledby="ikm-elements" className="stack">
            <h2 id="ikm-elements">{t('ikm.elements')}</h2>
            <ul className="ikm-bars">
              {r.elements.map((e) => (
                <li key={e.key} className={e.key === r.weakest ? 'weakest' : undefined}>
                  <span className="ikm-label">
                    {pick(e.label)}
                    {e.key === r.weakest && <em> · {t('ikm.weakest')}</em>}
                  </span>
                  <span
                    className="ikm-bar"
                    role="meter"
                    aria-valuemin={25}
                    aria-valuemax={100}
                    aria-valuenow={e.converted ?? 25}
                    aria-label={pick(e.label)}
                  >
                    <span style={{ width: `${(((e.converted ?? 25) - 25) / 75) * 100}%` }} />
                  </span>
                  <span className="ikm-value">
                    {e.converted === null || e.converted === undefined ? t('common.none') : formatNumber(e.converted, 2)} {e.grade}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

/** `/unit-layanan/:id`: a unit's public IKM history, one bar per period (oldest first) on the 25–100 scale. */
export function UnitHistoryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(() => publicUnitHistory(id), [id]);
  usePageTitle(state.data ? t('ikm.historyTitle', { unit: state.data.unit }) : t('skm.title'));
  return <article className="stack survey">{<Loading state={state}>{(h) => <UnitHistory history={h} />}</Loading>}</article>;
}

function UnitHistory({ history: h }: { history: PublicUnitHistory }) {
  const { t, pick, formatDate, formatNumber } = useI18n();
  return (
    <>
      <h1>{t('ikm.historyTitle', { unit: h.unit })}</h1>
      <p className="muted">{h.organization}</p>
      {h.periods.length === 0 ? (
        <p>{t('ikm.none')}</p>
      ) : (
        <section aria-labelledby="ikm-history" className="stack">
          <h2 id="ikm-history">{t('ikm.historyChart')}</h2>
          <ul className="ikm-bars" data-testid="ikm-history-chart">
            {h.periods.map((p) => (
              <li key={p.code}>
                <span className="ikm-label">
                  <Link to={`/s/${p.code}/ikm`}>{p.label}</Link>
                  <span className="muted">
                    {' '}
                    · {formatDate(p.opensAt)} – {formatDate(p.closesAt)}
                  </span>
                </span>
                <span
                  className="ikm-bar"
                  role="meter"
                  aria-valuemin={25}
                  aria-valuemax={100}
                  aria-valuenow={p.ikm.ikm ?? 25}
                  aria-label={p.label}
                >
                  <span style={{ width: `${(((p.ikm.ikm ?? 25) - 25) / 75) * 100}%` }} />
                </span>
                <span className="ikm-value">
                  {p.ikm.ikm === null || p.ikm.ikm === undefined ? t('common.none') : `${formatNumber(p.ikm.ikm, 2)} ${p.ikm.grade ?? ''}`}
                </span>
              </li>
            ))}
          </ul>
          <ul className="muted">
            {h.periods.map((p) => (
              <li key={p.code}>
                {t('ikm.historyRow', {
                  label: p.label,
                  responses: p.ikm.responses,
                  grade: p.ikm.label ? pick(p.ikm.label) : t('common.none'),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
