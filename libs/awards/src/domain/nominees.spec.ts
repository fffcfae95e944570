import { nominate, rankByIndex, selects, topWithTies, type IndexedRegion } from './nominees';
import { preparationErrors } from './entry';

const region = (id: string, kind: string, iid: number, extra: Partial<IndexedRegion> = {}): IndexedRegion => ({
  id,
  name: id,
  kind,
  tags: [],
  iid,
  sid: 0,
  spd: 0,
  innovations: 0,
  ...extra,
});
const TIE = ['sid', 'spd', 'innovations'] as const;

describe('selects: kind and/or tag', () => {
  const tertinggal = { kind: 'kabupaten', tags: ['daerah_tertinggal'] };
  it.each([
    ['kind only', { regionKinds: ['kabupaten'] }, tertinggal, true],
    ['another kind', { regionKinds: ['kota'] }, tertinggal, false],
    ['tag only, any kind', { regionKinds: [], regionTags: ['daerah_tertinggal'] }, tertinggal, true],
    ['kind and tag', { regionKinds: ['kabupaten', 'kota'], regionTags: ['daerah_tertinggal'] }, tertinggal, true],
    ['kind but not the tag', { regionKinds: ['kabupaten'], regionTags: ['perbatasan'] }, tertinggal, false],
    ['one of several tags', { regionKinds: [], regionTags: ['perbatasan', 'daerah_tertinggal'] }, tertinggal, true],
    ['nothing selects nobody', { regionKinds: [], regionTags: [] }, tertinggal, false],
  ])('%s', (_name, selector, r, expected) => expect(selects(selector, r)).toBe(expected));
});

describe('rankByIndex and topWithTies', () => {
  it('ranks by iid, then sid, spd, innovations; shares ranks when all are equal (1, 2, 2, 4)', () => {
    const rows = rankByIndex(
      [
        region('d', 'kota', 50),
        region('a', 'kota', 70),
        region('c', 'kota', 60, { sid: 2 }),
        region('b', 'kota', 60, { sid: 2 }),
        region('e', 'kota', 60, { sid: 1, spd: 9 }),
      ],
      TIE,
    );
    expect(rows.map((r) => [r.region.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['e', 4],
      ['d', 5],
    ]);
  });
  it.each([
    [1, ['a']],
    [2, ['a', 'b', 'c']],
    [3, ['a', 'b', 'c']],
    [4, ['a', 'b', 'c', 'd']],
  ])('top %i keeps the regions tied at the cut-off', (n, ids) => {
    const regions = [region('a', 'kota', 80), region('b', 'kota', 70), region('c', 'kota', 70), region('d', 'kota', 60)];
    expect(topWithTies(regions, n, TIE).map((r) => r.region.id)).toEqual(ids);
  });
  it('the tie-break list is the index method’s: without sid, spd decides', () => {
    const rows = rankByIndex([region('a', 'kota', 60, { sid: 9, spd: 1 }), region('b', 'kota', 60, { sid: 1, spd: 5 })], ['spd']);
    expect(rows.map((r) => r.region.id)).toEqual(['b', 'a']);
  });
});

describe('nominate', () => {
  const regions = [
    region('kota-bandung', 'kota', 72.1),
    region('kota-bekasi', 'kota', 70.5),
    region('kota-depok', 'kota', 68),
    region('kota-bogor', 'kota', 68),
    region('kota-cimahi', 'kota', 40, { tags: ['perbatasan'] }),
    region('kab-sambas', 'kabupaten', 35, { tags: ['daerah_tertinggal', 'perbatasan'] }),
    region('kab-bogor', 'kabupaten', 66),
    region('prov-jabar', 'provinsi', 77),
  ];
  const categories = [
    { key: 'provinsi', regionKinds: ['provinsi'] },
    { key: 'kabupaten', regionKinds: ['kabupaten'] },
    { key: 'kota', regionKinds: ['kota'] },
  ];
  const groups = [
    { key: 'daerah_tertinggal', regionKinds: ['kabupaten', 'kota'], regionTags: ['daerah_tertinggal'], nominees: 3 },
    { key: 'daerah_perbatasan', regionKinds: [], regionTags: ['perbatasan'], nominees: 1 },
  ];

  it('takes the top N per category with ties, and the top of each group whatever its category rank', () => {
    const { nominees, withoutCategory } = nominate(regions, categories, groups, 3, TIE);
    expect(withoutCategory).toEqual([]);
    expect(nominees.map((n) => [n.regionId, n.category, n.nominatedBy, n.groups])).toEqual([
      ['kab-bogor', 'kabupaten', ['kabupaten'], []],
      ['kab-sambas', 'kabupaten', ['kabupaten', 'daerah_tertinggal'], ['daerah_tertinggal', 'daerah_perbatasan']],
      ['kota-bandung', 'kota', ['kota'], []],
      ['kota-bekasi', 'kota', ['kota'], []],
      ['kota-bogor', 'kota', ['kota'], []],
      ['kota-cimahi', 'kota', ['daerah_perbatasan'], ['daerah_perbatasan']],
      ['kota-depok', 'kota', ['kota'], []],
      ['prov-jabar', 'provinsi', ['provinsi'], []],
    ]);
    expect(nominees.find((n) => n.regionId === 'kota-bogor')!.indexRanks).toEqual({ kota: 3 });
    expect(nominees.find((n) => n.regionId === 'kota-cimahi')!.indexRanks).toEqual({ daerah_perbatasan: 1 });
  });

  it('a region in several groups is one entry; a category narrowed by tag takes its regions first', () => {
    const tagged = [{ key: 'kota_perbatasan', regionKinds: ['kota'], regionTags: ['perbatasan'] }, ...categories];
    const { nominees } = nominate(regions, tagged, groups, 1, TIE);
    expect(nominees.map((n) => [n.regionId, n.category])).toEqual([
      ['kab-bogor', 'kabupaten'],
      ['kab-sambas', 'kabupaten'],
      ['kota-bandung', 'kota'],
      ['kota-cimahi', 'kota_perbatasan'],
      ['prov-jabar', 'provinsi'],
    ]);
  });

  it('a group nominee that no category takes is listed, not entered', () => {
    const { nominees, withoutCategory } = nominate(regions, [{ key: 'kota', regionKinds: ['kota'] }], groups, 1, TIE);
    expect(withoutCategory).toEqual(['kab-sambas']);
    expect(nominees.map((n) => n.regionId)).toEqual(['kota-bandung', 'kota-cimahi']);
  });

  it('nobody is nominated from an empty index', () => {
    expect(nominate([], categories, groups, 3, TIE)).toEqual({ nominees: [], withoutCategory: [] });
  });
});

describe('preparationErrors', () => {
  const mine = [
    { id: 'sitaro', eligible: true },
    { id: 'patriot', eligible: true },
    { id: 'old', eligible: false },
  ];
  it.each([
    [
      'a valid preparation',
      { presenterName: 'Tri Adhianto', showcase: ['sitaro', 'patriot'], materialsUrl: 'https://bekasikota.go.id/iga.pdf' },
      [],
    ],
    ['another region’s innovation', { showcase: ['sadayana'] }, ['showcase[0]']],
    ['an innovation the validators did not count', { showcase: ['sitaro', 'old'] }, ['showcase[1]']],
    ['one listed twice', { showcase: ['sitaro', 'sitaro'] }, ['showcase[1]']],
    ['a link that is not http', { materialsUrl: 'javascript:alert(1)' }, ['materialsUrl']],
    [
      'more than five',
      { showcase: ['sitaro', 'patriot', 'a', 'b', 'c', 'd'] },
      ['showcase[2]', 'showcase[3]', 'showcase[4]', 'showcase[5]', 'showcase'],
    ],
  ])('%s', (_name, p, fields) => expect(preparationErrors(p, mine).map((e) => e.field)).toEqual(fields));
});
