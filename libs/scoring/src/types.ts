// The scoring input and output of DESIGN §4 (contract). Inputs are plain JSON data; unknown fields are kept
// (they count in the digest) and otherwise ignored.

export const AGGREGATIONS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** `method` of the input; every field is optional (defaults: mean, trim 1, decimals 4, default tie-break). */
export interface ScoringMethod {
  aggregation?: Aggregation | null;
  trim?: number | null;
  decimals?: number | null;
  /** `"stage:KEY"` or `"submittedAt"` entries; absent → the weighted stages from last to first. */
  tieBreak?: readonly string[] | null;
}

export interface CriterionInput {
  key: string;
  weight: number;
  min: number;
  max: number;
}

/** A stage scored from jurors' sheets on its criteria. */
export interface StageInput {
  key: string;
  /** Weight in the final score; 0 = not scored. */
  weight: number;
  /** Absent or false: the stage is scored from sheets (DESIGN §4.10). */
  given?: false;
  criteria: readonly CriterionInput[];
  /** Overrides `method.aggregation` for this stage. */
  aggregation?: Aggregation | null;
  /** Overrides `method.trim` for this stage. */
  trim?: number | null;
}

/**
 * DESIGN §4.10: a stage whose scores are computed elsewhere (e.g. the verified index of §4b) and come from
 * the input's `given` list. It has no `criteria` field; `aggregation` and `trim` are ignored.
 */
export interface GivenStageInput {
  key: string;
  weight: number;
  given: true;
  criteria?: undefined;
  aggregation?: unknown;
  trim?: unknown;
}

export interface BandInput {
  label: string;
  min: number;
}

export interface SubmissionInput {
  id: string;
  category: string;
  /** RFC 3339 timestamp; required only when the tie-break uses `submittedAt`. */
  submittedAt?: string | null;
  /**
   * DESIGN §4.11 (e.g. disqualified after judging): its sheets stay in every statistic of the stages, but it
   * appears nowhere in the output and the others are ranked as if it were absent.
   */
  excluded?: boolean;
}

export interface SheetInput {
  stage: string;
  juror: string;
  submission: string;
  scores: Readonly<Record<string, number>>;
}

/** DESIGN §4.10: the stage score of one submission in a given stage, a number in [0, 100] (rounded per §4.4). */
export interface GivenInput {
  stage: string;
  submission: string;
  score: number;
}

export interface ScoringInput {
  method?: ScoringMethod | null;
  stages: readonly (StageInput | GivenStageInput)[];
  bands?: readonly BandInput[] | null;
  submissions: readonly SubmissionInput[];
  sheets: readonly SheetInput[];
  /** Scores of the given stages (default []). */
  given?: readonly GivenInput[] | null;
}

export interface RankedRow {
  rank: number;
  submission: string;
  final: number;
  band: string | null;
  /** Rounded score of every input stage the innovation has a score for (sheets or `given`), in input stage order. */
  stages: Record<string, number>;
}

export interface UnrankedRow {
  submission: string;
  category: string;
  /** The last stage, in input order, for which the innovation has a stage score (sheets or `given`); null if none. */
  reachedStage: string | null;
}

export interface RankOutput {
  inputsDigest: string;
  categories: Record<string, RankedRow[]>;
  unranked: UnrankedRow[];
}
