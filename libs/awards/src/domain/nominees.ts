/**
 * Who a region award nominates (issue 17): the best regions of a published index by their verified IID, the
 * top N of each category and of each award group, ties at the cut-off included. Plain data in, plain data out.
 */

/** A region as the index published it, with the tags the directory gives it. */
export interface IndexedRegion {
  id: string;
  name: string;
  kind: string;
  tags: readonly string[];
  /** The verified block of the index (DESIGN §4b): iid, sid, spd and the counted innovations. */
  iid: number;
  sid: number;
  spd: number;
  innovations: number;
}

/** Regions of these kinds (any kind when empty) carrying one of these tags (any when empty); both empty: nobody. */
export interface Selector {
  regionKinds: readonly string[];
  regionTags?: readonly string[];
}

export interface AwardCategory extends Selector {
  key: string;
}

export interface AwardGroup extends Selector {
  key: string;
  nominees: number;
}

export type IndexTieBreak = 'sid' | 'spd' | 'innovations';

export interface Nominee {
  regionId: string;
  /** The first category (plan order) whose selector takes the region: where it is ranked. */
  category: string;
  /** Every award group whose selector takes the region (whether or not it was nominated through it). */
  groups: string[];
  /** The categories and groups whose top N it made. */
  nominatedBy: string[];
  /** Its rank by the index within each selection it made. */
  indexRanks: Record<string, number>;
}

export interface Nomination {
  nominees: Nominee[];
  /** Regions in a group's top N that no category takes (they cannot be ranked): listed, not entered. */
  withoutCategory: string[];
}

export function selects(selector: Selector, region: Pick<IndexedRegion, 'kind' | 'tags'>): boolean {
  const kinds = selector.regionKinds;
  const tags = selector.regionTags ?? [];
  if (!kinds.length && !tags.length) return false;
  return (!kinds.length || kinds.includes(region.kind)) && (!tags.length || tags.some((t) => region.tags.includes(t)));
}

/**
 * Competition ranks (1, 2, 2, 4) by verified IID, then the index's tie-break (higher sid / spd, more
 * innovations), as DESIGN §4b rule 4 ranks within a group; rows in rank order, then region id.
 */
export function rankByIndex<R extends IndexedRegion>(
  regions: readonly R[],
  tieBreak: readonly IndexTieBreak[],
): { region: R; rank: number }[] {
  const compare = (a: R, b: R): number => {
    if (a.iid !== b.iid) return b.iid - a.iid;
    for (const key of tieBreak) if (a[key] !== b[key]) return b[key] - a[key];
    return 0;
  };
  const sorted = [...regions].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: { region: R; rank: number }[] = [];
  sorted.forEach((region, i) => {
    const previous = ranked[i - 1];
    ranked.push({ region, rank: previous && compare(previous.region, region) === 0 ? previous.rank : i + 1 });
  });
  return ranked;
}

/** The top `n` of the selection, a region tied with the n-th included. */
export function topWithTies<R extends IndexedRegion>(
  regions: readonly R[],
  n: number,
  tieBreak: readonly IndexTieBreak[],
): { region: R; rank: number }[] {
  return rankByIndex(regions, tieBreak).filter((r) => r.rank <= n);
}

/** The nominees of every category (`perCategory` each) and group (its `nominees`), in region id order. */
export function nominate(
  regions: readonly IndexedRegion[],
  categories: readonly AwardCategory[],
  groups: readonly AwardGroup[],
  perCategory: number,
  tieBreak: readonly IndexTieBreak[],
): Nomination {
  const made = new Map<string, { by: string[]; ranks: Record<string, number> }>();
  const take = (key: string, selector: Selector, n: number, only?: (r: IndexedRegion) => boolean) => {
    for (const { region, rank } of topWithTies(
      regions.filter((r) => selects(selector, r) && (!only || only(r))),
      n,
      tieBreak,
    )) {
      const entry = made.get(region.id) ?? { by: [], ranks: {} };
      entry.by.push(key);
      entry.ranks[key] = rank;
      made.set(region.id, entry);
    }
  };
  const categoryOf = (r: IndexedRegion) => categories.find((c) => selects(c, r))?.key ?? null;
  // A category ranks only the regions it takes first (a region counts in one category).
  for (const c of categories) take(c.key, c, perCategory, (r) => categoryOf(r) === c.key);
  for (const g of groups) take(g.key, g, g.nominees);
  const nominees: Nominee[] = [];
  const withoutCategory: string[] = [];
  for (const region of [...regions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const entry = made.get(region.id);
    if (!entry) continue;
    const category = categoryOf(region);
    if (category === null) {
      withoutCategory.push(region.id);
      continue;
    }
    nominees.push({
      regionId: region.id,
      category,
      groups: groups.filter((g) => selects(g, region)).map((g) => g.key),
      nominatedBy: entry.by,
      indexRanks: entry.ranks,
    });
  }
  return { nominees, withoutCategory };
}
