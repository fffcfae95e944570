// DESIGN §4.2: the aggregations of sheet scores into a stage score. Every function here takes values sorted
// ascending (so that the float sums do not depend on the order of the sheets) and a count `n`, so that the
// hot loop can reuse one buffer.

import type { Aggregation } from './types';

/** σj below this is treated as zero: the juror keeps raw scores. */
export const ZSCORE_MIN_SD = 1e-9;

/** Mean of `sorted[from..to)`. */
export function mean(sorted: ArrayLike<number>, from = 0, to = sorted.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += sorted[i];
  return sum / (to - from);
}

/** Median of the first `n` values; the mean of the middle two when `n` is even. */
export function median(sorted: ArrayLike<number>, n = sorted.length): number {
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The kept range [from, to) of `n` sorted values trimmed by `k` on each side: all of them when n ≤ 2k. */
export function trimBounds(n: number, k: number): readonly [number, number] {
  return n <= 2 * k ? [0, n] : [k, n - k];
}

/** Mean after dropping the `k` lowest and `k` highest of the first `n` values (plain mean when n ≤ 2k). */
export function trimmedMean(sorted: ArrayLike<number>, k: number, n = sorted.length): number {
  const [from, to] = trimBounds(n, k);
  return mean(sorted, from, to);
}

/**
 * The stage score of one innovation from its sorted sheet values. For `zscore` the values must already be
 * the adjusted ones (see {@link zAdjust}); their mean is the stage score.
 */
export function aggregateSorted(sorted: ArrayLike<number>, n: number, aggregation: Aggregation, trim: number): number {
  switch (aggregation) {
    case 'mean':
    case 'zscore':
      return mean(sorted, 0, n);
    case 'median':
      return median(sorted, n);
    case 'trimmed_mean':
      return trimmedMean(sorted, trim, n);
  }
}

/** Count, mean and population standard deviation. */
export interface Spread {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
}

/** Mean and population SD of `values` (summed in ascending order, so independent of the input order). */
export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { n, mean: NaN, sd: NaN };
  const m = mean(sorted);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - m) * (sorted[i] - m);
  return { n, mean: m, sd: Math.sqrt(squares / n) };
}

/** A juror with fewer than 2 sheets in the stage, or σj < 1e-9, keeps raw scores under `zscore`. */
export function keepsRawScores(juror: Spread): boolean {
  return juror.n < 2 || juror.sd < ZSCORE_MIN_SD;
}

/** One sheet under `zscore`: clamp(μS + σS·(r − μj)/σj, 0, 100), or `r` itself when the juror keeps raw scores. */
export function zAdjust(r: number, juror: Spread, stage: Spread): number {
  if (keepsRawScores(juror)) return r;
  const adjusted = stage.mean + (stage.sd * (r - juror.mean)) / juror.sd;
  return Math.min(100, Math.max(0, adjusted));
}

/** Sorts the first `n` values of `buf` ascending in place (insertion sort: the groups are small). */
export function sortPrefix(buf: Float64Array, n: number): void {
  if (n > 32) {
    buf.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = buf[i];
    let j = i - 1;
    while (j >= 0 && buf[j] > v) {
      buf[j + 1] = buf[j];
      j--;
    }
    buf[j + 1] = v;
  }
}
