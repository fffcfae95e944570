import { regionGroups, type GroupedRegion } from './region-groups';

const P = '11111111-1111-4111-8111-111111111111';
const K = '22222222-2222-4222-8222-222222222222';

describe('regionGroups', () => {
  it.each<[string, GroupedRegion, string[]]>([
    ['a province is its own group', { id: P, kind: 'provinsi', parentId: null, tags: [] }, [P]],
    ['a kota ranks in its province', { id: K, kind: 'kota', parentId: P, tags: [] }, [P]],
    [
      'tags add groups, sorted, after the province',
      { id: K, kind: 'kabupaten', parentId: P, tags: ['perbatasan', 'daerah_tertinggal'] },
      [P, 'daerah_tertinggal', 'perbatasan'],
    ],
    ['a tagged province', { id: P, kind: 'provinsi', parentId: null, tags: ['kepulauan'] }, [P, 'kepulauan']],
    [
      'a kabupaten without a province still ranks by its tags',
      { id: K, kind: 'kabupaten', parentId: null, tags: ['perbatasan'] },
      ['perbatasan'],
    ],
    ['no province, no tags: no group', { id: K, kind: 'kota', parentId: null, tags: [] }, []],
    ['a repeated tag is one group', { id: K, kind: 'kota', parentId: P, tags: ['kepulauan', 'kepulauan'] }, [P, 'kepulauan']],
  ])('%s', (_name, region, expected) => {
    expect(regionGroups(region)).toEqual(expected);
  });
});
