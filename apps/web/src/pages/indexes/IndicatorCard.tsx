import { useRef, useState } from 'react';
import {
  answerIndicator,
  saveAnswerDocument,
  uploadAnswerDocument,
  type DocumentKind,
  type IndexDocument,
  type IndexGap,
  type IndexIndicator,
  type IndexOption,
  type RegionAnswer,
} from '../../api/indexes';
import type { ApiError } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, fieldId } from '../../components/Field';
import { Notice, useNotice } from '../../components/Notice';
import { useAction } from '../../components/useAction';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { answerField, optionOf } from './assessment';

const ALL_KINDS: readonly DocumentKind[] = [
  'regulation',
  'decree',
  'budget',
  'plan',
  'guideline',
  'agreement',
  'study',
  'report',
  'minutes',
  'survey',
  'certificate',
  'photo',
  'screenshot',
  'other',
];

/** What an option asks for as evidence, in words. */
export function EvidenceRule({ option }: { option: IndexOption }) {
  const { t } = useI18n();
  const { evidence } = option;
  if (evidence.type === 'none') return <span className="muted">{t('idx.evidence.none')}</span>;
  if (evidence.type === 'link') return <span className="muted">{t('idx.evidence.link')}</span>;
  return (
    <span className="muted">
      {t('idx.evidence.document', {
        kinds: (evidence.kinds ?? []).map((k) => t(`idx.kind.${k}` as MessageKey)).join(', '),
      })}
    </span>
  );
}

/** An answer's evidence: its link and its documents (downloaded with the session's token). */
export function EvidenceList({ editionId, answer }: { editionId: string; answer: RegionAnswer }) {
  const { t } = useI18n();
  const { error, run } = useAction();
  if (!answer.link && answer.documents.length === 0) return <p className="muted">{t('idx.evidence.empty')}</p>;
  return (
    <div className="stack">
      <ul className="evidence">
        {answer.link && (
          <li>
            {t('idx.evidence.linkLabel')}:{' '}
            <a href={answer.link} target="_blank" rel="noopener noreferrer">
              {answer.link}
            </a>
          </li>
        )}
        {answer.documents.map((d: IndexDocument) => (
          <li key={d.id}>
            {t(`idx.kind.${d.kind}` as MessageKey)}:{' '}
            <button type="button" className="link-button" onClick={() => void run('run', () => saveAnswerDocument(editionId, d))}>
              {t('idx.docs.download', { name: d.fileName })}
            </button>
          </li>
        ))}
      </ul>
      <ErrorSummary error={error} />
    </div>
  );
}

/** After publication the region sees the validators' option and note beside its own. */
function VerifiedResult({ indicator, answer }: { indicator: IndexIndicator; answer: RegionAnswer }) {
  const { t, pick } = useI18n();
  const verified = optionOf(indicator, answer.verifiedOption);
  return (
    <div className="panel verified-result">
      <p>
        <strong>{t('idx.verified.option')}</strong>{' '}
        {verified ? `${pick(verified.guidance)} (${t('idx.points', { n: verified.score })})` : t('idx.region.notVerified')}
      </p>
      {answer.verifiedNote && <p>{t('idx.verified.note', { note: answer.verifiedNote })}</p>}
    </div>
  );
}

interface Props {
  editionId: string;
  regionId: string;
  indicator: IndexIndicator;
  /** The reported innovation answered for; null for a region indicator. */
  innovationId: string | null;
  answer: RegionAnswer | undefined;
  gaps: readonly IndexGap[];
  readOnly: boolean;
  /** After a save or an upload: the page reloads the completeness. */
  onChanged(): void;
}

/**
 * One indicator of the self-assessment: its options with their guidance, score and required evidence, an
 * evidence link, the saved answer's documents and an upload for the kind the option asks for.
 */
export function IndicatorCard({ editionId, regionId, indicator, innovationId, answer, gaps, readOnly, onChanged }: Props) {
  const { t, pick, lang } = useI18n();
  const field = answerField(indicator.key, innovationId);
  const id = fieldId(field);
  const [option, setOption] = useState(answer?.option ?? '');
  const [link, setLink] = useState(answer?.link ?? '');
  const save = useAction();
  const [notice, setNotice] = useNotice();
  const chosen = optionOf(indicator, option);
  /** Documents attach to the saved answer: the upload offers the kinds its saved option asks for. */
  const savedOption = optionOf(indicator, answer?.option);
  const dirty = option !== (answer?.option ?? '') || link !== (answer?.link ?? '');
  const state = !answer ? 'unanswered' : gaps.length ? 'evidence' : 'complete';

  const submit = async () => {
    setNotice(null);
    const ok = await save.run('run', () =>
      answerIndicator(editionId, regionId, {
        indicator: indicator.key,
        option,
        ...(innovationId ? { innovationId } : {}),
        link: link.trim(),
      }),
    );
    if (ok) {
      setNotice({ key: 'idx.saved' });
      onChanged();
    }
  };

  return (
    <fieldset id={id} className={`panel stack indicator indicator-${state}`} aria-describedby={`${id}-state`}>
      <legend>{pick(indicator.label)}</legend>
      <p id={`${id}-state`} className={`badge idx-state-${state}`}>
        {t(`idx.state.${state}`)}
      </p>
      {gaps.length > 0 && (
        <ul className="field-error">
          {gaps.map((g) => (
            <li key={g.code}>{g.messages[lang]}</li>
          ))}
        </ul>
      )}
      <div className="options" role="radiogroup" aria-label={t('idx.options', { label: pick(indicator.label) })}>
        {(indicator.options ?? []).map((o) => (
          <label key={o.key} className="option">
            <input
              type="radio"
              name={`${id}-option`}
              value={o.key}
              checked={option === o.key}
              disabled={readOnly}
              onChange={() => setOption(o.key)}
            />
            <span>
              {pick(o.guidance)} <span className="score">{t('idx.points', { n: o.score })}</span>
              <br />
              <EvidenceRule option={o} />
            </span>
          </label>
        ))}
      </div>
      {!readOnly && (
        <>
          {chosen && chosen.evidence.type !== 'none' && (
            <Field
              name={`${field}.link`}
              label={t('idx.link')}
              hint={chosen?.evidence.type === 'link' ? t('idx.linkRequired') : t('idx.linkHint')}
            >
              {(control) => (
                <input
                  {...control}
                  type="url"
                  inputMode="url"
                  value={link}
                  onChange={(e) => setLink(e.target.value)}
                  placeholder="https://"
                />
              )}
            </Field>
          )}
          <ErrorSummary error={save.error} />
          <div className="actions">
            <BusyButton
              type="button"
              busy={save.busy !== null}
              busyLabel={t('common.saving')}
              disabled={!option || !dirty}
              onClick={() => void submit()}
            >
              {t('idx.saveAnswer')}
            </BusyButton>
          </div>
          <Notice message={notice} />
        </>
      )}
      {answer && answer.verifiedOption !== undefined && <VerifiedResult indicator={indicator} answer={answer} />}
      {answer && <EvidenceList editionId={editionId} answer={answer} />}
      {answer && !readOnly && savedOption?.evidence.type === 'document' && (
        <Upload
          editionId={editionId}
          answer={answer}
          kinds={(savedOption.evidence.kinds ?? ALL_KINDS) as DocumentKind[]}
          onChanged={onChanged}
          label={pick(indicator.label)}
        />
      )}
    </fieldset>
  );
}

function Upload({
  editionId,
  answer,
  kinds,
  onChanged,
  label,
}: {
  editionId: string;
  answer: RegionAnswer;
  kinds: readonly DocumentKind[];
  onChanged(): void;
  label: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>(kinds[0]);
  const [progress, setProgress] = useState<number | null>(null);
  const { error, run } = useAction();
  const [notice, setNotice] = useNotice();
  const base = `${fieldId(`answer-${answer.id}`)}`;
  const pct = Math.round((progress ?? 0) * 100);
  const explain = (err: ApiError) =>
    err.status === 413 ? t('idx.docs.tooLarge') : err.status === 415 ? t('idx.docs.unsupported') : undefined;
  const upload = async () => {
    if (!file) return;
    setNotice(null);
    const ok = await run('run', async () => {
      setProgress(0);
      await uploadAnswerDocument(editionId, answer.id, kinds.includes(kind) ? kind : kinds[0], file, setProgress).finally(() =>
        setProgress(null),
      );
    });
    if (ok) {
      setNotice({ key: 'idx.docs.uploaded', vars: { name: file.name } });
      setFile(null);
      if (input.current) input.current.value = '';
      onChanged();
    }
  };
  return (
    <div className="stack upload" role="group" aria-label={t('idx.uploadFor', { label })}>
      <div className="field">
        <label htmlFor={`${base}-kind`}>{t('idx.kind')}</label>
        <select
          id={`${base}-kind`}
          value={kinds.includes(kind) ? kind : kinds[0]}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`idx.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-file`}>{t('idx.docs.file')}</label>
        <input
          id={`${base}-file`}
          ref={input}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ErrorSummary error={error} explain={explain} />
      <div className="actions">
        <BusyButton
          type="button"
          className="secondary"
          busy={progress !== null}
          busyLabel={t('idx.docs.uploading', { pct })}
          disabled={!file}
          onClick={() => void upload()}
        >
          {t('idx.docs.upload')}
        </BusyButton>
        {progress !== null && <progress max={100} value={pct} aria-label={t('idx.docs.progress')} />}
      </div>
      <Notice message={notice} />
    </div>
  );
}
