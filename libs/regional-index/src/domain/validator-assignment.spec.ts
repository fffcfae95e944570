import fc from 'fast-check';
import { DomainError } from '@app/kernel';
import {
  type AssignValidatorsInput,
  type RegionToValidate,
  type ValidatorProfile,
  ORGANIZATION_IN_REGION,
  assignValidators,
} from './validator-assignment';

const REGIONS: RegionToValidate[] = [
  { id: 'jabar', provinceId: null },
  { id: 'kota-bekasi', provinceId: 'jabar' },
  { id: 'kota-bogor', provinceId: 'jabar' },
  { id: 'kota-semarang', provinceId: 'jateng' },
  { id: 'kota-kendari', provinceId: 'sultra' },
];

/** Organization → region (the directory). */
const ORGANIZATIONS = new Map([
  ['rsud-kota-bekasi', 'kota-bekasi'],
  ['disdukcapil-kota-bekasi', 'kota-bekasi'],
  ['bappeda-jabar', 'jabar'],
  ['bappeda-semarang', 'kota-semarang'],
  ['univ-x', 'kota-depok'], // a region not being validated
]);

const validator = (id: string, ...ties: string[]): ValidatorProfile => ({
  id,
  affiliations: ties.map((tie) =>
    ORGANIZATIONS.has(tie) ? { type: 'organization' as const, organizationId: tie } : { type: 'region' as const, regionId: tie },
  ),
});

function run(validators: ValidatorProfile[], extra: Partial<AssignValidatorsInput> = {}) {
  return assignValidators({ regions: REGIONS, validators, organizationRegion: ORGANIZATIONS, ...extra });
}

const holders = (result: ReturnType<typeof run>, regionId: string) =>
  result.assignments.filter((a) => a.regionId === regionId).map((a) => a.validatorId);

describe('assignValidators', () => {
  it('gives every region perRegion validators (default 2) with balanced loads', () => {
    const result = run(['v1', 'v2', 'v3', 'v4', 'v5'].map((id) => validator(id)));
    expect(result.shortfalls).toEqual([]);
    for (const region of REGIONS) expect(holders(result, region.id)).toHaveLength(2);
    expect(Object.values(result.loads).sort()).toEqual([2, 2, 2, 2, 2]);
  });

  it.each<[string, ValidatorProfile, string[]]>([
    ['their own region', validator('v', 'kota-bekasi'), ['kota-bekasi']],
    ['an organization in a region (a hospital of Kota Bekasi)', validator('v', 'rsud-kota-bekasi'), ['kota-bekasi']],
    ['their province, and every kota in it', validator('v', 'jabar'), ['jabar', 'kota-bekasi', 'kota-bogor']],
    ['a provincial agency: its province only', validator('v', 'bappeda-jabar'), ['jabar']],
    ['an organization of a region not validated: nowhere', validator('v', 'univ-x'), []],
    ['two ties', validator('v', 'disdukcapil-kota-bekasi', 'bappeda-semarang'), ['kota-bekasi', 'kota-semarang']],
  ])('never sends a validator to %s', (_name, tied, barred) => {
    // five free validators plus the tied one, three per region: the tied one is needed almost everywhere
    const result = run([tied, ...['f1', 'f2'].map((id) => validator(id))], { perRegion: 3 });
    const regionsOfTied = result.assignments.filter((a) => a.validatorId === 'v').map((a) => a.regionId);
    expect(regionsOfTied.filter((r) => barred.includes(r))).toEqual([]);
    expect(regionsOfTied.sort()).toEqual(
      REGIONS.map((r) => r.id)
        .filter((r) => !barred.includes(r))
        .sort(),
    );
    expect(result.shortfalls.map((s) => s.regionId).sort()).toEqual([...barred].sort());
  });

  it('explains a shortfall in terms of validators and regions', () => {
    const result = run([validator('a', 'rsud-kota-bekasi'), validator('b', 'kota-bekasi'), validator('c')], { regions: [REGIONS[1]] });
    expect(result.shortfalls).toEqual([
      {
        regionId: 'kota-bekasi',
        assigned: 1,
        needed: 2,
        reasons: [`only 1 of 3 validators is free of conflicts: 1 declared region conflict, 1 excluded (${ORGANIZATION_IN_REGION})`],
      },
    ]);
  });

  it('tops up around existing assignments and respects maxLoad', () => {
    const validators = [validator('a'), { ...validator('b'), maxLoad: 1 }, validator('c')];
    const result = run(validators, { regions: REGIONS.slice(1, 3), existing: [{ regionId: 'kota-bekasi', validatorId: 'a' }] });
    expect(result.assignments).toEqual([
      { regionId: 'kota-bekasi', validatorId: expect.stringMatching(/^[bc]$/) },
      { regionId: 'kota-bogor', validatorId: expect.any(String) },
      { regionId: 'kota-bogor', validatorId: expect.any(String) },
    ]);
    expect(result.loads.b).toBeLessThanOrEqual(1);
    expect(result.loads.a + result.loads.b + result.loads.c).toBe(4);
  });

  it('refuses duplicate validator ids and a bad perRegion with a 400 domain error', () => {
    expect(() => run([validator('a'), validator('a')])).toThrow(DomainError);
    expect(() => run([validator('a')], { perRegion: 0 })).toThrow(/k must be a positive integer/);
  });

  it('property: no conflicted pair, loads within 1 of each other without conflicts, independent of input order', () => {
    const ids = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'];
    const ties = fc.subarray(['kota-bekasi', 'jabar', 'rsud-kota-bekasi', 'bappeda-semarang', 'kota-kendari'], { maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(ties, { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (tieLists, perRegion, reverse) => {
          const validators = tieLists.map((t, k) => validator(ids[k], ...t));
          const result = run(reverse ? [...validators].reverse() : validators, { perRegion });
          expect(result).toEqual(run(validators, { perRegion }));
          for (const { regionId, validatorId } of result.assignments) {
            const profile = validators.find((v) => v.id === validatorId)!;
            const region = REGIONS.find((r) => r.id === regionId)!;
            for (const a of profile.affiliations) {
              if (a.type === 'region') expect([region.id, region.provinceId]).not.toContain(a.regionId);
              else expect(ORGANIZATIONS.get(a.organizationId)).not.toBe(region.id);
            }
          }
          if (tieLists.every((t) => t.length === 0)) {
            const loads = Object.values(result.loads);
            expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
