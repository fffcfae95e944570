import { DomainError } from '@app/kernel';
import { JudgingErrorCode } from './judging.errors';

/** Spread limits on a 0–100 sheet-score scale; a spread strictly above a limit is flagged. */
export interface DisagreementThresholds {
  /** max − min of the sheet scores. */
  readonly range?: number;
  /** Population standard deviation of the sheet scores. */
  readonly standardDeviation?: number;
}

export interface DisagreementFlag {
  readonly innovationId: string;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly range: number;
  readonly standardDeviation: number;
}

export const DEFAULT_DISAGREEMENT_RANGE = 25;

/**
 * Innovations whose jurors disagree: the spread of their sheet scores exceeds a threshold (by default a range
 * above 25 points; a number is a range threshold). Innovations with fewer than two sheets are never flagged.
 * Sorted by range, then standard deviation, both descending, then by innovation id.
 */
export function flagDisagreement(
  sheetScoresByInnovation: Readonly<Record<string, readonly number[]>>,
  threshold: number | DisagreementThresholds = DEFAULT_DISAGREEMENT_RANGE,
): DisagreementFlag[] {
  const limits = typeof threshold === 'number' ? { range: threshold } : threshold;
  for (const [name, limit] of Object.entries(limits)) {
    if (limit !== undefined && !(Number.isFinite(limit) && limit >= 0)) {
      throw invalid(`the ${name} threshold must be a non-negative number`, { [name]: limit });
    }
  }
  const flags: DisagreementFlag[] = [];
  for (const [innovationId, scores] of Object.entries(sheetScoresByInnovation)) {
    if (scores.some((s) => typeof s !== 'number' || !Number.isFinite(s))) {
      throw invalid(`innovation ${innovationId} has a non-finite sheet score`, { innovationId });
    }
    if (scores.length < 2) continue;
    const spread = describe(innovationId, scores);
    const overRange = limits.range !== undefined && spread.range > limits.range;
    const overDeviation = limits.standardDeviation !== undefined && spread.standardDeviation > limits.standardDeviation;
    if (overRange || overDeviation) flags.push(spread);
  }
  return flags.sort(
    (a, b) =>
      b.range - a.range ||
      b.standardDeviation - a.standardDeviation ||
      (a.innovationId < b.innovationId ? -1 : a.innovationId > b.innovationId ? 1 : 0),
  );
}

function invalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(JudgingErrorCode.InvalidInput, message, details, 'invalid');
}

function describe(innovationId: string, scores: readonly number[]): DisagreementFlag {
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / scores.length;
  return {
    innovationId,
    count: scores.length,
    min,
    max,
    mean,
    range: max - min,
    standardDeviation: Math.sqrt(variance),
  };
}
