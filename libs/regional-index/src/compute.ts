// DESIGN §4b rules 3–5: each region's spd, sid and iid under both bases, the ranking per category and per
// group, and the output.

import { bandFor, compareIds, defineKey, roundScore } from '@app/scoring';
import { indexDigest } from './digest';
import { BASES, type Basis, type IndexBlock, type IndexOutput, type IndexRow } from './types';
import { type PreparedIndex, type PreparedStep, type ScoreTables, prepareIndex } from './validate';

/**
 * Computes the regional innovation index (DESIGN §4b) and returns exactly the contract's output JSON shape.
 * Throws {@link ScoringInputError} (from @app/scoring) for invalid input. The input is not modified.
 */
export function computeIndex(input: unknown): IndexOutput {
  const prepared = prepareIndex(input);
  return indexOutput(prepared, indexDigest(input));
}

/** The output of a validated input whose digest is known (a snapshot computes it from the text it stores). */
export function indexOutput(prepared: PreparedIndex, inputsDigest: string): IndexOutput {
  return toOutput(prepared, regionBlocks(prepared), inputsDigest);
}

/** Per region (input order), its rounded block under each basis. */
export type RegionBlocks = readonly Readonly<Record<Basis, IndexBlock>>[];

/** Every region's spd, sid and iid (rule 3), rounded, with its band. */
export function regionBlocks(prepared: PreparedIndex): RegionBlocks {
  const counted: Record<Basis, number[][]> = { self: prepared.regions.map(() => []), verified: prepared.regions.map(() => []) };
  prepared.innovations.forEach((innovation, i) => {
    counted.self[innovation.region].push(i);
    if (innovation.eligible) counted.verified[innovation.region].push(i);
  });
  return prepared.regions.map((_, r) => {
    const blocks = {} as Record<Basis, IndexBlock>;
    for (const basis of BASES) blocks[basis] = block(prepared, r, counted[basis][r], basis);
    return blocks;
  });
}

/** One region under one basis; `counted` are its counted innovations in `innovations` order. */
function block(prepared: PreparedIndex, region: number, counted: readonly number[], basis: Basis): IndexBlock {
  const { byScope, decimals } = prepared;
  const n = counted.length;
  const spd = ownerSum(prepared.regionScores, basis, region, byScope.region.length, 0);
  let innovationSum = 0;
  for (const innovation of counted)
    innovationSum = ownerSum(prepared.innovationScores, basis, innovation, byScope.innovation.length, innovationSum);
  let countSum = 0;
  for (const indicator of byScope.count) countSum += stepScore(indicator.steps, n);
  const sid = innovationSum / Math.max(prepared.minInnovations, n) + countSum;
  const iid = roundScore((100 * (spd + sid)) / prepared.max, decimals);
  return { iid, band: bandFor(prepared.bands, iid), spd: roundScore(spd, decimals), sid: roundScore(sid, decimals), innovations: n };
}

/** Adds an owner's answer scores to `total`, one at a time in indicator order (unanswered slots hold 0). */
function ownerSum(tables: ScoreTables, basis: Basis, owner: number, slots: number, total: number): number {
  const scores = tables[basis];
  for (let s = owner * slots, end = s + slots; s < end; s++) total += scores[s];
  return total;
}

/** The score of the step with the greatest `min` ≤ n; 0 when none applies. */
export function stepScore(steps: readonly PreparedStep[], n: number): number {
  let best: PreparedStep | undefined;
  for (const step of steps) if (step.min <= n && (best === undefined || step.min > best.min)) best = step;
  return best?.score ?? 0;
}

/** Compares two regions' basis blocks: iid descending, then the tie-breaks; 0 means a shared rank. */
function comparator(prepared: PreparedIndex, blocks: RegionBlocks): (a: number, b: number) => number {
  const { basis, tieBreak } = prepared;
  return (a, b) => {
    const x = blocks[a][basis];
    const y = blocks[b][basis];
    if (x.iid !== y.iid) return y.iid - x.iid;
    for (const key of tieBreak) if (x[key] !== y[key]) return y[key] - x[key];
    return 0;
  };
}

/** The regions of one category or group as rows: ordered by rank, then region id; competition ranks. */
function rankedRows(
  prepared: PreparedIndex,
  blocks: RegionBlocks,
  members: number[],
  compare: (a: number, b: number) => number,
): IndexRow[] {
  const { regions } = prepared;
  members.sort((a, b) => compare(a, b) || compareIds(regions[a].id, regions[b].id));
  const rows: IndexRow[] = [];
  members.forEach((r, k) => {
    const rank = k > 0 && compare(members[k - 1], r) === 0 ? rows[k - 1].rank : k + 1;
    rows.push({ rank, region: regions[r].id, self: blocks[r].self, verified: blocks[r].verified });
  });
  return rows;
}

function toOutput(prepared: PreparedIndex, blocks: RegionBlocks, digest: string): IndexOutput {
  const categories = new Map<string, number[]>();
  const groups = new Map<string, number[]>();
  const join = (map: Map<string, number[]>, key: string, r: number) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  prepared.regions.forEach((region, r) => {
    join(categories, region.category, r);
    for (const group of region.groups) join(groups, group, r);
  });
  const compare = comparator(prepared, blocks);
  const table = (map: Map<string, number[]>) => {
    const out: Record<string, IndexRow[]> = {};
    for (const key of [...map.keys()].sort(compareIds)) defineKey(out, key, rankedRows(prepared, blocks, map.get(key)!, compare));
    return out;
  };
  return { inputsDigest: digest, max: roundScore(prepared.max, prepared.decimals), categories: table(categories), groups: table(groups) };
}
