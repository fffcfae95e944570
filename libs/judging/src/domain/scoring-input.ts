import type { Aggregation, GivenInput, GivenStageInput, ScoringInput, SheetInput, StageInput } from '@app/scoring';

/** The parts of a competition plan the scoring contract needs (structurally the competitions plan). */
export interface PlanForScoring {
  stages: readonly {
    key: string;
    weight: number;
    rubric: readonly { key: string; weight: number; min: number; max: number }[];
    aggregation: string;
    trim?: number;
    given?: boolean;
  }[];
  bands: readonly { label: string; min: number }[];
  tieBreak: readonly string[];
}

export interface SubmissionForScoring {
  id: string;
  category: string;
  submittedAt: Date | null;
  /** DESIGN §4.11: its sheets stay in every statistic, but it is not ranked (disqualified after judging). */
  excluded?: boolean;
}

/**
 * The innovation statuses whose submitted sheets count in a stage's statistics: in the running, eliminated
 * along the way, or disqualified after being judged (withdrawal is only possible before judging, so a
 * withdrawn innovation has no sheets). Closing a stage and ranking take their sheets from the same
 * innovations, so the stage score stored at the close is the one the ranking uses. Issue 18 item 4.
 */
export const STATUSES_IN_STATISTICS = ['submitted', 'eliminated', 'disqualified'] as const;

/** A disqualified innovation keeps its sheets in the statistics but is not ranked (DESIGN §4.11). */
export function excludedFromRanking(status: string): boolean {
  return status === 'disqualified';
}

/**
 * The DESIGN §4 input for a competition: its scored stages (those with a rubric) with their weights,
 * rubrics and per-stage aggregation, its bands and tie-break, the innovations and the submitted sheets.
 * Given stages (DESIGN §4 rule 10, a region award's index score) enter as `{key, weight, given: true}` with
 * `opts.given` as the input's `given` list; a plan without them gives an input without `given` (as before).
 * `aggregation` overrides every stage's method (for the organizer's "what if" preview). An `excluded`
 * submission enters as `"excluded": true`; the others carry no such field (their input is as before).
 */
export function scoringInputFor(
  plan: PlanForScoring,
  submissions: readonly SubmissionForScoring[],
  sheets: readonly SheetInput[],
  opts: { aggregation?: string; decimals?: number; given?: readonly GivenInput[] } = {},
): ScoringInput {
  const stages = plan.stages
    .filter((s) => s.rubric.length > 0 || s.given === true)
    .map((s): StageInput | GivenStageInput =>
      s.given === true
        ? { key: s.key, weight: s.weight, given: true }
        : {
            key: s.key,
            weight: s.weight,
            criteria: s.rubric.map((c) => ({ key: c.key, weight: c.weight, min: c.min, max: c.max })),
            aggregation: (opts.aggregation ?? s.aggregation) as Aggregation,
            ...(s.trim !== undefined ? { trim: s.trim } : {}),
          },
    );
  const given = plan.stages.some((s) => s.given === true) ? { given: [...(opts.given ?? [])] } : {};
  return {
    method: { aggregation: 'mean', decimals: opts.decimals ?? 4, ...(plan.tieBreak.length ? { tieBreak: [...plan.tieBreak] } : {}) },
    stages,
    bands: plan.bands.map((b) => ({ label: b.label, min: b.min })),
    submissions: submissions.map((s) => ({
      id: s.id,
      category: s.category,
      ...(s.submittedAt ? { submittedAt: s.submittedAt.toISOString() } : {}),
      ...(s.excluded ? { excluded: true } : {}),
    })),
    sheets: [...sheets],
    ...given,
  };
}
