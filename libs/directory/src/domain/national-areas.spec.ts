import { planAreaImport, provinceName, regencyKind, type KnownRegion, type OfficialArea } from './national-areas';

const JABAR: OfficialArea = { code: '32', name: 'Provinsi Jawa Barat', kind: 'provinsi', parentCode: null };
const BEKASI: OfficialArea = { code: '32.75', name: 'Kota Bekasi', kind: 'kota', parentCode: '32' };
const KAB_BEKASI: OfficialArea = { code: '32.16', name: 'Kabupaten Bekasi', kind: 'kabupaten', parentCode: '32' };
const AREAS = [JABAR, BEKASI, KAB_BEKASI];

const region = (id: string, code: string | null, name: string, kind: KnownRegion['kind'], parentId: string | null = null): KnownRegion => ({
  id,
  code,
  name,
  kind,
  parentId,
});

describe('planAreaImport', () => {
  it.each<[string, KnownRegion[], { create: string[]; update: [string, string][]; unchanged: number }]>([
    ['an empty directory: everything is created', [], { create: ['32', '32.75', '32.16'], update: [], unchanged: 0 }],
    [
      'already imported: nothing changes',
      [
        region('p', '32', 'Provinsi Jawa Barat', 'provinsi'),
        region('k', '32.75', 'Kota Bekasi', 'kota', 'p'),
        region('b', '32.16', 'Kabupaten Bekasi', 'kabupaten', 'p'),
      ],
      { create: [], update: [], unchanged: 3 },
    ],
    [
      'matched by code, renamed to the official name',
      [region('p', '32', 'Jabar', 'provinsi'), region('k', '32.75', 'Kota Bekasi', 'kota', 'p')],
      { create: ['32.16'], update: [['p', '32']], unchanged: 1 },
    ],
    [
      'matched by name without a code: takes the code',
      [region('p', null, 'Jawa Barat', 'provinsi'), region('k', null, 'kota  bekasi', 'kota', 'p')],
      {
        create: ['32.16'],
        update: [
          ['p', '32'],
          ['k', '32.75'],
        ],
        unchanged: 0,
      },
    ],
    [
      'matched by name with a wrong, unofficial code',
      [region('p', '32', 'Provinsi Jawa Barat', 'provinsi'), region('k', '99.99', 'Kota Bekasi', 'kota', 'p')],
      { create: ['32.16'], update: [['k', '32.75']], unchanged: 1 },
    ],
    [
      'same name, other kind: no match (Kota Bekasi is not Kabupaten Bekasi)',
      [region('x', null, 'Bekasi', 'kabupaten')],
      { create: ['32', '32.75', '32.16'], update: [], unchanged: 0 },
    ],
    [
      'a wrong parent is corrected',
      [
        region('p', '32', 'Provinsi Jawa Barat', 'provinsi'),
        region('q', '33', 'Provinsi Jawa Tengah', 'provinsi'),
        region('k', '32.75', 'Kota Bekasi', 'kota', 'q'),
      ],
      { create: ['32.16'], update: [['k', '32.75']], unchanged: 1 },
    ],
    [
      'regions the package does not know are left alone',
      [region('z', '99', 'Provinsi Uji', 'provinsi')],
      { create: ['32', '32.75', '32.16'], update: [], unchanged: 0 },
    ],
  ])('%s', (_name, existing, expected) => {
    const plan = planAreaImport(existing, AREAS);
    expect({
      create: plan.create.map((a) => a.code),
      update: plan.update.map((u) => [u.id, u.area.code]),
      unchanged: plan.unchanged,
    }).toEqual(expected);
  });

  it('applying the plan and planning again changes nothing', () => {
    const first = planAreaImport([region('p', null, 'Jawa Barat', 'provinsi')], AREAS);
    const ids = new Map<string, string>([['32', 'p']]);
    first.create.forEach((a, i) => ids.set(a.code, `new-${i}`));
    const applied = AREAS.map((a) => region(ids.get(a.code)!, a.code, a.name, a.kind, a.parentCode ? ids.get(a.parentCode)! : null));
    expect(planAreaImport(applied, AREAS)).toEqual({ create: [], update: [], unchanged: 3 });
  });
});

describe('area names', () => {
  it.each([
    ['Jawa Barat', 'Provinsi Jawa Barat'],
    ['Provinsi Jawa Barat', 'Provinsi Jawa Barat'],
    [' Daerah Istimewa Yogyakarta ', 'Provinsi Daerah Istimewa Yogyakarta'],
  ])('provinceName(%j) = %j', (input, expected) => expect(provinceName(input)).toBe(expected));

  it.each([
    ['Kabupaten Bekasi', 'kabupaten'],
    ['Kota Bekasi', 'kota'],
    ['Kota Administrasi Jakarta Pusat', 'kota'],
    ['Kepulauan Seribu', null],
  ])('regencyKind(%j) = %j', (input, expected) => expect(regencyKind(input)).toBe(expected));
});
