import type { IndexRankings, IndexRow } from '../../api/indexes';

/** A group of the public ranking with its rows. */
export interface GroupTable {
  name: string | null;
  rows: IndexRow[];
}

/**
 * The groups of a public ranking with their rows, ordered by name. The JSON names only each member's rank in
 * the group and its region, whose row (names, scores) is in its category; the row shown carries the group rank.
 */
export function groupTables(view: Pick<IndexRankings, 'categories' | 'groups'>): [string, GroupTable][] {
  const byRegion = new Map(Object.values(view.categories).flatMap((rows) => rows.map((r) => [r.region, r] as const)));
  return Object.entries(view.groups)
    .map(([key, g]): [string, GroupTable] => [
      key,
      {
        name: g.name,
        rows: g.rows.flatMap((m) => {
          const row = byRegion.get(m.region);
          return row ? [{ ...row, rank: m.rank }] : [];
        }),
      },
    ])
    .sort((a, b) => (a[1].name ?? a[0]).localeCompare(b[1].name ?? b[0]));
}
