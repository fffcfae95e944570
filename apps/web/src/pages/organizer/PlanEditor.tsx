import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/errors';
import { updatePlan } from '../../api/organizer';
import type { Competition, Plan, Stage } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, fieldId } from '../../components/Field';
import { Notice, useNotice } from '../../components/Notice';
import { NumberInput } from '../../components/staff/NumberInput';
import { Table } from '../../components/staff/Table';
import { useAction } from '../../components/useAction';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { AGGREGATIONS } from '../../api/organizer';
import { fromWibInput, toWibInput } from './wib';

type Advance = NonNullable<Stage['advance']>;

/** The label of each stage field the editor shows, by the API's name for it. */
const STAGE_FIELDS: Record<string, MessageKey> = {
  opensAt: 'org.plan.opensAt',
  closesAt: 'org.plan.closesAt',
  weight: 'org.plan.weight',
  jurorsPerInnovation: 'org.plan.jurors',
  aggregation: 'org.plan.aggregation',
  trim: 'org.plan.trim',
  advance: 'org.plan.advance',
  'advance.type': 'org.plan.advance',
  'advance.n': 'org.plan.advanceN',
  'advance.min': 'org.plan.advanceMin',
  rubric: 'org.col.criterion',
};
const CRITERION_FIELDS: Record<string, MessageKey> = { weight: 'org.col.weight', min: 'org.col.min', max: 'org.col.max' };
const ADVANCE_TYPES = ['top', 'threshold', 'all', 'none'] as const;
const FROZEN = ['judging', 'published', 'archived'];

/** The API names plan fields `stages[2].weight` (plan rules) or `plan.stages[2].weight` (body shape): one name for both. */
const withoutPlanPrefix = (e: ApiError | null) =>
  e &&
  new ApiError(
    e.status,
    e.message,
    e.code,
    e.fields.map((f) => ({ ...f, field: f.field.replace(/^plan\./, '') })),
    e.details,
    e.params,
  );

interface CellProps {
  name: string;
  label: string;
  value: number;
  error?: string;
  onChange(v: number): void;
}

/** A number in a table cell: labelled for screen readers, with the API's error under it. */
function NumberCell({ name, label, value, error, onChange }: CellProps) {
  const id = fieldId(name);
  return (
    <td className={error ? 'field-invalid' : undefined}>
      <NumberInput
        id={id}
        name={name}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={onChange}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </td>
  );
}

interface StageProps {
  stage: Stage;
  at: string;
  error(path: string): string | undefined;
  onChange(stage: Stage): void;
  /** Judging has started: only the stage's window may still change. */
  frozen: boolean;
}

/** What a frozen plan still lets the organizer change (each move audited with its reason). */
const MOVABLE = new Set(['opensAt', 'closesAt']);

function StageFields({ stage, at, error, onChange, frozen }: StageProps) {
  const { t, pick } = useI18n();
  const set = (patch: Partial<Stage>) => onChange({ ...stage, ...patch });
  const advanceType = stage.advance ? stage.advance.type : 'none';
  const setAdvance = (type: (typeof ADVANCE_TYPES)[number]) =>
    set({
      advance:
        type === 'none'
          ? null
          : type === 'all'
            ? { type }
            : type === 'top'
              ? { type, n: stage.advance?.n ?? NaN }
              : { type, min: stage.advance?.min ?? NaN },
    });
  const field = (
    name: string,
    label: string,
    input: (control: Parameters<Parameters<typeof Field>[0]['children']>[0]) => ReactNode,
    hint?: string,
  ) => (
    <Field
      name={`${at}.${name}`}
      label={label}
      hint={hint}
      error={error(`${at}.${name}`) ?? (name === 'advance.type' ? error(`${at}.advance`) : undefined)}
    >
      {(control) => input({ ...control, ...(frozen && !MOVABLE.has(name) ? { disabled: true } : {}) } as typeof control)}
    </Field>
  );
  const label = pick(stage.label);
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="grid-2">
        {field(
          'opensAt',
          t('org.plan.opensAt'),
          (c) => (
            <input
              {...c}
              type="datetime-local"
              step={1}
              value={toWibInput(stage.opensAt)}
              onChange={(e) => set({ opensAt: fromWibInput(e.target.value) })}
            />
          ),
          t('org.plan.wib'),
        )}
        {field(
          'closesAt',
          t('org.plan.closesAt'),
          (c) => (
            <input
              {...c}
              type="datetime-local"
              step={1}
              value={toWibInput(stage.closesAt)}
              onChange={(e) => set({ closesAt: fromWibInput(e.target.value) })}
            />
          ),
          t('org.plan.wib'),
        )}
        {field(
          'weight',
          t('org.plan.weight'),
          (c) => (
            <NumberInput {...c} value={stage.weight} onChange={(weight) => set({ weight })} />
          ),
          t('org.plan.weightHint'),
        )}
        {field('jurorsPerInnovation', t('org.plan.jurors'), (c) => (
          <NumberInput {...c} value={stage.jurorsPerInnovation} onChange={(jurorsPerInnovation) => set({ jurorsPerInnovation })} />
        ))}
        {field('aggregation', t('org.plan.aggregation'), (c) => (
          <select {...c} value={stage.aggregation} onChange={(e) => set({ aggregation: e.target.value as Stage['aggregation'] })}>
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`org.aggregation.${a}`)}
              </option>
            ))}
          </select>
        ))}
        {stage.aggregation === 'trimmed_mean' &&
          field('trim', t('org.plan.trim'), (c) => <NumberInput {...c} value={stage.trim ?? NaN} onChange={(trim) => set({ trim })} />)}
        {field('advance.type', t('org.plan.advance'), (c) => (
          <select {...c} value={advanceType} onChange={(e) => setAdvance(e.target.value as (typeof ADVANCE_TYPES)[number])}>
            {ADVANCE_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`org.plan.advance.${a}`)}
              </option>
            ))}
          </select>
        ))}
        {stage.advance?.type === 'top' &&
          field('advance.n', t('org.plan.advanceN'), (c) => (
            <NumberInput {...c} value={stage.advance?.n ?? NaN} onChange={(n) => set({ advance: { type: 'top', n } as Advance })} />
          ))}
        {stage.advance?.type === 'threshold' &&
          field('advance.min', t('org.plan.advanceMin'), (c) => (
            <NumberInput
              {...c}
              value={stage.advance?.min ?? NaN}
              onChange={(min) => set({ advance: { type: 'threshold', min } as Advance })}
            />
          ))}
      </div>
      {error(`${at}.rubric`) && <p className="field-error">{error(`${at}.rubric`)}</p>}
      {stage.rubric.length > 0 && (
        <fieldset className="plain" disabled={frozen}>
          <Table
            caption={t('org.plan.rubric', { stage: label })}
            columns={[t('org.col.criterion'), t('org.col.weight'), t('org.col.min'), t('org.col.max')]}
          >
            {stage.rubric.map((c, j) => {
              const setC = (patch: Partial<(typeof stage.rubric)[number]>) =>
                set({ rubric: stage.rubric.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
              const cell = (key: 'weight' | 'min' | 'max', what: string) => (
                <NumberCell
                  name={`${at}.rubric[${j}].${key}`}
                  label={`${pick(c.label)}: ${what}`}
                  value={c[key]}
                  error={error(`${at}.rubric[${j}].${key}`)}
                  onChange={(v) => setC({ [key]: v })}
                />
              );
              return (
                <tr key={c.key}>
                  <th scope="row">{pick(c.label)}</th>
                  {cell('weight', t('org.col.weight'))}
                  {cell('min', t('org.col.min'))}
                  {cell('max', t('org.col.max'))}
                </tr>
              );
            })}
          </Table>
        </fieldset>
      )}
    </fieldset>
  );
}

/**
 * The plan's main fields, saved whole with PATCH /api/competitions/:id {plan, reason}. The API checks the
 * plan (its 400 names `stages[i].…` paths, shown at those inputs) and refuses a frozen one (409).
 */
export function PlanEditor({ competition, onSaved }: { competition: Competition; onSaved(c: Competition): void }) {
  const { t, pick } = useI18n();
  const [plan, setPlan] = useState<Plan>(() => structuredClone(competition.plan));
  const [reason, setReason] = useState('');
  const { busy, error: raw, run } = useAction();
  const [notice, setNotice] = useNotice();
  const error = withoutPlanPrefix(raw);
  const fieldError = (path: string) => error?.fieldMessage(path);
  const labelOf = (field: string): string | undefined => {
    if (field === 'requireCoordinator') return t('org.plan.requireCoordinator');
    if (field === 'objectionWindowDays') return t('org.plan.objectionDays');
    const m = /^stages\[(\d+)\]\.(.+)$/.exec(field);
    const stage = m ? plan.stages[Number(m[1])] : undefined;
    if (!m || !stage) return undefined;
    const c = /^rubric\[(\d+)\]\.(\w+)$/.exec(m[2]);
    const criterion = c ? stage.rubric[Number(c[1])] : undefined;
    if (criterion && CRITERION_FIELDS[c![2]]) return `${pick(stage.label)} — ${pick(criterion.label)}: ${t(CRITERION_FIELDS[c![2]])}`;
    return STAGE_FIELDS[m[2]] ? `${pick(stage.label)} — ${t(STAGE_FIELDS[m[2]])}` : undefined;
  };
  const frozen = FROZEN.includes(competition.status);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    void run('run', async () => {
      onSaved(await updatePlan(competition.id, plan, reason));
      setNotice({ key: 'org.plan.saved' });
    });
  };
  return (
    <form className="stack" onSubmit={save} noValidate aria-labelledby="plan-title">
      <h2 id="plan-title">{t('org.plan.title')}</h2>
      {frozen ? (
        <p className="panel warning" role="note">
          {t('org.plan.frozen')}
        </p>
      ) : (
        <p className="hint">{t('org.plan.intro')}</p>
      )}
      <ErrorSummary error={error} labelOf={labelOf} />
      <fieldset disabled={frozen}>
        <legend>{t('org.plan.general')}</legend>
        <div className="field">
          <label className="check" htmlFor={fieldId('requireCoordinator')}>
            <input
              id={fieldId('requireCoordinator')}
              type="checkbox"
              checked={plan.requireCoordinator}
              onChange={(e) => setPlan({ ...plan, requireCoordinator: e.target.checked })}
            />
            {t('org.plan.requireCoordinator')}
          </label>
        </div>
        <Field name="objectionWindowDays" label={t('org.plan.objectionDays')} error={fieldError('objectionWindowDays')}>
          {(c) => (
            <NumberInput
              {...c}
              value={plan.objectionWindowDays}
              onChange={(objectionWindowDays) => setPlan({ ...plan, objectionWindowDays })}
            />
          )}
        </Field>
      </fieldset>
      {fieldError('stages') && <p className="field-error">{fieldError('stages')}</p>}
      {plan.stages.map((s, i) => (
        <StageFields
          key={s.key}
          stage={s}
          frozen={frozen}
          at={`stages[${i}]`}
          error={fieldError}
          onChange={(next) => setPlan({ ...plan, stages: plan.stages.map((x, k) => (k === i ? next : x)) })}
        />
      ))}
      <Field name="reason" label={t('org.plan.reason')} hint={t('org.plan.reasonHint')} error={fieldError('reason')}>
        {(c) => <input {...c} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <BusyButton type="submit" className="primary" busy={busy !== null} busyLabel={t('common.saving')}>
          {t('org.plan.save')}
        </BusyButton>
      </div>
      <Notice message={notice} />
    </form>
  );
}
