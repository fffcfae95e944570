import type { ApiError } from '../../api/errors';
import type { Section } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { Field } from '../Field';
import { PHASES, PROFILE_FIELDS, wordCount, type ProposalValues } from './values';

interface Props {
  sections: readonly Section[];
  values: ProposalValues;
  onChange(values: ProposalValues): void;
  /** The last save's or submit's error: its field errors show under the matching inputs. */
  error: ApiError | null;
}

/** The editable proposal: the profile fields, then the competition's own sections with word counters. */
export function ProposalFields({ sections, values, onChange, error }: Props) {
  const { t, pick } = useI18n();
  // The selects only offer their own values, so a field's text is always one of its type's values.
  const set = (key: keyof ProposalValues, value: ProposalValues[keyof ProposalValues]) => onChange({ ...values, [key]: value });
  return (
    <>
      <p className="hint">{t('form.legendRequired')}</p>
      <fieldset>
        <legend>{t('form.profile')}</legend>
        {PROFILE_FIELDS.map(({ key, label, kind, hint }) => (
          <Field key={key} name={key} label={t(label)} hint={hint && t(hint)} required error={error?.fieldMessage(key)}>
            {(control) => {
              switch (kind) {
                case 'phase':
                case 'digital': {
                  const options =
                    kind === 'phase'
                      ? PHASES.map((p) => [p, t(`form.phase.${p}`)])
                      : [
                          ['yes', t('form.digital.yes')],
                          ['no', t('form.digital.no')],
                        ];
                  return (
                    <select {...control} value={values[key]} onChange={(e) => set(key, e.target.value)}>
                      <option value="">{t('form.choose')}</option>
                      {options.map(([value, text]) => (
                        <option key={value} value={value}>
                          {text}
                        </option>
                      ))}
                    </select>
                  );
                }
                case 'text':
                  return <textarea {...control} rows={3} value={values[key]} onChange={(e) => set(key, e.target.value)} />;
                default:
                  return (
                    <input
                      {...control}
                      type={kind === 'date' ? 'date' : 'text'}
                      value={values[key]}
                      onChange={(e) => set(key, e.target.value)}
                    />
                  );
              }
            }}
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('form.proposal')}</legend>
        {sections.map((s) => {
          const name = `sections.${s.key}`;
          const text = values.sections[s.key] ?? '';
          const words = wordCount(text);
          const over = words - s.maxWords;
          return (
            <Field
              key={s.key}
              name={name}
              label={pick(s.label)}
              required={s.required}
              error={error?.fieldMessage(name)}
              status={
                <span className={over > 0 ? 'word-count over' : 'word-count'}>
                  {t('form.words', { n: words, max: s.maxWords })}
                  {over > 0 && ` — ${t('form.overLimit', { over })}`}
                </span>
              }
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={6}
                  value={text}
                  onChange={(e) => set('sections', { ...values.sections, [s.key]: e.target.value })}
                />
              )}
            </Field>
          );
        })}
      </fieldset>
    </>
  );
}
