// DESIGN §4.1–4.2, 4.4 and 4.10: sheet scores → (z-adjusted) values → rounded stage score per innovation and
// stage; a given stage's scores come rounded from the input's `given` list. Excluded submissions (§4.11) are
// computed like any other, so their sheets count in every statistic. This is the one computation shared by
// rank, explain, the juror report and stage cut-offs.

import { type Spread, aggregateSorted, sortPrefix, spread, zAdjust } from './aggregate';
import { roundScore } from './rounding';
import { sheetScore } from './sheet';
import { compareIds, defineKey } from './util';
import { type PreparedInput, prepare } from './validate';

/** Under `zscore`: the spread of all the stage's sheet scores and of each juror's (keyed by juror index). */
export interface ZscoreScale {
  readonly stage: Spread;
  readonly jurors: ReadonlyMap<number, Spread>;
}

export interface ScoreTable {
  readonly prepared: PreparedInput;
  /** The raw sheet score r of each sheet, in input order. */
  readonly sheetScores: Float64Array;
  /** What each sheet contributes to its stage score: the z-adjusted score in a `zscore` stage, else r. */
  readonly sheetValues: Float64Array;
  /** Per stage: its z-scale when the stage aggregates by `zscore`, else null. */
  readonly zscales: readonly (ZscoreScale | null)[];
  /** Rounded stage score per (stage · submissions + submission); NaN when the innovation has no sheet (or given score) there. */
  readonly stageScores: Float64Array;
}

/** Computes every sheet score and every rounded stage score of a prepared input. */
export function computeScores(prepared: PreparedInput): ScoreTable {
  const { input, stages, sheetStage, groupStart, groupSheets, decimals } = prepared;
  const submissionCount = prepared.submissions.length;
  const sheetCount = sheetStage.length;

  const sheetScores = new Float64Array(sheetCount);
  for (let i = 0; i < sheetCount; i++) sheetScores[i] = sheetScore(stages[sheetStage[i]], input.sheets[i].scores);

  const sheetValues = sheetScores.slice();
  const zscales = stages.map((stage, s) => (stage.aggregation === 'zscore' ? zscoreStage(prepared, s, sheetScores, sheetValues) : null));

  const stageScores = new Float64Array(stages.length * submissionCount).fill(NaN);
  let largest = 0;
  for (let g = 0; g < stageScores.length; g++) largest = Math.max(largest, groupStart[g + 1] - groupStart[g]);
  const buf = new Float64Array(largest);
  for (let s = 0; s < stages.length; s++) {
    const { aggregation, trim } = stages[s];
    for (let g = s * submissionCount; g < (s + 1) * submissionCount; g++) {
      const n = groupStart[g + 1] - groupStart[g];
      if (n === 0) continue;
      for (let k = 0; k < n; k++) buf[k] = sheetValues[groupSheets[groupStart[g] + k]];
      sortPrefix(buf, n);
      stageScores[g] = roundScore(aggregateSorted(buf, n, aggregation, trim), decimals);
    }
  }
  const { givenGroup, givenScore } = prepared;
  for (let k = 0; k < givenGroup.length; k++) stageScores[givenGroup[k]] = roundScore(givenScore[k], decimals);
  return { prepared, sheetScores, sheetValues, zscales, stageScores };
}

/** Computes a `zscore` stage's scale and writes the adjusted value of each of its sheets into `sheetValues`. */
function zscoreStage(prepared: PreparedInput, s: number, sheetScores: Float64Array, sheetValues: Float64Array): ZscoreScale {
  const sheets = stageSheets(prepared, s);
  const byJuror = new Map<number, number[]>();
  for (const i of sheets) {
    const juror = prepared.sheetJuror[i];
    const list = byJuror.get(juror);
    if (list) list.push(sheetScores[i]);
    else byJuror.set(juror, [sheetScores[i]]);
  }
  const stage = spread(Array.from(sheets, (i) => sheetScores[i]));
  const jurors = new Map([...byJuror].map(([juror, scores]) => [juror, spread(scores)]));
  for (const i of sheets) sheetValues[i] = zAdjust(sheetScores[i], jurors.get(prepared.sheetJuror[i])!, stage);
  return { stage, jurors };
}

/** The sheet indices of stage `s`, grouped by submission. */
export function stageSheets(prepared: PreparedInput, s: number): Int32Array {
  const n = prepared.submissions.length;
  return prepared.groupSheets.subarray(prepared.groupStart[s * n], prepared.groupStart[(s + 1) * n]);
}

/** The sheet indices of one (stage, submission) group, in input order. */
export function groupSheetsOf(prepared: PreparedInput, s: number, submission: number): Int32Array {
  const g = s * prepared.submissions.length + submission;
  return prepared.groupSheets.subarray(prepared.groupStart[g], prepared.groupStart[g + 1]);
}

/** The rounded stage score of an innovation, or null when it has none (no sheet, or no given score) in that stage. */
export function stageScoreOf(table: ScoreTable, s: number, submission: number): number | null {
  const score = table.stageScores[s * table.prepared.submissions.length + submission];
  return Number.isNaN(score) ? null : score;
}

/** `{stageKey: rounded score}` for every stage the innovation has a score for, in input stage order. */
export function stageScoreRecord(table: ScoreTable, submission: number): Record<string, number> {
  const record: Record<string, number> = {};
  table.prepared.stages.forEach((stage, s) => {
    const score = stageScoreOf(table, s, submission);
    if (score !== null) defineKey(record, stage.key, score);
  });
  return record;
}

/** The last stage, in input order, for which the innovation has a stage score (sheets or given); null if none. */
export function reachedStage(table: ScoreTable, submission: number): string | null {
  const { stages } = table.prepared;
  for (let s = stages.length - 1; s >= 0; s--) if (stageScoreOf(table, s, submission) !== null) return stages[s].key;
  return null;
}

export interface StageScoreRow {
  submission: string;
  category: string;
  /** Rounded score of every stage the innovation has a score for (sheets or given), in input stage order. */
  stages: Record<string, number>;
}

/**
 * Each innovation's rounded stage scores (ordered by submission id) — what closing a single stage needs
 * before applying its advance rule: the same numbers `rank` uses. Excluded submissions (§4.11) are left out
 * (their sheets still count in the statistics). Throws {@link ScoringInputError} on invalid input.
 */
export function stageScores(input: unknown): StageScoreRow[] {
  const table = computeScores(prepare(input));
  return table.prepared.submissions
    .flatMap((s, i) => (s.excluded ? [] : [{ submission: s.id, category: s.category, stages: stageScoreRecord(table, i) }]))
    .sort((a, b) => compareIds(a.submission, b.submission));
}
