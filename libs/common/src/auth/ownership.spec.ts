import { assertOwnership, inScope, organizationScope, type OwnedBy } from './ownership';
import type { Actor } from './roles';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const KOTA = 'kota-bekasi';
const OTHER_KOTA = 'kota-bandung';
const PROV = 'jawa-barat';

const ownedByA: OwnedBy = { organizationId: ORG_A, regionId: KOTA, provinceId: PROV };
const ownedByB: OwnedBy = { organizationId: ORG_B, regionId: OTHER_KOTA, provinceId: PROV };
const provincialOrg: OwnedBy = { organizationId: 'org-prov', regionId: PROV, provinceId: PROV };

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 'u',
  email: 'u@x',
  name: 'U',
  sessionId: 's',
  organizationId: null,
  regionId: null,
  role,
  ...extra,
});

describe('ownership policy', () => {
  it.each<[string, Actor, OwnedBy, boolean]>([
    ['admin sees everything', actor('admin'), ownedByB, true],
    ['organizer sees everything', actor('organizer'), ownedByA, true],
    ['opd sees its own organization', actor('opd', { organizationId: ORG_A }), ownedByA, true],
    ['opd does not see another organization', actor('opd', { organizationId: ORG_A }), ownedByB, false],
    ['opd without organization sees nothing', actor('opd'), ownedByA, false],
    ['kota coordinator sees its kota', actor('coordinator', { regionId: KOTA }), ownedByA, true],
    ['kota coordinator does not see another kota', actor('coordinator', { regionId: KOTA }), ownedByB, false],
    ['kota coordinator does not see the province', actor('coordinator', { regionId: KOTA }), provincialOrg, false],
    ['province coordinator sees its kota', actor('coordinator', { regionId: PROV }), ownedByB, true],
    ['province coordinator sees provincial agencies', actor('coordinator', { regionId: PROV }), provincialOrg, true],
    ['juror sees no organization directly', actor('juror'), ownedByA, false],
  ])('%s', (_name, who, owner, expected) => {
    expect(inScope(organizationScope(who), owner)).toBe(expected);
    if (expected) expect(() => assertOwnership(who, owner, 'innovation', 'x')).not.toThrow();
    else
      expect(() => assertOwnership(who, owner, 'innovation', 'x')).toThrow(
        expect.objectContaining({ kind: 'not_found', code: 'INNOVATION_NOT_FOUND' }),
      );
  });

  it('a missing resource is the same 404 as a foreign one', () => {
    expect(() => assertOwnership(actor('admin'), null, 'organization', 'abc')).toThrow('organization abc not found');
  });
});
