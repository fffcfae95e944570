import type { FormEvent } from 'react';
import type { SheetView } from '../../api/juror';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, fieldId } from '../../components/Field';
import { ImpactSummary, isImpactCriterion, type SurveyEvidence } from '../../components/SurveyEvidence';
import { useI18n } from '../../i18n/I18nContext';
import { useLeaveGuard } from '../../router/router';
import { useSheetDraft, type Phase } from './useSheetDraft';
import '../staff.css';

interface Props {
  view: SheetView;
  /** Load the sheet again (after it changed elsewhere). */
  onReload(): void;
  /** Set when the sheet cannot be edited for a reason the page knows (stage not open, conflict declared). */
  readOnlyReason?: string;
  autosaveMs?: number;
  /** The innovation's survey evidence (IKM before/after), summarised next to the benefit and impact criteria. */
  evidence?: readonly SurveyEvidence[];
}

function SaveState({ phase, version, failed }: { phase: Phase; version: number; failed: string | undefined }) {
  const { t } = useI18n();
  const text =
    failed ??
    (phase === 'saving' ? t('jury.saving') : phase === 'saved' ? t('jury.saved', { version }) : phase === 'dirty' ? t('jury.unsaved') : '');
  return (
    <p role="status" className="save-state">
      {text}
    </p>
  );
}

/**
 * The score sheet: each criterion with its label, guidance and range, the comment, the no-conflict
 * confirmation on first save, autosave, and submit. Ranges and completeness are the API's rules: its 400
 * lands next to the criterion it names.
 */
export function ScoreSheet({ view, onReload, readOnlyReason, autosaveMs = 800, evidence = [] }: Props) {
  const { t, pick } = useI18n();
  const { rubric, assignment } = view;
  const draft = useSheetDraft(assignment.id, rubric, view.sheet, autosaveMs);
  const { form, setForm, status, error, blocked, waitingFor } = draft;
  useLeaveGuard(draft.unsaved ? t('jury.leaveUnsaved') : null);
  const notice = readOnlyReason ? t('jury.readOnly', { reason: readOnlyReason }) : status === 'submitted' ? t('jury.submitted') : undefined;
  const locked = !!notice || !!blocked;
  const fieldError = (name: string) => error?.error.fieldMessage(name);
  const labelOf = (field: string) => {
    const c = rubric.find((r) => `scores.${r.key}` === field);
    if (c) return pick(c.label);
    return field === 'comment' ? t('jury.comment') : field === 'confirmNoConflict' ? t('jury.confirm') : undefined;
  };
  const autosaveFailed =
    waitingFor === 'confirmation'
      ? t('jury.waitingConfirmation')
      : error?.from === 'autosave'
        ? `${t(error.error.status === 400 ? 'error.title.400' : 'error.title.other')}: ${error.error.fields.length ? error.error.fields.map((f) => labelOf(f.field) ?? f.field).join(', ') : error.error.text} ${t('jury.keptLocally')}`
        : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void draft.submit();
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('jury.sheetTitle')}</h2>
      <p role="status" className="notice">
        {notice}
      </p>
      {blocked && (
        <div className="panel danger" role="alert">
          <p>
            <strong>{t(blocked.kind === 'version' ? 'jury.versionConflict' : 'jury.locked')}</strong>
          </p>
          <p>{blocked.message}</p>
          <button type="button" className="primary" onClick={onReload}>
            {t('jury.reload')}
          </button>
        </div>
      )}
      {draft.restored && !locked && <p className="notice">{t('jury.restored')}</p>}
      {error?.from === 'submit' && <ErrorSummary error={error.error} labelOf={labelOf} />}
      {status === 'not_started' && !locked && (
        <div className={fieldError('confirmNoConflict') || waitingFor ? 'field field-invalid' : 'field'}>
          <label className="check" htmlFor={fieldId('confirmNoConflict')}>
            <input
              id={fieldId('confirmNoConflict')}
              type="checkbox"
              checked={form.confirmed}
              aria-describedby={`${fieldId('confirmNoConflict')}-hint`}
              onChange={(e) => setForm({ ...form, confirmed: e.target.checked })}
            />
            {t('jury.confirm')}
          </label>
          <p id={`${fieldId('confirmNoConflict')}-hint`} className="hint">
            {t('jury.confirmHint')}
          </p>
          {fieldError('confirmNoConflict') && <p className="field-error">{fieldError('confirmNoConflict')}</p>}
        </div>
      )}
      <div>
        {rubric.map((c) => (
          <div key={c.key} className="criterion">
            <Field
              name={`scores.${c.key}`}
              label={pick(c.label)}
              hint={pick(c.guidance)}
              status={t('jury.range', { min: c.min, max: c.max, weight: c.weight })}
              error={fieldError(`scores.${c.key}`)}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={c.min}
                  max={c.max}
                  disabled={locked}
                  value={form.scores[c.key] ?? ''}
                  onChange={(e) => setForm({ ...form, scores: { ...form.scores, [c.key]: e.target.value } })}
                />
              )}
            </Field>
            {isImpactCriterion(c.key) && <ImpactSummary evidence={evidence} />}
          </div>
        ))}
      </div>
      <Field name="comment" label={t('jury.comment')} hint={t('jury.commentHint')} error={fieldError('comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={5}
            disabled={locked}
            value={form.comment}
            onChange={(e) => setForm({ ...form, comment: e.target.value })}
          />
        )}
      </Field>
      {!locked && (
        <>
          <p className="hint">{t('jury.autosave')}</p>
          <SaveState phase={draft.phase} version={draft.version} failed={autosaveFailed} />
          <p className="hint">{t('jury.submitHint')}</p>
          <div className="actions">
            <BusyButton type="submit" className="primary" busy={draft.submitting} busyLabel={t('jury.submitting')}>
              {t('jury.submit')}
            </BusyButton>
          </div>
        </>
      )}
    </form>
  );
}
