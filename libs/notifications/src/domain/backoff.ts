export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** No delay grows beyond this. */
  maxMs: number;
}

/** Exponential backoff with a cap: base · 2^(failures − 1), at most `maxMs`. */
export function backoffDelayMs(failures: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be a positive integer (got ${failures})`);
  // 2^52 already exceeds any sane cap; the min keeps the power finite.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 52));
}
