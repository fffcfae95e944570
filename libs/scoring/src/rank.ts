// DESIGN §4.3, 4.5, 4.6, 4.8 and 4.11: final scores, ranking per category with tie-breaks, bands, and the
// output, in which excluded submissions appear nowhere.

import { preparedDigest } from './digest';
import { compareInstants } from './instant';
import { roundScore } from './rounding';
import { type ScoreTable, computeScores, reachedStage, stageScoreRecord } from './stage-scores';
import type { RankOutput, RankedRow, UnrankedRow } from './types';
import { compareIds, defineKey } from './util';
import { type PreparedBand, type PreparedInput, prepare } from './validate';

export interface Ranking {
  readonly table: ScoreTable;
  /** Rounded final score per submission (input order); NaN when the innovation is unranked or excluded. */
  readonly finals: Float64Array;
  /** Competition rank within its category per submission; 0 when unranked or excluded. */
  readonly ranks: Int32Array;
  /** Band label per submission; null when unranked or no band applies. */
  readonly bands: readonly (string | null)[];
  /** Every category named by a submission (sorted) → its ranked submissions, ordered by rank then id. */
  readonly categories: ReadonlyMap<string, readonly number[]>;
}

/**
 * Ranks a scoring input (DESIGN §4) and returns exactly the contract's output JSON shape.
 * Throws {@link ScoringInputError} for invalid input. The input is not modified.
 */
export function rank(input: unknown): RankOutput {
  return rankPrepared(prepare(input));
}

/** {@link rank} of an input {@link prepare} already validated; `digest`, its inputsDigest when already taken. */
export function rankPrepared(prepared: PreparedInput, digest?: string): RankOutput {
  const ranking = computeRanking(computeScores(prepared));
  return toOutput(ranking, digest ?? preparedDigest(prepared));
}

/** Final scores, competition ranks per category and bands from a score table. */
export function computeRanking(table: ScoreTable): Ranking {
  const { prepared } = table;
  const count = prepared.submissions.length;
  const finals = new Float64Array(count);
  // An excluded submission (§4.11) is ranked nowhere: the others are ranked as if it were absent.
  for (let i = 0; i < count; i++) finals[i] = prepared.submissions[i].excluded ? NaN : finalScore(table, i);

  const ranks = new Int32Array(count);
  const compare = rankingComparator(table, finals);
  const categories = byCategory(prepared, finals);
  for (const members of categories.values()) {
    members.sort((a, b) => compare(a, b) || compareIds(prepared.submissions[a].id, prepared.submissions[b].id));
    members.forEach((sub, k) => {
      ranks[sub] = k > 0 && compare(members[k - 1], sub) === 0 ? ranks[members[k - 1]] : k + 1;
    });
  }
  const bands = Array.from(finals, (f) => (Number.isNaN(f) ? null : bandFor(prepared.bands, f)));
  return { table, finals, ranks, bands, categories };
}

/**
 * F = Σ Ws·Ss / Σ Ws over the stages with weight > 0, from the rounded stage scores, then rounded;
 * NaN when a weighted stage score is missing.
 */
function finalScore(table: ScoreTable, submission: number): number {
  const { stages, decimals } = table.prepared;
  const count = table.prepared.submissions.length;
  let weighted = 0;
  let weights = 0;
  for (let s = 0; s < stages.length; s++) {
    const weight = stages[s].weight;
    if (weight <= 0) continue;
    const score = table.stageScores[s * count + submission];
    if (Number.isNaN(score)) return NaN;
    weighted += weight * score;
    weights += weight;
  }
  return roundScore(weighted / weights, decimals);
}

/** The first band, sorted by min descending (equal min: input order), with min ≤ F; null if none. */
export function bandFor(sortedBands: readonly PreparedBand[], final: number): string | null {
  return sortedBands.find((band) => band.min <= final)?.label ?? null;
}

/** Compares two ranked submissions: F descending, then the tie-breaks; 0 means a shared rank. */
function rankingComparator(table: ScoreTable, finals: Float64Array): (a: number, b: number) => number {
  const { tieBreak, submissions } = table.prepared;
  const count = submissions.length;
  return (a, b) => {
    if (finals[a] !== finals[b]) return finals[b] - finals[a];
    for (const t of tieBreak) {
      let order: number;
      if (t.kind === 'submittedAt') {
        order = compareInstants(submissions[a].submittedAt!, submissions[b].submittedAt!);
      } else {
        const sa = table.stageScores[t.stage * count + a];
        const sb = table.stageScores[t.stage * count + b];
        // higher first; an innovation without a score for the stage sorts after those with one
        order = Number.isNaN(sa) ? (Number.isNaN(sb) ? 0 : 1) : Number.isNaN(sb) ? -1 : sb - sa;
      }
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** The ranked submission indices per category, categories in id order (even those without ranked rows). */
function byCategory(prepared: PreparedInput, finals: Float64Array): Map<string, number[]> {
  const names = [...new Set(prepared.submissions.map((s) => s.category))].sort(compareIds);
  const categories = new Map(names.map((name): [string, number[]] => [name, []]));
  prepared.submissions.forEach((s, i) => {
    if (!Number.isNaN(finals[i])) categories.get(s.category)!.push(i);
  });
  return categories;
}

/** The contract's output shape: every category as a key, rows by rank then id, unranked by id; no excluded submission. */
function toOutput(ranking: Ranking, digest: string): RankOutput {
  const { table, finals, ranks, bands } = ranking;
  const { submissions } = table.prepared;
  const categories: Record<string, RankedRow[]> = {};
  for (const [category, members] of ranking.categories) {
    const rows = members.map((i): RankedRow => ({
      rank: ranks[i],
      submission: submissions[i].id,
      final: finals[i],
      band: bands[i],
      stages: stageScoreRecord(table, i),
    }));
    defineKey(categories, category, rows);
  }
  const unranked = submissions
    .flatMap((s, i): UnrankedRow[] =>
      Number.isNaN(finals[i]) && !s.excluded ? [{ submission: s.id, category: s.category, reachedStage: reachedStage(table, i) }] : [],
    )
    .sort((a, b) => compareIds(a.submission, b.submission));
  return { inputsDigest: digest, categories, unranked };
}
