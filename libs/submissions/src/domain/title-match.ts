/**
 * Comparing innovation titles: an exact duplicate in one edition (normalized equality) and an earlier
 * edition's entry of the same organization with the same or a similar title (its lineage). Pure code, so
 * the rule does not depend on a PostgreSQL extension (pg_trgm) being installed.
 */

/** Title compared case- and whitespace-insensitively (Unicode-normalized, trimmed, inner runs of spaces collapsed). */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLocaleLowerCase('id').replace(/\s+/gu, ' ').trim();
}

/** The title's words: normalized, punctuation dropped. */
export function titleTokens(title: string): Set<string> {
  return new Set(
    normalizeTitle(title)
      .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
      .split(/\s+/u)
      .filter(Boolean),
  );
}

/** Jaccard similarity of the two titles' word sets, 0–1 (two blank titles: 0). */
export function titleSimilarity(a: string, b: string): number {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** From this similarity on, two titles of one organization are taken for the same innovation. */
export const SIMILAR_TITLE_THRESHOLD = 0.6;

/** The same title (normalized) or a similar one (word Jaccard ≥ SIMILAR_TITLE_THRESHOLD). */
export function isSameInnovationTitle(a: string, b: string): boolean {
  if (!a.trim() || !b.trim()) return false;
  return normalizeTitle(a) === normalizeTitle(b) || titleSimilarity(a, b) >= SIMILAR_TITLE_THRESHOLD;
}

/** The candidates whose title equals `title` once normalized (the edition's duplicate-title rule). */
export function duplicateTitles<T extends { title: string }>(title: string, candidates: readonly T[]): T[] {
  const t = normalizeTitle(title);
  if (!t) return [];
  return candidates.filter((c) => normalizeTitle(c.title) === t);
}
