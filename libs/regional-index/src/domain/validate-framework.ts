// Checks an organizer's framework edits (DOMAIN.md: an index edition's framework is configuration): every
// problem with its dotted field path, a stable code and a message in Bahasa Indonesia and English.

import { ValidationFailed, type LocalizedText } from '@app/kernel';
import { MAX_DECIMALS } from '@app/scoring';
import { SCOPES } from '../types';
import { DOCUMENT_KINDS, EVIDENCE_TYPES, type IndexFramework } from './framework';
import { type IndexFieldError, RegionalIndexErrorCode, fieldError } from './regional-index.errors';

const KEY = /^[a-z][a-z0-9_]*$/;
const MAX_BAND_MIN = 100;

type Report = (field: string, code: string, params: Record<string, string | number>, id: string, en: string) => void;

/** Every problem with a framework; empty when it can run an index edition. Never throws, whatever the shape. */
export function validateFramework(framework: IndexFramework): IndexFieldError[] {
  const errors: IndexFieldError[] = [];
  const report: Report = (field, code, params, id, en) => errors.push(fieldError(field, code, params, { id, en }));
  const root = framework as unknown;
  if (!isObject(root)) {
    report('', 'not_an_object', {}, 'Kerangka indeks harus berupa objek.', 'The framework must be an object.');
    return errors;
  }
  checkKey(root.key, 'key', report);
  checkLabel(root.label, 'label', report);
  checkMethod(root.method, report);
  checkBands(root.bands, report);
  checkAspects(root.aspects, report);
  return errors;
}

/** Throws 400 INDEX_FRAMEWORK_INVALID listing every problem. */
export function assertValidFramework(framework: IndexFramework): void {
  const errors = validateFramework(framework);
  if (errors.length) throw new ValidationFailed(errors, RegionalIndexErrorCode.FrameworkInvalid, 'The index framework is invalid');
}

function checkMethod(method: unknown, report: Report): void {
  if (!isObject(method)) return report('method', 'required', {}, 'Metode perhitungan wajib diisi.', 'The method is required.');
  if (!isIntegerIn(method.decimals, 0, MAX_DECIMALS))
    report(
      'method.decimals',
      'decimals',
      { max: MAX_DECIMALS },
      `Jumlah desimal harus bilangan bulat 0–${MAX_DECIMALS}.`,
      `Decimals must be a whole number from 0 to ${MAX_DECIMALS}.`,
    );
  if (!isIntegerIn(method.minInnovations, 1, Infinity))
    report(
      'method.minInnovations',
      'min_innovations',
      {},
      'Pembagi minimum jumlah inovasi harus bilangan bulat 1 atau lebih.',
      'The minimum innovation divisor must be a whole number of 1 or more.',
    );
}

function checkBands(bands: unknown, report: Report): void {
  if (!Array.isArray(bands))
    return report('bands', 'required', {}, 'Daftar predikat wajib diisi (boleh kosong).', 'The bands list is required (it may be empty).');
  const seen = new Map<string, number>();
  bands.forEach((band, i) => {
    const at = `bands[${i}]`;
    if (!isObject(band)) return report(at, 'not_an_object', {}, 'Predikat harus berupa objek.', 'A band must be an object.');
    if (checkLabel(band.label, `${at}.label`, report)) {
      const label = (band.label as LocalizedText).id;
      const first = seen.get(label);
      if (first !== undefined)
        report(
          `${at}.label`,
          'duplicate',
          { first: `bands[${first}]` },
          `Predikat "${label}" sudah ada di bands[${first}].`,
          `Band "${label}" is already listed at bands[${first}].`,
        );
      else seen.set(label, i);
    }
    if (!isNumber(band.min) || band.min < 0 || band.min > MAX_BAND_MIN)
      report(
        `${at}.min`,
        'band_min',
        { max: MAX_BAND_MIN },
        `Batas bawah predikat harus angka 0–${MAX_BAND_MIN}.`,
        `The band minimum must be a number from 0 to ${MAX_BAND_MIN}.`,
      );
  });
}

function checkAspects(aspects: unknown, report: Report): void {
  if (!Array.isArray(aspects) || aspects.length === 0)
    return report('aspects', 'required', {}, 'Paling sedikit satu aspek wajib ada.', 'At least one aspect is required.');
  const variableKeys = new Map<string, string>();
  const indicatorKeys = new Map<string, string>();
  let maximum = 0;
  checkUniqueKeys(aspects, 'aspects', report);
  aspects.forEach((aspect, a) => {
    const at = `aspects[${a}]`;
    if (!isObject(aspect)) return report(at, 'not_an_object', {}, 'Aspek harus berupa objek.', 'An aspect must be an object.');
    checkLabel(aspect.label, `${at}.label`, report);
    if (!Array.isArray(aspect.variables) || aspect.variables.length === 0)
      return report(
        `${at}.variables`,
        'required',
        {},
        'Aspek harus memiliki paling sedikit satu variabel.',
        'An aspect needs at least one variable.',
      );
    aspect.variables.forEach((variable: unknown, v: number) => {
      const vat = `${at}.variables[${v}]`;
      if (!isObject(variable)) return report(vat, 'not_an_object', {}, 'Variabel harus berupa objek.', 'A variable must be an object.');
      checkKey(variable.key, `${vat}.key`, report, variableKeys, 'variable');
      checkLabel(variable.label, `${vat}.label`, report);
      if (!Array.isArray(variable.indicators) || variable.indicators.length === 0)
        return report(
          `${vat}.indicators`,
          'required',
          {},
          'Variabel harus memiliki paling sedikit satu indikator.',
          'A variable needs at least one indicator.',
        );
      variable.indicators.forEach((indicator: unknown, k: number) => {
        maximum += checkIndicator(indicator, `${vat}.indicators[${k}]`, report, indicatorKeys);
      });
    });
  });
  if (!(maximum > 0))
    report(
      'aspects',
      'max_zero',
      {},
      'Nilai maksimum indeks 0: paling sedikit satu pilihan atau tingkat harus bernilai di atas 0.',
      'The index maximum is 0: at least one option or step must score above 0.',
    );
}

/** Checks one indicator; returns its highest score (0 when it has none). */
function checkIndicator(indicator: unknown, at: string, report: Report, keys: Map<string, string>): number {
  if (!isObject(indicator)) {
    report(at, 'not_an_object', {}, 'Indikator harus berupa objek.', 'An indicator must be an object.');
    return 0;
  }
  checkKey(indicator.key, `${at}.key`, report, keys, 'indicator');
  checkLabel(indicator.label, `${at}.label`, report);
  const scope = indicator.scope;
  if (!(SCOPES as readonly unknown[]).includes(scope)) {
    report(
      `${at}.scope`,
      'scope',
      { allowed: SCOPES.join(', ') },
      `Cakupan harus salah satu dari ${SCOPES.join(', ')}.`,
      `The scope must be one of ${SCOPES.join(', ')}.`,
    );
    return 0;
  }
  const [wanted, unwanted] = scope === 'count' ? (['steps', 'options'] as const) : (['options', 'steps'] as const);
  if (indicator[unwanted] !== undefined)
    report(
      `${at}.${unwanted}`,
      'not_allowed',
      { scope: scope as string },
      `Indikator bercakupan ${scope} tidak memakai ${unwanted}.`,
      `A ${scope} indicator has no ${unwanted}.`,
    );
  const list = indicator[wanted];
  if (!Array.isArray(list) || list.length === 0) {
    report(
      `${at}.${wanted}`,
      'required',
      {},
      wanted === 'options' ? 'Paling sedikit satu pilihan jawaban wajib ada.' : 'Paling sedikit satu tingkat wajib ada.',
      wanted === 'options' ? 'At least one option is required.' : 'At least one step is required.',
    );
    return 0;
  }
  const scores = wanted === 'options' ? checkOptions(list, `${at}.options`, report) : checkSteps(list, `${at}.steps`, report);
  return scores.length ? Math.max(...scores) : 0;
}

function checkOptions(options: unknown[], at: string, report: Report): number[] {
  checkUniqueKeys(options, at, report);
  return options.flatMap((option, i) => {
    const oat = `${at}[${i}]`;
    if (!isObject(option)) {
      report(oat, 'not_an_object', {}, 'Pilihan jawaban harus berupa objek.', 'An option must be an object.');
      return [];
    }
    checkLabel(option.guidance, `${oat}.guidance`, report);
    checkEvidence(option.evidence, `${oat}.evidence`, report);
    return checkScore(option.score, `${oat}.score`, report);
  });
}

function checkSteps(steps: unknown[], at: string, report: Report): number[] {
  const seen = new Map<number, number>();
  return steps.flatMap((step, i) => {
    const sat = `${at}[${i}]`;
    if (!isObject(step)) {
      report(sat, 'not_an_object', {}, 'Tingkat harus berupa objek.', 'A step must be an object.');
      return [];
    }
    if (!isIntegerIn(step.min, 0, Infinity)) {
      report(
        `${sat}.min`,
        'step_min',
        {},
        'Batas jumlah inovasi harus bilangan bulat 0 atau lebih.',
        'The step minimum must be a whole number of 0 or more.',
      );
    } else {
      const first = seen.get(step.min as number);
      if (first !== undefined)
        report(
          `${sat}.min`,
          'duplicate',
          { first: `${at}[${first}]` },
          `Batas ${step.min} sudah dipakai ${at}[${first}].`,
          `Minimum ${step.min} is already used by ${at}[${first}].`,
        );
      else seen.set(step.min as number, i);
    }
    checkLabel(step.guidance, `${sat}.guidance`, report);
    return checkScore(step.score, `${sat}.score`, report);
  });
}

function checkScore(score: unknown, at: string, report: Report): number[] {
  if (isNumber(score) && score >= 0) return [score];
  report(at, 'score', {}, 'Nilai harus angka 0 atau lebih.', 'The score must be a number of 0 or more.');
  return [];
}

function checkEvidence(evidence: unknown, at: string, report: Report): void {
  if (!isObject(evidence) || !(EVIDENCE_TYPES as readonly unknown[]).includes(evidence.type))
    return report(
      `${at}.type`,
      'evidence_type',
      { allowed: EVIDENCE_TYPES.join(', ') },
      `Jenis bukti dukung harus salah satu dari ${EVIDENCE_TYPES.join(', ')}.`,
      `The evidence type must be one of ${EVIDENCE_TYPES.join(', ')}.`,
    );
  if (evidence.type !== 'document') return;
  const kinds = evidence.kinds;
  if (!Array.isArray(kinds) || kinds.length === 0)
    return report(
      `${at}.kinds`,
      'required',
      {},
      'Sebutkan paling sedikit satu jenis dokumen bukti dukung.',
      'Name at least one kind of evidence document.',
    );
  kinds.forEach((kind, i) => {
    if (!(DOCUMENT_KINDS as readonly unknown[]).includes(kind))
      report(
        `${at}.kinds[${i}]`,
        'document_kind',
        { allowed: DOCUMENT_KINDS.join(', ') },
        `Jenis dokumen "${String(kind)}" tidak dikenal.`,
        `Document kind "${String(kind)}" is unknown; use one of ${DOCUMENT_KINDS.join(', ')}.`,
      );
    else if (kinds.indexOf(kind) !== i)
      report(`${at}.kinds[${i}]`, 'duplicate', {}, `Jenis dokumen "${kind}" disebut dua kali.`, `Document kind "${kind}" is listed twice.`);
  });
}

/** snake_case; unique in `keys` when given (then it records the key's field). */
function checkKey(key: unknown, field: string, report: Report, keys?: Map<string, string>, what = 'key'): void {
  if (typeof key !== 'string' || !KEY.test(key)) {
    report(
      field,
      'key',
      {},
      'Kunci harus snake_case: huruf kecil, angka dan garis bawah, diawali huruf.',
      'The key must be snake_case: lowercase letters, digits and underscores, starting with a letter.',
    );
    return;
  }
  if (!keys) return;
  const first = keys.get(key);
  if (first !== undefined)
    report(
      field,
      'duplicate',
      { first },
      `Kunci ${what} "${key}" sudah dipakai di ${first}.`,
      `The ${what} key "${key}" is already used at ${first}.`,
    );
  else keys.set(key, field.replace(/\.key$/, ''));
}

/** Keys unique within one list (aspects, options). */
function checkUniqueKeys(items: unknown[], at: string, report: Report): void {
  const keys = new Map<string, string>();
  items.forEach((item, i) => {
    if (isObject(item)) checkKey(item.key, `${at}[${i}].key`, report, keys);
  });
}

/** A label or guidance text in both languages; true when it is one. */
function checkLabel(label: unknown, field: string, report: Report): boolean {
  for (const language of ['id', 'en'] as const) {
    if (!isObject(label) || typeof label[language] !== 'string' || !(label[language] as string).trim()) {
      report(
        field,
        'text',
        {},
        'Teks wajib diisi dalam Bahasa Indonesia dan Bahasa Inggris.',
        'The text is required in Bahasa Indonesia and English.',
      );
      return false;
    }
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
