/**
 * Region tags select regions across kinds for award groups and index groups: `daerah_tertinggal`,
 * `perbatasan`, `kepulauan` (DOMAIN.md). A tag is lower-case snake case, 2–40 characters.
 */
export const REGION_TAG_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/** Tags the platform knows labels for; others are allowed and shown by their key. */
export const KNOWN_REGION_TAGS = ['daerah_tertinggal', 'perbatasan', 'kepulauan'] as const;

/** Names of the known tags, as IGA names its region awards (Daerah Tertinggal Terinovatif …). */
export const REGION_TAG_LABELS: Readonly<Record<(typeof KNOWN_REGION_TAGS)[number], { id: string; en: string }>> = {
  daerah_tertinggal: { id: 'Daerah Tertinggal', en: 'Disadvantaged regions' },
  perbatasan: { id: 'Daerah Perbatasan', en: 'Border regions' },
  kepulauan: { id: 'Daerah Kepulauan', en: 'Island regions' },
};

/** A tag's name in Bahasa Indonesia and English; an unknown tag is named by its key. */
export function regionTagLabel(tag: string): { id: string; en: string } {
  return (REGION_TAG_LABELS as Record<string, { id: string; en: string }>)[tag] ?? { id: tag, en: tag };
}

/** The tags as stored: validated, unique, sorted. Returns the first invalid tag instead when there is one. */
export function normalizeRegionTags(tags: readonly string[]): { tags: string[] } | { invalid: string } {
  const out = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim();
    if (!REGION_TAG_PATTERN.test(tag)) return { invalid: raw };
    out.add(tag);
  }
  return { tags: [...out].sort() };
}

/** A CSV cell of tags, separated by `|` or spaces ("daerah_tertinggal|perbatasan"); empty = no tags. */
export function parseRegionTagCell(cell: string): { tags: string[] } | { invalid: string } {
  return normalizeRegionTags(cell.split(/[|\s]+/).filter(Boolean));
}
