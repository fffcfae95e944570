import type { ErrorLocale, ErrorParams, ErrorTemplate } from './error-catalog';

/**
 * Reasons the system writes (a stage closing, the advance rule, a screening default), stored as a code and its
 * parameters next to the English text of older rows, and rendered in Bahasa Indonesia or English by the API
 * (`Accept-Language`) and the web app alike. A reason a person wrote (a screener, a forced close) has no code.
 * The English templates reproduce the texts stored before codes existed.
 */
export const REASON_CATALOG = {
  CUTOFF_NO_SCORE: { id: 'tidak ada nilai pada tahap ini', en: 'no score in this stage' },
  CUTOFF_TOP_WITHIN: {
    id: 'peringkat {rank} dari {count} di {category}, masuk {n} besar',
    en: 'rank {rank} of {count} in {category}, within the top {n}',
  },
  CUTOFF_TOP_OUTSIDE: {
    id: 'peringkat {rank} dari {count} di {category}, di luar {n} besar',
    en: 'rank {rank} of {count} in {category}, outside the top {n}',
  },
  CUTOFF_THRESHOLD_MEETS: {
    id: 'nilai {score} memenuhi ambang {min} (peringkat {rank} dari {count} di {category})',
    en: 'score {score} meets threshold {min} (rank {rank} of {count} in {category})',
  },
  CUTOFF_THRESHOLD_BELOW: {
    id: 'nilai {score} di bawah ambang {min} (peringkat {rank} dari {count} di {category})',
    en: 'score {score} below threshold {min} (rank {rank} of {count} in {category})',
  },
  STAGE_SUBMITTED_ON_TIME: { id: 'diajukan sebelum batas waktu', en: 'submitted before the deadline' },
  STAGE_PASSED: { id: 'lolos tahap {stage}', en: 'passed {stage}' },
  STAGE_NOT_DECIDED: { id: 'belum diputuskan saat tahap ditutup ({reason})', en: 'not decided before the stage closed ({reason})' },
  STAGE_NO_SHEET: { id: 'tidak ada lembar nilai terkirim pada tahap ini', en: 'no submitted score sheet in this stage' },
  STAGE_SCORED: { id: 'nilai {score}', en: 'score {score}' },
  SCREENING_PASSED: { id: 'lolos pemeriksaan administrasi', en: 'administrative screening passed' },
  SCREENING_CHANGED_TO_PASS: { id: 'keputusan pemeriksaan diubah menjadi lolos', en: 'screening decision changed to pass' },
} as const satisfies Record<string, ErrorTemplate>;

export type ReasonCode = keyof typeof REASON_CATALOG;

/** A system reason: its code and parameters (numbers stay numbers, formatted per language when rendered). */
export interface CodedReason {
  code: ReasonCode;
  params: ErrorParams;
}

const NUMBER_LOCALE = { id: 'id-ID', en: 'en-US' } as const;

/** A coded reason in `locale` (numbers with the locale's decimal mark), or undefined for an unknown code. */
export function reasonText(
  code: string | null | undefined,
  params: ErrorParams | null | undefined,
  locale: ErrorLocale,
): string | undefined {
  const template = code ? (REASON_CATALOG as Record<string, ErrorTemplate>)[code] : undefined;
  if (!template) return undefined;
  return template[locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    return value === undefined
      ? '…'
      : typeof value === 'number'
        ? value.toLocaleString(NUMBER_LOCALE[locale], { maximumFractionDigits: 10, useGrouping: false })
        : String(value);
  });
}

/** The English text stored beside the code (what rows without a code hold), so every row reads without the catalog. */
export function reasonFallback(reason: CodedReason): string {
  return reasonText(reason.code, reason.params, 'en')!;
}

/** The columns a reason is stored in: a person's text as is; a system reason as its code, parameters and English text. */
export function reasonColumns(reason: string | CodedReason | null): {
  reason: string | null;
  reasonCode: ReasonCode | null;
  reasonParams: ErrorParams | null;
} {
  if (reason === null || typeof reason === 'string') return { reason, reasonCode: null, reasonParams: null };
  return { reason: reasonFallback(reason), reasonCode: reason.code, reasonParams: reason.params };
}

/** A stored reason in `locale`: the coded one rendered, else the stored text (a person's words, or an older row). */
export function storedReasonText(
  row: { reason: string | null; reasonCode?: string | null; reasonParams?: ErrorParams | null },
  locale: ErrorLocale,
): string | null {
  return reasonText(row.reasonCode, row.reasonParams, locale) ?? row.reason;
}
