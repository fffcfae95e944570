/**
 * Published snapshots never name jurors: each juror becomes `J01`, `J02`, … in the order of their ids, so
 * the same competition always gets the same aliases and anyone can still recompute the ranking.
 */
export function jurorAliases(jurorIds: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(jurorIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(2, String(sorted.length).length);
  return new Map(sorted.map((id, i) => [id, `J${String(i + 1).padStart(width, '0')}`]));
}
