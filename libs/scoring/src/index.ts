// @app/scoring — the DESIGN §4 scoring contract and stage cut-offs: pure functions over plain data
// (no Nest, TypeORM or BullMQ). Used by judging (closing a stage), results (previews, snapshots) and the CLI.

export type {
  Aggregation,
  BandInput,
  CriterionInput,
  GivenInput,
  GivenStageInput,
  RankOutput,
  RankedRow,
  ScoringInput,
  ScoringMethod,
  SheetInput,
  StageInput,
  SubmissionInput,
  UnrankedRow,
} from './types';
export { AGGREGATIONS } from './types';
export { ScoringInputError } from './scoring.errors';
export { rank } from './rank';
export { stageScores, type StageScoreRow } from './stage-scores';
export { canonicalJson, inputsDigest, jcsSha256, streamedDigest, type ArrayWriter, type JsonBytes, type JsonSink } from './digest';
export { roundScore, DEFAULT_DECIMALS, MAX_DECIMALS } from './rounding';
export { parseRfc3339, compareInstants, type Instant } from './instant';
export { applyAdvanceRule, type AdvanceRule, type CutoffCandidate, type CutoffDecision } from './cutoffs';
export { explain, type Explanation, type StageExplanation, type SheetExplanation } from './explain';
export { jurorReport, spearman, type JurorReport, type JurorReportRow, type JurorAgreement } from './juror-report';
export {
  createSnapshot,
  createPublishedSnapshot,
  verifySnapshot,
  verifyRecomputed,
  snapshotHash,
  type RankingSnapshot,
  type PublishedRankingSnapshot,
  type SnapshotVerification,
} from './snapshot';
// Shared with @app/regional-index (DESIGN §4b reuses §4's bands, ordering and output conventions).
export { bandFor } from './rank';
export { arrayOf, describe as describeValue, isRecord, nonEmptyString, optionalRecord, prepareBands, type PreparedBand } from './validate';
export { compareIds, defineKey } from './util';
