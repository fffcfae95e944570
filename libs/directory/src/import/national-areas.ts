import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { provinceName, regencyKind, type OfficialArea } from '../domain/national-areas';

/**
 * The national directory comes from the data package `idn-area-data` (code MIT, data ODbL 1.0, after the Kemendagri
 * regulation on area codes): its provinces and regencies tables, kept as published in
 * libs/directory/data/idn-area-data/ with a manifest of the version and each file's sha256 (`scripts/areas.mjs
 * update` takes a new release from the npm registry; a spec checks the files against the manifest). Version 4.0.1
 * holds 38 provinces, 416 kabupaten and 98 kota. The package is not a dependency: it declares Node ≥ 22 for code
 * we never run.
 */
export const AREA_PACKAGE = 'idn-area-data';

/** libs/directory/data/idn-area-data, found upwards from this file (libs/… in tests, dist/libs/… when built). */
export function areaDataDir(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'libs', 'directory', 'data', AREA_PACKAGE);
    if (existsSync(path.join(candidate, 'source.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${AREA_PACKAGE}: libs/directory/data/${AREA_PACKAGE} not found above ${from}`);
  }
}

/** The manifest of the kept files: which release they are, and each file's sha256. */
export interface AreaDataSource {
  package: string;
  version: string;
  integrity: string;
  files: Record<string, string>;
}

export async function areaDataSource(): Promise<AreaDataSource> {
  return JSON.parse(await readFile(path.join(areaDataDir(), 'source.json'), 'utf8')) as AreaDataSource;
}

async function csv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path.join(areaDataDir(), file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
}

/** "idn-area-data@4.0.1": the source named in import results and audit events. */
export async function areaSource(): Promise<string> {
  const source = await areaDataSource();
  return `${source.package}@${source.version}`;
}

/** Every province, then every kabupaten and kota, with their official codes. */
export async function loadNationalAreas(): Promise<OfficialArea[]> {
  const provinces = await csv('provinces.csv');
  const regencies = await csv('regencies.csv');
  const areas: OfficialArea[] = provinces.map((p) => ({ code: p.code, name: provinceName(p.name), kind: 'provinsi', parentCode: null }));
  for (const r of regencies) {
    const kind = regencyKind(r.name);
    if (!kind) throw new Error(`${AREA_PACKAGE}: "${r.name}" (${r.code}) is neither a kabupaten nor a kota`);
    areas.push({ code: r.code, name: r.name, kind, parentCode: r.province_code });
  }
  return areas;
}
