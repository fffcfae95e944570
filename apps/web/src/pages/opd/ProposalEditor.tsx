import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { submitInnovation, updateInnovation } from '../../api/endpoints';
import type { Competition, Innovation } from '../../api/types';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice, useNotice } from '../../components/Notice';
import { ProposalFields } from '../../components/proposal/ProposalFields';
import { PROFILE_FIELDS, toUpdate, toValues, type ProposalValues } from '../../components/proposal/values';
import { useAction } from '../../components/useAction';
import { notifyChanged } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nContext';

interface Props {
  innovation: Innovation;
  competition: Competition;
  /** The innovation as the API returned it after a save or a submit. */
  onChange(innovation: Innovation): void;
  /** The evidence section, placed before the actions; gets the submit's error for `documents`. */
  evidence(error: string | undefined): ReactNode;
}

/**
 * Edits a draft or returned proposal. The values live here (a session refresh or a failed request never
 * resets them); Save sends them as they are, Submit saves first and then asks the API to submit, which
 * answers with every missing field, word limit and eligibility rule (400) — shown next to the inputs.
 */
export function ProposalEditor({ innovation, competition, onChange, evidence }: Props) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState<ProposalValues>(() => toValues(innovation));
  const saved = useRef(JSON.stringify(values));
  const { busy, error, run } = useAction<'save' | 'submit'>();
  const [notice, setNotice] = useNotice();
  /** What the API says the OPD should know after a submit (e.g. no coordinator in the region), in both languages. */
  const [serverNotices, setServerNotices] = useState<{ code: string; message: { id: string; en: string } }[]>([]);
  const sections = competition.plan.proposalForm.sections;

  const labelOf = (field: string): string | undefined => {
    const profile = PROFILE_FIELDS.find((f) => f.key === field);
    if (profile) return t(profile.label);
    const section = sections.find((s) => `sections.${s.key}` === field);
    if (section) return pick(section.label);
    if (field === 'documents') return t('error.field.documents');
    return undefined;
  };

  const act = (kind: 'save' | 'submit') => {
    setNotice(null);
    setServerNotices([]);
    void run(kind, async () => {
      let current = innovation;
      const snapshot = JSON.stringify(values);
      if (kind === 'save' || snapshot !== saved.current) {
        current = await updateInnovation(innovation.id, toUpdate(values, innovation.version));
        saved.current = snapshot;
        onChange(current);
      }
      if (kind === 'submit') {
        const submitted = await submitInnovation(current.id);
        setServerNotices(submitted.notices ?? []);
        onChange(submitted);
      }
      setNotice({ key: kind === 'save' ? 'common.saved' : 'innovation.submitted' });
      notifyChanged();
    });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    act('save');
  };

  return (
    <form className="stack proposal-form" onSubmit={save} noValidate aria-busy={busy !== null}>
      <ErrorSummary error={error} labelOf={labelOf} />
      <ProposalFields sections={sections} values={values} onChange={setValues} error={error} />
      {evidence(error?.fieldMessage('documents'))}
      <p className="hint">{t('innovation.submitHint')}</p>
      <div className="actions">
        <BusyButton type="submit" className="secondary" busy={busy === 'save'} busyLabel={t('common.saving')} disabled={busy !== null}>
          {t('common.save')}
        </BusyButton>
        <BusyButton
          type="button"
          className="primary"
          busy={busy === 'submit'}
          busyLabel={t('innovation.submitting')}
          disabled={busy !== null}
          onClick={() => act('submit')}
        >
          {t('innovation.submit')}
        </BusyButton>
      </div>
      <Notice message={notice} />
      {serverNotices.map((n) => (
        <p key={n.code} role="status" className="notice">
          {pick(n.message)}
        </p>
      ))}
    </form>
  );
}
