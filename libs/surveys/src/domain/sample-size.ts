/**
 * The sample a survey needs for a population of N service users, Krejcie & Morgan (1970):
 * s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)).
 */
export interface SampleSettings {
  /** Chi-square for 1 degree of freedom at the confidence level (3.841 for 95 %). */
  chiSquare: number;
  /** Population proportion assumed (0.5 gives the largest sample). */
  proportion: number;
  /** Margin of error. */
  margin: number;
  /**
   * `nearest` reproduces the published Krejcie–Morgan table (N=50 → 44, N=100 → 80, N=1000 → 278); `up`
   * rounds every fraction up (N=50 → 45), the more conservative reading.
   */
  rounding: 'nearest' | 'up';
}

export const DEFAULT_SAMPLE_SETTINGS: SampleSettings = { chiSquare: 3.841, proportion: 0.5, margin: 0.05, rounding: 'nearest' };

export function requiredSampleSize(population: number, settings: SampleSettings = DEFAULT_SAMPLE_SETTINGS): number {
  if (!Number.isInteger(population) || population < 1) throw new RangeError(`population must be a positive integer (got ${population})`);
  const { chiSquare: x2, proportion: p, margin: d } = settings;
  const s = (x2 * population * p * (1 - p)) / (d * d * (population - 1) + x2 * p * (1 - p));
  // Round the 10-place decimal form so 79.99999999997 and friends land where the exact value does.
  const exact = Number(s.toFixed(10));
  return Math.min(population, settings.rounding === 'up' ? Math.ceil(exact) : Math.round(exact));
}

export interface SampleAdequacy {
  population: number | null;
  required: number | null;
  responses: number;
  /** Null when the population is not known. */
  reached: boolean | null;
}

export function sampleAdequacy(
  population: number | null,
  responses: number,
  settings: SampleSettings = DEFAULT_SAMPLE_SETTINGS,
): SampleAdequacy {
  if (population === null) return { population: null, required: null, responses, reached: null };
  const required = requiredSampleSize(population, settings);
  return { population, required, responses, reached: responses >= required };
}
