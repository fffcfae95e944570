import { ValidationFailed, type FieldError } from '@app/kernel';
import { EDUCATIONS, ELEMENT_KEYS, OCCUPATIONS, SEXES, type Education, type ElementKey, type Occupation, type Sex } from './elements';
import type { Answers } from './ikm';
import { SurveyErrorCode } from './surveys.errors';

/** A response as the form or an import row gives it, before it is stored. */
export interface ResponseInput {
  answers: Answers;
  suggestion: string | null;
  age: number | null;
  sex: Sex | null;
  education: Education | null;
  occupation: Occupation | null;
  /** E.g. the queue ticket number; only its hash is kept, to allow one response per respondent and period. */
  respondent: string | null;
}

export const MAX_SUGGESTION = 2000;
export const MAX_RESPONDENT = 100;

/**
 * Checks loose values (a JSON body's fields, or a CSV row's strings renamed by {@link IMPORT_COLUMNS}) and
 * returns a response, or the errors naming the fields: u1…u9, suggestion, age, sex, education, occupation,
 * respondent.
 */
export function readResponse(
  raw: Readonly<Record<string, unknown>>,
): { value: ResponseInput; errors: [] } | { value: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers = {} as Record<ElementKey, number>;
  for (const key of ELEMENT_KEYS) {
    const v = toInteger(raw[key]);
    if (v === null || v < 1 || v > 4) errors.push({ field: key, message: 'must be an answer 1, 2, 3 or 4' });
    else answers[key] = v;
  }
  const text = (field: string, max: number): string | null => {
    const v = raw[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v !== 'string') return (errors.push({ field, message: 'must be text' }), null);
    if (v.trim().length > max) return (errors.push({ field, message: `at most ${max} characters` }), null);
    return v.trim();
  };
  const choice = <K extends string>(field: string, options: Record<K, unknown>): K | null => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return null;
    const key = typeof v === 'string' ? v.trim().toLowerCase() : '';
    if (!(key in options)) return (errors.push({ field, message: `must be one of ${Object.keys(options).join(', ')}` }), null);
    return key as K;
  };
  const suggestion = text('suggestion', MAX_SUGGESTION);
  const respondent = text('respondent', MAX_RESPONDENT);
  let age: number | null = null;
  if (raw.age !== undefined && raw.age !== null && raw.age !== '') {
    age = toInteger(raw.age);
    if (age === null || age < 10 || age > 120) {
      errors.push({ field: 'age', message: 'must be an age in years, 10 to 120' });
      age = null;
    }
  }
  const sex = choice('sex', SEXES);
  const education = choice('education', EDUCATIONS);
  const occupation = choice('occupation', OCCUPATIONS);
  if (errors.length) return { value: null, errors };
  return { value: { answers, suggestion, age, sex, education, occupation, respondent }, errors: [] };
}

/** Like {@link readResponse}, throwing a 400 that names the fields. */
export function assertResponse(raw: Readonly<Record<string, unknown>>): ResponseInput {
  const r = readResponse(raw);
  if (!r.value) throw new ValidationFailed(r.errors, SurveyErrorCode.ResponseInvalid, 'The response is not valid');
  return r.value;
}

function toInteger(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v)) return Number(v);
  return null;
}

/** The CSV columns of a response import (Indonesian, as paper forms are tabulated) → the response's fields. */
export const IMPORT_COLUMNS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(ELEMENT_KEYS.map((k) => [k, k])),
  saran: 'suggestion',
  umur: 'age',
  jenis_kelamin: 'sex',
  pendidikan: 'education',
  pekerjaan: 'occupation',
  responden: 'respondent',
  waktu: 'submittedAt',
};
