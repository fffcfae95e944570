// The regional innovation index input and output of DESIGN §4b (contract). Inputs are plain JSON data;
// unknown fields are kept (they count in the digest) and otherwise ignored.

export const SCOPES = ['region', 'innovation', 'count'] as const;
export type Scope = (typeof SCOPES)[number];

export const BASES = ['self', 'verified'] as const;
/** Which answer option an index is computed from: the region's own (`self`) or the validators' (`verified`). */
export type Basis = (typeof BASES)[number];

export const INDEX_TIE_BREAKS = ['sid', 'spd', 'innovations'] as const;
export type IndexTieBreak = (typeof INDEX_TIE_BREAKS)[number];

/** `method` of the input; every field is optional (defaults: decimals 2, minInnovations 10, basis verified, sid/spd/innovations). */
export interface IndexMethod {
  decimals?: number | null;
  minInnovations?: number | null;
  basis?: Basis | null;
  tieBreak?: readonly IndexTieBreak[] | null;
}

export interface OptionInput {
  key: string;
  score: number;
}

export interface StepInput {
  /** A non-negative integer: the step applies when the region has at least `min` counted innovations. */
  min: number;
  score: number;
}

export interface IndicatorInput {
  key: string;
  scope: Scope;
  /** `region` and `innovation` indicators. */
  options?: readonly OptionInput[];
  /** `count` indicators. */
  steps?: readonly StepInput[];
}

export interface BandInput {
  label: string;
  min: number;
}

export interface RegionInput {
  id: string;
  category: string;
  groups?: readonly string[];
}

export interface RegionInnovationInput {
  id: string;
  region: string;
  /** `false`: not counted under the `verified` basis. */
  eligible?: boolean;
}

/** One answer: `region` for a `region` indicator, `innovation` for an `innovation` one. */
export interface AnswerInput {
  indicator: string;
  region?: string;
  innovation?: string;
  /** Option key chosen by the region. */
  self: string;
  /** Option key set by a validator; absent = not yet verified. */
  verified?: string;
  /**
   * Not part of the §4b math (an unknown field, kept in `inputsDigest` and the snapshot hash): the validator's
   * public note where `verified` differs from `self`, published with the index.
   */
  note?: string;
}

export interface IndexInput {
  method?: IndexMethod | null;
  indicators: readonly IndicatorInput[];
  bands?: readonly BandInput[] | null;
  regions: readonly RegionInput[];
  innovations: readonly RegionInnovationInput[];
  answers: readonly AnswerInput[];
}

/** A region's index under one basis; every number rounded to `decimals`. */
export interface IndexBlock {
  iid: number;
  band: string | null;
  spd: number;
  sid: number;
  /** n: the counted innovations. */
  innovations: number;
}

export interface IndexRow {
  rank: number;
  region: string;
  self: IndexBlock;
  verified: IndexBlock;
}

export interface IndexOutput {
  inputsDigest: string;
  max: number;
  categories: Record<string, IndexRow[]>;
  groups: Record<string, IndexRow[]>;
}
