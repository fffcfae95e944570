import { useMemo } from 'react';
import type { RankingView } from '../../api/public';
import { useI18n } from '../../i18n/I18nContext';

/** The categories of the IGA/KIPP template, in the order the results show them; others follow by key. */
const CATEGORIES = ['kota', 'kabupaten', 'provinsi'] as const;
type KnownCategory = (typeof CATEGORIES)[number];
const isKnown = (key: string): key is KnownCategory => (CATEGORIES as readonly string[]).includes(key);

export const sortCategories = (keys: Iterable<string>): string[] =>
  [...new Set(keys)].sort(
    (a, b) =>
      (isKnown(a) ? CATEGORIES.indexOf(a) : CATEGORIES.length) - (isKnown(b) ? CATEGORIES.indexOf(b) : CATEGORIES.length) ||
      a.localeCompare(b),
  );

/** Numbers as the language writes them (92,7967 / 92.7967), scores to at most 4 decimals; category names. */
export function useFormat() {
  const { t, formatNumber } = useI18n();
  return useMemo(() => {
    return {
      number: (n: number) => formatNumber(n),
      percent: (share: number) => formatNumber(Math.round(share * 1000) / 10),
      /** The public API names categories by key only; the template's keys are translated. */
      category: (key: string) => (isKnown(key) ? t(`pub.category.${key}`) : key),
    };
  }, [formatNumber, t]);
}

/**
 * Bands ordered best first (0, 1, 2 …) for the badge colours. The public view names a row's band but not the
 * bands' minimums; a band is given to every final ≥ its minimum, so the best band holds the highest finals.
 */
export function bandTiers(categories: RankingView['categories']): Map<string, number> {
  const top = new Map<string, number>();
  for (const row of Object.values(categories).flat()) {
    if (row.band !== null) top.set(row.band, Math.max(top.get(row.band) ?? -Infinity, row.final));
  }
  return new Map([...top].sort((a, b) => b[1] - a[1]).map(([band], i) => [band, i]));
}
