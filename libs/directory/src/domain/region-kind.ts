export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const ORGANIZATION_KINDS = ['opd', 'rsud', 'bumd', 'puskesmas', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A kabupaten or kota lies inside a province; a province has no parent. */
export function parentRuleError(kind: RegionKind, parentKind: RegionKind | null): string | null {
  if (kind === 'provinsi') return parentKind === null ? null : 'a provinsi cannot have a parent region';
  if (parentKind === null) return `a ${kind} needs a parent provinsi`;
  return parentKind === 'provinsi' ? null : `the parent of a ${kind} must be a provinsi, not a ${parentKind}`;
}
