import {
  type Affiliation,
  type ConflictCode,
  type InnovationConflictProfile,
  assertNoConflict,
  conflictReasons,
  isInConflict,
} from './conflicts';
import { DomainError } from '@app/kernel';

// SiTaro: RSUD Kota Bekasi, in Kota Bekasi, in Jawa Barat.
const sitaro: InnovationConflictProfile = {
  id: 'sitaro',
  organizationId: 'rsud-bekasi',
  regionId: 'kota-bekasi',
  provinceId: 'jabar',
};
// A provincial agency's innovation: its region is the province itself.
const provincial: InnovationConflictProfile = {
  id: 'jabar-digital',
  organizationId: 'diskominfo-jabar',
  regionId: 'jabar',
  provinceId: null,
};

const org = (organizationId: string): Affiliation => ({ type: 'organization', organizationId });
const region = (regionId: string): Affiliation => ({ type: 'region', regionId });

describe('conflictReasons', () => {
  const cases: {
    name: string;
    affiliations?: Affiliation[];
    declarations?: string[];
    innovation?: InnovationConflictProfile;
    codes: ConflictCode[];
  }[] = [
    { name: 'no declarations', codes: [] },
    { name: 'declared organization submitted the innovation', affiliations: [org('rsud-bekasi')], codes: ['organization'] },
    { name: 'another organization', affiliations: [org('disdukcapil-bekasi')], codes: [] },
    { name: "declared region is the innovation's region", affiliations: [region('kota-bekasi')], codes: ['region'] },
    { name: 'a neighbouring region', affiliations: [region('kota-bogor')], codes: [] },
    { name: "declared province contains the innovation's region", affiliations: [region('jabar')], codes: ['province'] },
    { name: 'another province', affiliations: [region('jateng')], codes: [] },
    {
      name: 'declared province is the innovation region itself',
      affiliations: [region('jabar')],
      innovation: provincial,
      codes: ['region'],
    },
    {
      name: 'a kota does not contain its province',
      affiliations: [region('kota-bekasi')],
      innovation: provincial,
      codes: [],
    },
    { name: 'explicit declaration for this innovation', declarations: ['sitaro'], codes: ['declaration'] },
    { name: 'explicit declaration for another innovation', declarations: ['patriot-mantap'], codes: [] },
    {
      name: 'an organization id equal to a region id does not match the region',
      affiliations: [org('kota-bekasi')],
      codes: [],
    },
    {
      name: 'every rule at once, in rule order',
      affiliations: [region('jabar'), org('rsud-bekasi'), region('kota-bekasi')],
      declarations: ['sitaro'],
      codes: ['organization', 'region', 'province', 'declaration'],
    },
    {
      name: 'a repeated declaration counts once',
      affiliations: [org('rsud-bekasi'), org('rsud-bekasi')],
      codes: ['organization'],
    },
  ];

  it.each(cases)('$name', ({ affiliations = [], declarations = [], innovation = sitaro, codes }) => {
    const juror = { affiliations, declarations: declarations.map((innovationId) => ({ innovationId })) };
    const reasons = conflictReasons(juror, innovation);
    expect(reasons.map((r) => r.code)).toEqual(codes);
    expect(isInConflict(juror, innovation)).toBe(codes.length > 0);
    for (const reason of reasons) expect(reason.message).toEqual(expect.any(String));
  });

  it('names the organization, region and province in its messages', () => {
    const juror = { affiliations: [org('rsud-bekasi'), region('kota-bekasi'), region('jabar')], declarations: [] };
    expect(conflictReasons(juror, sitaro).map((r) => r.message)).toEqual([
      'declared affiliation with organization rsud-bekasi, which submitted the innovation',
      "declared affiliation with region kota-bekasi, the innovation's region",
      "declared affiliation with province jabar, which contains the innovation's region kota-bekasi",
    ]);
  });
});

describe('assertNoConflict', () => {
  it('passes a juror without conflicts', () => {
    expect(() => assertNoConflict({ id: 'j1', affiliations: [], declarations: [] }, sitaro)).not.toThrow();
  });

  it('throws JUDGING_CONFLICT (a 409) with the reasons', () => {
    const juror = { id: 'j1', affiliations: [region('jabar')], declarations: [] };
    let error: unknown;
    try {
      assertNoConflict(juror, sitaro);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'JUDGING_CONFLICT',
      kind: 'conflict',
      details: { jurorId: 'j1', innovationId: 'sitaro', reasons: [{ code: 'province' }] },
    });
  });
});
