import { describe, expect, it } from 'vitest';
import type { IndexRow } from '../../api/indexes';
import { groupTables } from './rankings-data';

const block = (iid: number) => ({ iid, band: null, spd: 0, sid: 0, innovations: 0 });
const row = (region: string, rank: number, iid: number, name: string): IndexRow => ({
  rank,
  region,
  name,
  province: 'Provinsi Jawa Barat',
  self: block(iid),
  verified: block(iid),
});

describe('public index ranking groups', () => {
  const categories = {
    kota: [row('bdg', 1, 50, 'Kota Bandung'), row('bks', 2, 40, 'Kota Bekasi')],
    kabupaten: [row('bgr', 1, 45, 'Kabupaten Bogor')],
  };

  it("shows each member's row from its category with the rank in the group, groups by name", () => {
    const tables = groupTables({
      categories,
      groups: {
        perbatasan: { name: 'Daerah Perbatasan', rows: [{ rank: 1, region: 'bks' }] },
        jabar: {
          name: 'Provinsi Jawa Barat',
          rows: [
            { rank: 1, region: 'bdg' },
            { rank: 2, region: 'bgr' },
            { rank: 3, region: 'bks' },
          ],
        },
      },
    });
    expect(tables.map(([key, g]) => [key, g.name, g.rows.map((r) => [r.rank, r.name, r.verified.iid])])).toEqual([
      ['perbatasan', 'Daerah Perbatasan', [[1, 'Kota Bekasi', 40]]],
      [
        'jabar',
        'Provinsi Jawa Barat',
        [
          [1, 'Kota Bandung', 50],
          [2, 'Kabupaten Bogor', 45],
          [3, 'Kota Bekasi', 40],
        ],
      ],
    ]);
    // The category rows keep their own ranks.
    expect(categories.kota[1].rank).toBe(2);
  });

  it('orders a group without a name by its key and leaves out a region no category has', () => {
    const tables = groupTables({
      categories,
      groups: { b: { name: null, rows: [{ rank: 1, region: 'gone' }] }, a: { name: null, rows: [{ rank: 1, region: 'bgr' }] } },
    });
    expect(tables.map(([key, g]) => [key, g.rows.length])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });
});
