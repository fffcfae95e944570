import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areaDataDir, areaDataSource, areaSource, loadNationalAreas } from './national-areas';

describe('the kept idn-area-data files', () => {
  it('are the files of the release the manifest names, unchanged (scripts/areas.mjs update rewrites both)', async () => {
    const source = await areaDataSource();
    expect(source).toMatchObject({ package: 'idn-area-data', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(source.integrity).toMatch(/^sha512-/);
    expect(Object.keys(source.files).sort()).toEqual(['LICENSE.md', 'provinces.csv', 'regencies.csv']);
    for (const [name, hash] of Object.entries(source.files)) {
      const actual = `sha256:${createHash('sha256')
        .update(readFileSync(path.join(areaDataDir(), name)))
        .digest('hex')}`;
      expect({ name, hash: actual }).toEqual({ name, hash });
    }
    expect(await areaSource()).toBe(`idn-area-data@${source.version}`);
  });

  it('hold 38 provinces, 416 kabupaten and 98 kota, each regency under a listed province', async () => {
    const areas = await loadNationalAreas();
    const count = (kind: string) => areas.filter((a) => a.kind === kind).length;
    expect([count('provinsi'), count('kabupaten'), count('kota')]).toEqual([38, 416, 98]);
    const provinces = new Set(areas.filter((a) => a.kind === 'provinsi').map((a) => a.code));
    expect(areas.filter((a) => a.kind !== 'provinsi' && !provinces.has(a.parentCode!))).toEqual([]);
    expect(areas).toContainEqual({ code: '32.75', name: 'Kota Bekasi', kind: 'kota', parentCode: '32' });
  });

  it('are found from a built file too (dist/libs/directory/src/import)', () => {
    const root = path.resolve(__dirname, '../../../..');
    expect(areaDataDir(path.join(root, 'dist', 'libs', 'directory', 'src', 'import'))).toBe(areaDataDir());
  });
});
