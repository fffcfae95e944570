import type { IndexPublicRegion, IndexRow } from '../../api/indexes';

export interface VariableBars {
  labels: string[];
  /** Percent of each variable's maximum. */
  self: number[];
  verified: number[];
  selfLabel: string;
  verifiedLabel: string;
  axis: string;
  summary: string;
}

export interface Distribution {
  /** Region names, best first. */
  labels: string[];
  values: number[];
  /** The index of the marked region (-1: not in the list). */
  marked: number;
  label: string;
  axis: string;
  summary: string;
}

/** Share of a maximum as a percentage with one decimal (0 when the maximum is 0). */
export const percentOf = (value: number, max: number) => (max > 0 ? Math.round((value / max) * 1000) / 10 : 0);

/** The variable chart's data: self and verified as a percentage of each variable's maximum, and a sentence for screen readers. */
export function variableBars(
  variables: IndexPublicRegion['variables'],
  lang: 'id' | 'en',
  words: { self: string; verified: string; axis: string },
): VariableBars {
  const self = variables.map((v) => percentOf(v.self, v.max));
  const verified = variables.map((v) => percentOf(v.verified, v.max));
  const labels = variables.map((v) => v.label[lang]);
  return {
    labels,
    self,
    verified,
    selfLabel: words.self,
    verifiedLabel: words.verified,
    axis: words.axis,
    summary: labels.map((l, i) => `${l}: ${words.self} ${self[i]} %, ${words.verified} ${verified[i]} %`).join('; '),
  };
}

/** The category's verified IIDs in rank order with the region marked. */
export function distributionOf(rows: readonly IndexRow[], regionId: string): Pick<Distribution, 'labels' | 'values' | 'marked'> {
  return {
    labels: rows.map((r) => r.name ?? r.region),
    values: rows.map((r) => r.verified.iid),
    marked: rows.findIndex((r) => r.region === regionId),
  };
}
