import { rank, type RankedRow, type ScoringInput } from '@app/scoring';

/**
 * An award group's section of a published ranking (issue 17), derived from the snapshot's own input: the
 * group's members ranked together whatever their category, everyone else excluded by DESIGN §4 rule 11 — so
 * every statistic (z-scores span the whole competition) and every score stays the one of the snapshot, and
 * anyone can recompute the section with `cli rank` from the verified input.
 */
export function groupRankingInput(input: ScoringInput, members: ReadonlySet<string>, group: string): ScoringInput {
  return {
    ...input,
    submissions: input.submissions.map((s) => (members.has(s.id) && !s.excluded ? { ...s, category: group } : { ...s, excluded: true })),
  };
}

/** The ranked rows of the group (members without every weighted stage score stay unranked, as in the snapshot). */
export function groupRanking(input: ScoringInput, members: ReadonlySet<string>, group: string): RankedRow[] {
  return rank(groupRankingInput(input, members, group)).categories[group] ?? [];
}
