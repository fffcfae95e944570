// Indonesia's provinces, kabupaten and kota with their Kemendagri codes ("32", "32.75"), loaded from a data
// package instead of typed by hand. This file decides what an import changes; reading the package is
// import/national-areas.ts, writing is the directory service.

import type { RegionKind } from './region-kind';

/** One official area: a province ("32") or a kabupaten/kota ("32.75", parent "32"). */
export interface OfficialArea {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
}

/** A region already in the directory, as the plan reads it. */
export interface KnownRegion {
  id: string;
  code: string | null;
  name: string;
  kind: RegionKind;
  parentId: string | null;
}

/** An existing region brought in line with an official area (its code, official name and parent). */
export interface AreaUpdate {
  id: string;
  area: OfficialArea;
}

export interface AreaImportPlan {
  create: OfficialArea[];
  update: AreaUpdate[];
  unchanged: number;
}

/** The package's province name as the directory names provinces: "Jawa Barat" → "Provinsi Jawa Barat". */
export function provinceName(name: string): string {
  return /^provinsi\s/i.test(name.trim()) ? name.trim() : `Provinsi ${name.trim()}`;
}

/** "Kabupaten Bekasi" → kabupaten, "Kota Bekasi" → kota (the package names every regency this way). */
export function regencyKind(name: string): 'kabupaten' | 'kota' | null {
  if (/^kabupaten\s/i.test(name.trim())) return 'kabupaten';
  if (/^kota\s/i.test(name.trim())) return 'kota';
  return null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const bare = (s: string) => norm(s).replace(/^provinsi /, '');

/**
 * What an import of `areas` does to `existing` regions. An existing region matches an area by code, else by
 * kind and name (a province also by its name without "Provinsi", so "Jawa Barat" and "Provinsi Jawa Barat"
 * are one) when it has no code or a code that is not official. A matched region takes the area's code, name
 * and parent (`update`, unless it already has them: `unchanged`); an unmatched area is created. Regions that
 * match no area are left alone. Idempotent: planning again after applying a plan changes nothing.
 */
export function planAreaImport(existing: readonly KnownRegion[], areas: readonly OfficialArea[]): AreaImportPlan {
  const official = new Set(areas.map((a) => a.code));
  const byCode = new Map(existing.filter((r) => r.code).map((r) => [r.code!, r]));
  const byName = new Map<string, KnownRegion>();
  for (const r of existing) {
    if (r.code && official.has(r.code)) continue;
    byName.set(`${r.kind}|${r.kind === 'provinsi' ? bare(r.name) : norm(r.name)}`, r);
  }
  const taken = new Set<string>();
  const matched = new Map<string, KnownRegion>();
  for (const a of areas) {
    const key = `${a.kind}|${a.kind === 'provinsi' ? bare(a.name) : norm(a.name)}`;
    const hit = byCode.get(a.code) ?? byName.get(key);
    if (hit && !taken.has(hit.id)) {
      taken.add(hit.id);
      matched.set(a.code, hit);
    }
  }
  // Parent ids are known for matched provinces; a province created by this import has none yet, so its
  // children are compared by the parent's code.
  const codeOfId = new Map<string, string>();
  for (const [code, r] of matched) codeOfId.set(r.id, code);
  const plan: AreaImportPlan = { create: [], update: [], unchanged: 0 };
  for (const a of areas) {
    const r = matched.get(a.code);
    if (!r) {
      plan.create.push(a);
      continue;
    }
    const parentCode = r.parentId ? (codeOfId.get(r.parentId) ?? null) : null;
    const same = r.code === a.code && r.name === a.name && r.kind === a.kind && parentCode === a.parentCode;
    if (same) plan.unchanged++;
    else plan.update.push({ id: r.id, area: a });
  }
  return plan;
}
