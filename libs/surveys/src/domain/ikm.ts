import { roundScore } from '@app/scoring';
import type { LocalizedText } from '@app/kernel';
import { ELEMENTS, ELEMENT_KEYS, type ElementKey } from './elements';

/** One response's nine answers, each an integer 1–4. */
export type Answers = Readonly<Record<ElementKey, number>>;

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface QualityBand {
  grade: Grade;
  /** Lowest converted value (25–100) of the band, inclusive, compared after rounding to `decimals`. */
  min: number;
  label: LocalizedText;
}

export interface IkmSettings {
  /** Sorted by `min` descending by {@link qualityOf}; the defaults are Permenpan RB 14/2017's intervals. */
  bands: readonly QualityBand[];
  /** Places NRR and IKM are rounded to (half away from zero), as the regulation's tables print them. */
  decimals: number;
}

export const DEFAULT_IKM_SETTINGS: IkmSettings = {
  bands: [
    { grade: 'A', min: 88.31, label: { id: 'Sangat Baik', en: 'Very good' } },
    { grade: 'B', min: 76.61, label: { id: 'Baik', en: 'Good' } },
    { grade: 'C', min: 65.0, label: { id: 'Kurang Baik', en: 'Fair' } },
    { grade: 'D', min: 25.0, label: { id: 'Tidak Baik', en: 'Poor' } },
  ],
  decimals: 2,
};

export interface ElementResult {
  key: ElementKey;
  label: LocalizedText;
  /** Nilai rata-rata (mean answer, 1–4), rounded; null without responses. */
  nrr: number | null;
  /** The NRR converted to 25–100 (× 25), rounded; null without responses. */
  converted: number | null;
  grade: Grade | null;
}

export interface IkmResult {
  responses: number;
  /** Σ NRR / 9 (1–4), rounded; null without responses. */
  index: number | null;
  /** index × 25 (25–100), the IKM as published; null without responses. */
  ikm: number | null;
  grade: Grade | null;
  label: LocalizedText | null;
  elements: ElementResult[];
  /** The element with the lowest NRR (the first in U1–U9 order on a tie); null without responses. */
  weakest: ElementKey | null;
}

/** The band of a converted value (25–100), or null when it is below every band. */
export function qualityOf(value: number, settings: IkmSettings = DEFAULT_IKM_SETTINGS): QualityBand | null {
  const rounded = roundScore(value, settings.decimals);
  return [...settings.bands].sort((a, b) => b.min - a.min).find((b) => rounded >= b.min) ?? null;
}

/**
 * The satisfaction index of a set of responses (Permenpan RB 14/2017): per element NRR = mean answer; IKM =
 * Σ NRR × 1/9, shown × 25. Computed from unrounded means; each printed value is rounded once at the end.
 */
export function computeIkm(responses: readonly Answers[], settings: IkmSettings = DEFAULT_IKM_SETTINGS): IkmResult {
  const n = responses.length;
  if (n === 0) {
    return {
      responses: 0,
      index: null,
      ikm: null,
      grade: null,
      label: null,
      elements: ELEMENTS.map((e) => ({ key: e.key, label: e.label, nrr: null, converted: null, grade: null })),
      weakest: null,
    };
  }
  const sums = ELEMENT_KEYS.map((key) => responses.reduce((s, r) => s + r[key], 0));
  const means = sums.map((s) => s / n);
  const index = means.reduce((s, m) => s + m, 0) / ELEMENTS.length;
  const band = qualityOf(index * 25, settings);
  const elements = ELEMENTS.map((e, i) => ({
    key: e.key,
    label: e.label,
    nrr: roundScore(means[i], settings.decimals),
    converted: roundScore(means[i] * 25, settings.decimals),
    grade: qualityOf(means[i] * 25, settings)?.grade ?? null,
  }));
  let weakest = 0;
  for (let i = 1; i < means.length; i++) if (means[i] < means[weakest]) weakest = i;
  return {
    responses: n,
    index: roundScore(index, settings.decimals),
    ikm: roundScore(index * 25, settings.decimals),
    grade: band?.grade ?? null,
    label: band?.label ?? null,
    elements,
    weakest: ELEMENTS[weakest].key,
  };
}
