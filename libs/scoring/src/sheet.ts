import type { PreparedStage } from './validate';

/**
 * DESIGN §4.1: `r = 100 · Σc wc·(xc − minc)/(maxc − minc) / Σc wc`, in floating point, not rounded.
 * `scores` must already be validated (every criterion present, a number within [min, max]).
 */
export function sheetScore(stage: PreparedStage, scores: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const c of stage.criteria) sum += (c.weight * (scores[c.key] - c.min)) / (c.max - c.min);
  return (100 * sum) / stage.weightSum;
}
