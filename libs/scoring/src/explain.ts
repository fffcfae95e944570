// "Why this score": per innovation and stage, each juror's sheet score, its z-adjusted value, the trimmed
// values, the stage score and the weight it carried, then the final score — all from the same computation
// as `rank`.

import { keepsRawScores, trimBounds } from './aggregate';
import { computeRanking } from './rank';
import { type ScoreTable, computeScores, groupSheetsOf, reachedStage, stageScoreOf } from './stage-scores';
import type { Aggregation } from './types';
import { compareIds } from './util';
import { prepare } from './validate';

export interface SheetExplanation {
  juror: string;
  /** The sheet score r, unrounded. */
  score: number;
  /** Under `zscore`: the value that entered the mean (equal to `score` when the juror keeps raw scores); else null. */
  adjusted: number | null;
  /** Under `zscore`: the juror's sheets, mean and SD in the stage (all categories), and whether raw scores were kept. */
  jurorScale: { sheets: number; mean: number; sd: number; keptRaw: boolean } | null;
  /** Under `trimmed_mean`: whether this sheet was among the k lowest or k highest values dropped. */
  trimmed: boolean;
}

export interface StageExplanation {
  stage: string;
  /** `'given'` for a DESIGN §4.10 given stage: its score came from the input's `given` list (no sheets). */
  aggregation: Aggregation | 'given';
  /** k for `trimmed_mean`, else null. */
  trim: number | null;
  /** Under `zscore`: mean and population SD of all the stage's sheet scores (all categories). */
  stageScale: { mean: number; sd: number } | null;
  /** The innovation's sheets in this stage, by juror id. */
  sheets: SheetExplanation[];
  /** The rounded stage score; null without sheets. */
  score: number | null;
  /** The stage weight, and its share Ws / Σ Ws of the final score (0 for an unweighted stage). */
  weight: number;
  share: number;
}

export interface Explanation {
  submission: string;
  category: string;
  /** Present (true) only for a DESIGN §4.11 excluded submission: its sheets count in the statistics, it has no rank. */
  excluded?: true;
  /** Null when unranked (a weighted stage score is missing) or excluded. */
  rank: number | null;
  final: number | null;
  band: string | null;
  reachedStage: string | null;
  /** Every input stage, in input order. */
  stages: StageExplanation[];
}

/** Explains every innovation's score (ordered by submission id). Throws {@link ScoringInputError} on invalid input. */
export function explain(input: unknown): Explanation[] {
  const table = computeScores(prepare(input));
  const { finals, ranks, bands } = computeRanking(table);
  const { submissions, stages } = table.prepared;
  const weightTotal = stages.reduce((sum, st) => sum + st.weight, 0);
  return submissions
    .map((s, i): Explanation => ({
      submission: s.id,
      category: s.category,
      ...(s.excluded ? { excluded: true as const } : {}),
      rank: ranks[i] || null,
      final: Number.isNaN(finals[i]) ? null : finals[i],
      band: bands[i],
      reachedStage: reachedStage(table, i),
      stages: stages.map((_, st) => explainStage(table, st, i, weightTotal)),
    }))
    .sort((a, b) => compareIds(a.submission, b.submission));
}

function explainStage(table: ScoreTable, s: number, submission: number, weightTotal: number): StageExplanation {
  const { prepared, sheetScores, sheetValues } = table;
  const stage = prepared.stages[s];
  const zscale = table.zscales[s];
  const trimming = stage.aggregation === 'trimmed_mean';

  // Which sheets were trimmed: the k lowest and k highest values (ties by juror id), none when n ≤ 2k.
  const sheetIds = Array.from(groupSheetsOf(prepared, s, submission));
  const byValue = [...sheetIds].sort(
    (a, b) =>
      sheetValues[a] - sheetValues[b] || compareIds(prepared.jurors[prepared.sheetJuror[a]], prepared.jurors[prepared.sheetJuror[b]]),
  );
  const [from, to] = trimBounds(byValue.length, stage.trim);
  const trimmed = new Set(trimming ? [...byValue.slice(0, from), ...byValue.slice(to)] : []);

  const sheets = sheetIds
    .map((i): SheetExplanation => {
      const juror = zscale?.jurors.get(prepared.sheetJuror[i]);
      return {
        juror: prepared.jurors[prepared.sheetJuror[i]],
        score: sheetScores[i],
        adjusted: zscale ? sheetValues[i] : null,
        jurorScale: juror ? { sheets: juror.n, mean: juror.mean, sd: juror.sd, keptRaw: keepsRawScores(juror) } : null,
        trimmed: trimmed.has(i),
      };
    })
    .sort((a, b) => compareIds(a.juror, b.juror));

  return {
    stage: stage.key,
    aggregation: stage.given ? 'given' : stage.aggregation,
    trim: trimming ? stage.trim : null,
    stageScale: zscale ? { mean: zscale.stage.mean, sd: zscale.stage.sd } : null,
    sheets,
    score: stageScoreOf(table, s, submission),
    weight: stage.weight,
    share: stage.weight > 0 ? stage.weight / weightTotal : 0,
  };
}
