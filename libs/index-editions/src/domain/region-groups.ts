// The §4b `groups` of a region in an index edition: the rankings a region takes part in beside its category.

/** A region as the edition collects it: kind, parent (its province for a kabupaten/kota) and directory tags. */
export interface GroupedRegion {
  id: string;
  kind: string;
  parentId: string | null;
  tags: readonly string[];
}

/**
 * A region's groups: its province (keyed by the province's region id, so a province ranks with its
 * kabupaten and kota — the provincial rankings the edition already published), then each of its directory
 * tags (`daerah_tertinggal`, `perbatasan`, `kepulauan` …, keyed by the tag: Daerah Tertinggal Terinovatif
 * and the like rank regions of every category together). Keys never collide: ids are UUIDs, tags snake case.
 */
export function regionGroups(region: GroupedRegion): string[] {
  const province = region.kind === 'provinsi' ? region.id : region.parentId;
  return [...(province ? [province] : []), ...[...new Set(region.tags)].sort()];
}
