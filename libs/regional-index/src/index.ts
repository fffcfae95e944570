// @app/regional-index — the DESIGN §4b regional innovation index (IID) contract: pure functions over plain
// data (no Nest, TypeORM or BullMQ). Reuses @app/scoring's rounding, digest, bands and id order.

export type {
  AnswerInput,
  Basis,
  IndexBlock,
  IndexInput,
  IndexMethod,
  IndexOutput,
  IndexRow,
  IndexTieBreak,
  IndicatorInput,
  OptionInput,
  RegionInnovationInput,
  RegionInput,
  Scope,
  StepInput,
} from './types';
export { BASES, INDEX_TIE_BREAKS, SCOPES } from './types';
export { computeIndex, stepScore } from './compute';
export { IndexAnswerTable, streamIndexSnapshot, type IndexInputHead, type IndexSnapshotStream } from './answer-table';
export { DEFAULT_BASIS, DEFAULT_INDEX_DECIMALS, DEFAULT_INDEX_TIE_BREAK, DEFAULT_MIN_INNOVATIONS, prepareIndex } from './validate';
export {
  answerOfRow,
  createIndexSnapshot,
  createIndexSnapshotFromRows,
  isIndexSnapshot,
  verifyIndexSnapshot,
  type AnswerRow,
  type IndexSnapshot,
  type IndexSnapshotText,
  type PublishedIndexSnapshot,
} from './snapshot';
// Building blocks of an index edition: the framework as data (default: IID 2023 shape), its validation,
// a region's self-assessment completeness, and validator assignment.
export * from './domain';
