import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { provinceName, regencyKind, type OfficialArea } from '../domain/national-areas';

/**
 * The data package the national directory comes from: `idn-area-data` (code MIT, data ODbL 1.0, after the
 * Kemendagri regulation on area codes), pinned in package.json. Version 4.0.1 holds 38 provinces,
 * 416 kabupaten and 98 kota. Its CSV files are read directly (the package's own API is ESM-only).
 */
export const AREA_PACKAGE = 'idn-area-data';

function packageDir(): string {
  return path.dirname(require.resolve(`${AREA_PACKAGE}/package.json`));
}

async function csv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path.join(packageDir(), 'data', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
}

/** "idn-area-data@4.0.1": the source named in import results and audit events. */
export async function areaSource(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return `${AREA_PACKAGE}@${pkg.version}`;
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
