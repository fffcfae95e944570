import type { components } from '../api/schema';
import { useI18n } from '../i18n/I18nContext';
import { Facts } from './Facts';
import './survey-evidence.css';

/** An innovation's survey evidence: IKM before and after its start, per element, with sample sizes (libs/surveys). */
export type SurveyEvidence = components['schemas']['SurveyEvidenceView'];
type Side = SurveyEvidence['before'];

const MIN = 25;
const MAX = 100;
const pct = (v: number | null | undefined) => (((v ?? MIN) - MIN) / (MAX - MIN)) * 100;

/** IKM 70,83 (C) — the value as the language writes it, with its grade; a dash without responses. */
function useIkmText() {
  const { formatNumber, t } = useI18n();
  return (v: number | null | undefined, grade?: string | null) =>
    v === null || v === undefined ? t('common.none') : `${formatNumber(v, 2)}${grade ? ` (${grade})` : ''}`;
}

function sampleText(s: Side['sample'], t: ReturnType<typeof useI18n>['t']): string {
  if (s.required === null || s.required === undefined) return t('evidence.sampleUnknown', { n: s.responses });
  return t(s.reached ? 'evidence.sampleReached' : 'evidence.sampleShort', { n: s.responses, required: s.required });
}

/**
 * Paired bars per element (before grey, after green) on the 25–100 scale, with the numbers in a table for
 * screen readers and exact reading.
 */
export function IkmChangeChart({ evidence: e }: { evidence: SurveyEvidence }) {
  const { t, pick } = useI18n();
  const ikm = useIkmText();
  const labels = new Map(e.before.ikm.elements.map((x) => [x.key, x.label]));
  const rows = [
    { key: 'ikm', label: t('evidence.overall'), before: e.ikm.before, after: e.ikm.after, change: e.ikm.change },
    ...e.elements.map((x) => ({ ...x, label: pick(labels.get(x.key) ?? { id: x.key, en: x.key }) })),
  ];
  return (
    <figure className="ikm-change">
      <figcaption>{t('evidence.chartCaption', { before: e.before.label, after: e.after.label })}</figcaption>
      <p className="ikm-legend" aria-hidden="true">
        <span className="swatch before" /> {e.before.label} <span className="swatch after" /> {e.after.label}
      </p>
      <ul className="ikm-pairs" aria-hidden="true" data-testid="ikm-change-chart">
        {rows.map((r) => (
          <li key={r.key} className={r.key === 'ikm' ? 'total' : undefined}>
            <span className="ikm-pair-label">{r.label}</span>
            <span className="ikm-pair-bars">
              <span className="bar before" title={`${e.before.label}: ${ikm(r.before)}`}>
                <span style={{ width: `${pct(r.before)}%` }} />
              </span>
              <span className="bar after" title={`${e.after.label}: ${ikm(r.after)}`}>
                <span style={{ width: `${pct(r.after)}%` }} />
              </span>
            </span>
          </li>
        ))}
      </ul>
      <table className="ikm-change-table">
        <thead>
          <tr>
            <th scope="col">{t('evidence.element')}</th>
            <th scope="col">{t('evidence.before')}</th>
            <th scope="col">{t('evidence.after')}</th>
            <th scope="col">{t('evidence.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.key === 'ikm' ? 'total' : undefined}>
              <th scope="row">{r.label}</th>
              <td>{ikm(r.before)}</td>
              <td>{ikm(r.after)}</td>
              <td>{r.change === null || r.change === undefined ? t('common.none') : `${r.change > 0 ? '+' : ''}${ikm(r.change)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The dossier's section: per linked unit, the two periods with their IKM, grade and sample, and the chart. */
export function SurveyEvidenceSection({ evidence, headingLevel = 2 }: { evidence: readonly SurveyEvidence[]; headingLevel?: 2 | 3 }) {
  const { t, formatDate } = useI18n();
  const ikm = useIkmText();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  if (evidence.length === 0) return null;
  const side = (label: string, s: Side) =>
    [
      label,
      `${s.label} (${formatDate(s.opensAt)} – ${formatDate(s.closesAt)}): IKM ${ikm(s.ikm.ikm, s.ikm.grade)} · ${sampleText(s.sample, t)}`,
    ] as const;
  return (
    <section className="stack survey-evidence" id="survey-evidence" aria-labelledby="survey-evidence-title">
      <H id="survey-evidence-title">{t('evidence.title')}</H>
      <p className="hint">{t('evidence.intro')}</p>
      {evidence.map((e) => (
        <div key={e.id} className="stack">
          <Sub>{t('evidence.unit', { unit: e.unit.name, organization: e.unit.organizationName })}</Sub>
          <Facts items={[side(t('evidence.before'), e.before), side(t('evidence.after'), e.after)]} />
          <IkmChangeChart evidence={e} />
        </div>
      ))}
    </section>
  );
}

/** One line per unit for next to a criterion (kemanfaatan, dampak): IKM before → after, with sample sizes. */
export function ImpactSummary({ evidence }: { evidence: readonly SurveyEvidence[] }) {
  const { t } = useI18n();
  const ikm = useIkmText();
  if (evidence.length === 0) return null;
  return (
    <aside className="impact-summary" aria-label={t('evidence.title')}>
      <strong>{t('evidence.title')}</strong>
      <ul>
        {evidence.map((e) => (
          <li key={e.id}>
            {t('evidence.summary', {
              unit: e.unit.name,
              before: ikm(e.before.ikm.ikm, e.before.ikm.grade),
              after: ikm(e.after.ikm.ikm, e.after.ikm.grade),
              nBefore: e.before.sample.responses,
              nAfter: e.after.sample.responses,
            })}
          </li>
        ))}
      </ul>
      <a href="#survey-evidence">{t('evidence.seeChart')}</a>
    </aside>
  );
}

/** Criteria whose score rests on the innovation's benefit or impact: the survey evidence is shown next to them. */
export const isImpactCriterion = (key: string) => /^(kemanfaatan|dampak)/.test(key);
