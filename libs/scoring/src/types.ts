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

export interface StageInput {
  key: string;
  /** Weight in the final score; 0 = not scored. */
  weight: number;
  criteria: readonly CriterionInput[];
  /** Overrides `method.aggregation` for this stage. */
  aggregation?: Aggregation | null;
  /** Overrides `method.trim` for this stage. */
  trim?: number | null;
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
}

export interface SheetInput {
  stage: string;
  juror: string;
  submission: string;
  scores: Readonly<Record<string, number>>;
}

export interface ScoringInput {
  method?: ScoringMethod | null;
  stages: readonly StageInput[];
  bands?: readonly BandInput[] | null;
  submissions: readonly SubmissionInput[];
  sheets: readonly SheetInput[];
}

export interface RankedRow {
  rank: number;
  submission: string;
  final: number;
  band: string | null;
  /** Rounded score of every input stage the innovation has sheets for, in input stage order. */
  stages: Record<string, number>;
}

export interface UnrankedRow {
  submission: string;
  category: string;
  /** The last stage, in input order, for which the innovation has sheets; null if none. */
  reachedStage: string | null;
}

export interface RankOutput {
  inputsDigest: string;
  categories: Record<string, RankedRow[]>;
  unranked: UnrankedRow[];
}
