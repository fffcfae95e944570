import fc from 'fast-check';
import {
  type AssignJurorsInput,
  type AssignJurorsResult,
  type AssignmentInnovation,
  type AssignmentJuror,
  type AssignmentPair,
  type ExcludedPair,
  assignJurors,
} from './assignment';
import { type Affiliation, isInConflict } from './conflicts';
import { DomainError } from '@app/kernel';

// ─── A small world: 3 provinces, some kota/kabupaten in them, 8 organizations ────────────────────────────

const PROVINCE_OF: Record<string, string | null> = {
  jabar: null,
  jateng: null,
  jatim: null,
  'kota-bekasi': 'jabar',
  'kota-bogor': 'jabar',
  'kab-bekasi': 'jabar',
  'kota-semarang': 'jateng',
  'kota-surabaya': 'jatim',
};
const REGIONS = Object.keys(PROVINCE_OF);
const ORGANIZATIONS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'];

const innovationArb = fc
  .record({ organizationId: fc.constantFrom(...ORGANIZATIONS), regionId: fc.constantFrom(...REGIONS) })
  .map(({ organizationId, regionId }) => ({ organizationId, regionId, provinceId: PROVINCE_OF[regionId] }));

const affiliationArb: fc.Arbitrary<Affiliation> = fc.oneof(
  fc.constantFrom(...ORGANIZATIONS).map((organizationId): Affiliation => ({ type: 'organization', organizationId })),
  fc.constantFrom(...REGIONS).map((regionId): Affiliation => ({ type: 'region', regionId })),
);

const pairArb = fc.record({ i: fc.nat(), j: fc.nat() });

/** Random inputs: 3–30 jurors, 1–80 innovations, random affiliations, declarations, exclusions and limits. */
function inputArb(options: { conflicts: boolean; maxLoad: boolean; existing: boolean }): fc.Arbitrary<AssignJurorsInput> {
  return fc
    .record({
      innovations: fc.array(innovationArb, { minLength: 1, maxLength: 80 }),
      jurors: fc.array(
        fc.record({
          affiliations: options.conflicts ? fc.array(affiliationArb, { maxLength: 2 }) : fc.constant<Affiliation[]>([]),
          declared: options.conflicts ? fc.array(fc.nat(), { maxLength: 2 }) : fc.constant<number[]>([]),
          maxLoad: options.maxLoad ? fc.option(fc.nat(30), { nil: undefined }) : fc.constant(undefined),
        }),
        { minLength: 3, maxLength: 30 },
      ),
      k: fc.integer({ min: 1, max: 5 }),
      excluded: options.conflicts ? fc.array(pairArb, { maxLength: 10 }) : fc.constant<{ i: number; j: number }[]>([]),
      existing: options.existing ? fc.array(pairArb, { maxLength: 40 }) : fc.constant<{ i: number; j: number }[]>([]),
    })
    .map(({ innovations: rawInnovations, jurors: rawJurors, k, excluded: rawExcluded, existing: rawExisting }) => {
      const innovations = rawInnovations.map((x, n) => ({ id: `i${n}`, category: 'kota', ...x }));
      const jurors: AssignmentJuror[] = rawJurors.map((x, n) => ({
        id: `j${n}`,
        affiliations: x.affiliations,
        declarations: x.declared.map((d) => ({ innovationId: innovations[d % innovations.length].id })),
        ...(x.maxLoad === undefined ? {} : { maxLoad: x.maxLoad }),
      }));
      const pair = ({ i, j }: { i: number; j: number }) => ({
        innovationId: innovations[i % innovations.length].id,
        jurorId: jurors[j % jurors.length].id,
      });
      const excluded = rawExcluded.map((p) => ({ ...pair(p), reason: 'field verifier' }));
      const input = { innovations, jurors, k, excluded };
      // Existing assignments as a service would have made them: allowed pairs.
      const existing = [...new Map(rawExisting.map(pair).map((p) => [pairKey(p), p])).values()].filter((p) => allowed(input, p));
      return { ...input, existing };
    });
}

// ─── Oracles ─────────────────────────────────────────────────────────────────────────────────────────────

const pairKey = (p: AssignmentPair) => `${p.innovationId}|${p.jurorId}`;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

function allowed(input: AssignJurorsInput, p: AssignmentPair): boolean {
  const juror = byId(input.jurors).get(p.jurorId)!;
  const innovation = byId(input.innovations).get(p.innovationId)!;
  return !isInConflict(juror, innovation) && !(input.excluded ?? []).some((e) => pairKey(e) === pairKey(p));
}

function freeJurors(input: AssignJurorsInput, innovation: AssignmentInnovation): number {
  return input.jurors.filter((j) => allowed(input, { innovationId: innovation.id, jurorId: j.id })).length;
}

function existingOn(input: AssignJurorsInput, innovationId: string): number {
  return new Set((input.existing ?? []).filter((p) => p.innovationId === innovationId).map(pairKey)).size;
}

function countsByInnovation(input: AssignJurorsInput, result: AssignJurorsResult): Map<string, number> {
  const counts = new Map(input.innovations.map((x) => [x.id, existingOn(input, x.id)]));
  for (const a of result.assignments) counts.set(a.innovationId, counts.get(a.innovationId)! + 1);
  return counts;
}

function spread(result: AssignJurorsResult): number {
  const loads = Object.values(result.loads);
  return Math.max(...loads) - Math.min(...loads);
}

/** The most assignments any valid solution can add: a unit-capacity max flow, by plain augmenting paths. */
function maxNewAssignments(input: AssignJurorsInput): number {
  const k = input.k ?? 3;
  const existing = new Set((input.existing ?? []).map(pairKey));
  const room = input.jurors.map((j) => (j.maxLoad ?? Infinity) - (input.existing ?? []).filter((p) => p.jurorId === j.id).length);
  const edges = input.innovations.map((x) =>
    input.jurors.flatMap((j, n) =>
      allowed(input, { innovationId: x.id, jurorId: j.id }) && !existing.has(pairKey({ innovationId: x.id, jurorId: j.id })) ? [n] : [],
    ),
  );
  const on = input.innovations.map(() => new Set<number>());
  const load = input.jurors.map(() => 0);
  // Try to add one juror to innovation i, reassigning others recursively (Ford–Fulkerson on the bipartite graph).
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const j of edges[i]) {
      if (on[i].has(j) || seen.has(j)) continue;
      seen.add(j);
      if (load[j] < room[j]) {
        on[i].add(j);
        load[j]++;
        return true;
      }
      for (let other = 0; other < input.innovations.length; other++) {
        if (other === i || !on[other].has(j) || on[i].has(j)) continue;
        on[other].delete(j);
        if (augment(other, seen)) {
          on[i].add(j);
          return true;
        }
        on[other].add(j);
      }
    }
    return false;
  };
  let total = 0;
  input.innovations.forEach((x, i) => {
    for (let need = k - existingOn(input, x.id); need > 0 && augment(i, new Set()); need--) total++;
  });
  return total;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let n = out.length - 1; n > 0; n--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const m = s % (n + 1);
    [out[n], out[m]] = [out[m], out[n]];
  }
  return out;
}

function shuffledInput(input: AssignJurorsInput, seed: number): AssignJurorsInput {
  return {
    k: input.k,
    innovations: shuffled(input.innovations, seed),
    jurors: shuffled(input.jurors, seed + 1).map((j, n) => ({
      ...j,
      affiliations: shuffled(j.affiliations, seed + n),
      declarations: shuffled(j.declarations, seed - n),
    })),
    existing: shuffled(input.existing ?? [], seed + 2),
    excluded: shuffled(input.excluded ?? [], seed + 3),
  };
}

// ─── Properties ──────────────────────────────────────────────────────────────────────────────────────────

describe('assignJurors: properties', () => {
  const anyInput = inputArb({ conflicts: true, maxLoad: true, existing: true });

  it('never assigns a juror in conflict, an excluded pair, or a pair twice (existing ones included)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = assignJurors(input);
        for (const a of result.assignments) expect(allowed(input, a)).toBe(true);
        const keys = [...(input.existing ?? []).map(pairKey), ...result.assignments.map(pairKey)];
        expect(new Set(result.assignments.map(pairKey)).size).toBe(result.assignments.length);
        expect(new Set(keys).size).toBe(new Set((input.existing ?? []).map(pairKey)).size + result.assignments.length);
      }),
    );
  });

  it('gives every innovation min(k, conflict-free jurors) when no juror has a load limit', () => {
    fc.assert(
      fc.property(inputArb({ conflicts: true, maxLoad: false, existing: true }), (input) => {
        const result = assignJurors(input);
        const counts = countsByInnovation(input, result);
        for (const innovation of input.innovations) {
          const wanted = Math.max(existingOn(input, innovation.id), Math.min(input.k!, freeJurors(input, innovation)));
          expect(counts.get(innovation.id)).toBe(wanted);
        }
      }),
    );
  });

  it('with load limits, respects them and adds as many assignments as any valid solution could', () => {
    fc.assert(
      fc.property(inputArb({ conflicts: true, maxLoad: true, existing: true }), (input) => {
        const result = assignJurors(input);
        const existingLoad = (id: string) => (input.existing ?? []).filter((p) => p.jurorId === id).length;
        for (const juror of input.jurors) {
          const added = result.assignments.filter((a) => a.jurorId === juror.id).length;
          if (added > 0) expect(result.loads[juror.id]).toBeLessThanOrEqual(juror.maxLoad ?? Infinity);
          expect(result.loads[juror.id]).toBe(existingLoad(juror.id) + added);
        }
        expect(result.assignments.length).toBe(maxNewAssignments(input));
      }),
      { numRuns: 60 },
    );
  });

  it('reports exactly the innovations left under k, each with a reason', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = assignJurors(input);
        const counts = countsByInnovation(input, result);
        const short = input.innovations
          .filter((x) => counts.get(x.id)! < input.k!)
          .map((x) => x.id)
          .sort();
        expect(result.shortfalls.map((s) => s.innovationId)).toEqual(short);
        for (const s of result.shortfalls) {
          expect(s).toMatchObject({ assigned: counts.get(s.innovationId), needed: input.k });
          expect(s.reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('balances loads (max − min ≤ 1) when there are no conflicts', () => {
    fc.assert(
      fc.property(inputArb({ conflicts: false, maxLoad: false, existing: false }), (input) => {
        const result = assignJurors(input);
        expect(spread(result)).toBeLessThanOrEqual(1);
        expect(result.shortfalls.every((s) => s.assigned === input.jurors.length)).toBe(true);
      }),
    );
  });

  /**
   * The honest general statement: whenever some assignment with the same number of jurors per innovation
   * balances the loads, ours does too. Plant one: deal k jurors to each innovation round-robin (balanced by
   * construction), then add only conflicts, exclusions, existing assignments and load limits that it obeys.
   */
  it('balances loads whenever a balanced assignment exists (planted among sparse conflicts)', () => {
    const planted = fc
      .record({
        input: inputArb({ conflicts: true, maxLoad: false, existing: false }),
        keepExisting: fc.array(fc.boolean(), { maxLength: 400 }),
        limits: fc.array(fc.option(fc.nat(3), { nil: undefined }), { maxLength: 30 }),
        seed: fc.nat(),
      })
      .filter(({ input }) => input.k! <= input.jurors.length)
      .map(({ input, keepExisting, limits, seed }) => {
        const k = input.k!;
        const order = shuffled(input.jurors, seed);
        const plan = input.innovations.flatMap((x, n) =>
          Array.from({ length: k }, (_, t) => ({ innovationId: x.id, jurorId: order[(n * k + t) % order.length].id })),
        );
        const planned = new Set(plan.map(pairKey));
        const planLoad = (id: string) => plan.filter((p) => p.jurorId === id).length;
        const innovationsById = byId(input.innovations);
        const obeysPlan = (jurorId: string, affiliation: Affiliation) =>
          plan
            .filter((p) => p.jurorId === jurorId)
            .every((p) => !isInConflict({ affiliations: [affiliation], declarations: [] }, innovationsById.get(p.innovationId)!));
        const jurors = input.jurors.map((juror, n) => {
          const affiliations = juror.affiliations.filter((a) => obeysPlan(juror.id, a));
          const declarations = juror.declarations.filter((d) => !planned.has(pairKey({ innovationId: d.innovationId, jurorId: juror.id })));
          const extra = limits[n];
          return { id: juror.id, affiliations, declarations, ...(extra === undefined ? {} : { maxLoad: planLoad(juror.id) + extra }) };
        });
        return {
          k,
          innovations: input.innovations,
          jurors,
          excluded: (input.excluded ?? []).filter((e) => !planned.has(pairKey(e))),
          existing: plan.filter((_, n) => keepExisting[n]),
        };
      });
    fc.assert(
      fc.property(planted, (input) => {
        const result = assignJurors(input);
        expect(result.shortfalls).toEqual([]);
        expect(spread(result)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is deterministic: shuffling every input list gives the same result', () => {
    fc.assert(
      fc.property(anyInput, fc.integer(), (input, seed) => {
        expect(assignJurors(shuffledInput(input, seed))).toEqual(assignJurors(input));
      }),
    );
  });

  it('top-up: keeps existing assignments, counts them toward k and load, and only adds new pairs', () => {
    fc.assert(
      fc.property(inputArb({ conflicts: true, maxLoad: false, existing: false }), fc.nat(), (input, seed) => {
        const first = assignJurors({ ...input, k: 1 });
        const existing = shuffled(first.assignments, seed).slice(0, Math.ceil(first.assignments.length / 2));
        const result = assignJurors({ ...input, existing });
        const existingKeys = new Set(existing.map(pairKey));
        expect(result.assignments.some((a) => existingKeys.has(pairKey(a)))).toBe(false);
        const counts = countsByInnovation({ ...input, existing }, result);
        for (const x of input.innovations) expect(counts.get(x.id)).toBe(Math.min(input.k!, freeJurors(input, x)));
        for (const juror of input.jurors) {
          const total = [...existing, ...result.assignments].filter((a) => a.jurorId === juror.id).length;
          expect(result.loads[juror.id]).toBe(total);
        }
      }),
    );
  });
});

// ─── Examples ────────────────────────────────────────────────────────────────────────────────────────────

const sitaro = { id: 'sitaro', category: 'kota', organizationId: 'rsud-bekasi', regionId: 'kota-bekasi', provinceId: 'jabar' };

function juror(id: string, affiliations: Affiliation[] = [], extra: Partial<AssignmentJuror> = {}): AssignmentJuror {
  return { id, affiliations, declarations: [], ...extra };
}
const jurorsNamed = (prefix: string, n: number, affiliations: Affiliation[] = []) =>
  Array.from({ length: n }, (_, m) => juror(`${prefix}${String(m).padStart(2, '0')}`, affiliations));

describe('assignJurors: shortfall reasons', () => {
  const cases: {
    name: string;
    jurors: AssignmentJuror[];
    k?: number;
    excluded?: ExcludedPair[];
    existing?: AssignmentPair[];
    assigned: number;
    reasons: string[];
  }[] = [
    {
      name: 'conflicts and a field verifier leave 2 of 12',
      jurors: [
        ...jurorsNamed('org', 5, [{ type: 'organization', organizationId: 'rsud-bekasi' }]),
        ...jurorsNamed('kota', 3, [{ type: 'region', regionId: 'kota-bekasi' }]),
        ...jurorsNamed('prov', 1, [{ type: 'region', regionId: 'jabar' }]),
        ...jurorsNamed('free', 3),
      ],
      excluded: [{ innovationId: 'sitaro', jurorId: 'free00', reason: 'field verifier' }],
      assigned: 2,
      reasons: [
        'only 2 of 12 jurors are free of conflicts: 5 declared organization conflicts, 4 declared region conflicts, 1 excluded (field verifier)',
      ],
    },
    {
      name: 'a juror with two conflicts is counted once, under the first rule',
      jurors: [
        juror('both', [
          { type: 'region', regionId: 'jabar' },
          { type: 'organization', organizationId: 'rsud-bekasi' },
        ]),
        { ...juror('declared'), declarations: [{ innovationId: 'sitaro' }] },
        juror('free'),
      ],
      assigned: 1,
      reasons: ['only 1 of 3 jurors is free of conflicts: 1 declared organization conflict, 1 declared conflict with this innovation'],
    },
    {
      name: 'a pool smaller than k',
      jurors: jurorsNamed('j', 2),
      assigned: 2,
      reasons: ['the pool has only 2 jurors'],
    },
    {
      name: 'free jurors at their load limit',
      jurors: [juror('a', [], { maxLoad: 0 }), juror('b'), juror('c', [], { maxLoad: 0 })],
      assigned: 1,
      reasons: ['2 conflict-free jurors not on this innovation are at maximum load'],
    },
    {
      name: 'both conflicts and a load limit',
      jurors: [juror('a', [{ type: 'region', regionId: 'kota-bekasi' }]), juror('b', [], { maxLoad: 0 }), juror('c')],
      assigned: 1,
      reasons: [
        'only 2 of 3 jurors are free of conflicts: 1 declared region conflict',
        '1 conflict-free juror not on this innovation is at maximum load',
      ],
    },
    {
      name: 'a repeated existing pair counts once',
      jurors: jurorsNamed('j', 2),
      existing: [
        { innovationId: 'sitaro', jurorId: 'j00' },
        { innovationId: 'sitaro', jurorId: 'j00' },
      ],
      assigned: 2,
      reasons: ['the pool has only 2 jurors'],
    },
    {
      name: 'existing assignments count toward k',
      jurors: jurorsNamed('j', 2),
      existing: [{ innovationId: 'sitaro', jurorId: 'gone' }],
      assigned: 3,
      reasons: [],
    },
  ];

  it.each(cases)('$name', ({ jurors, k, excluded, existing, assigned, reasons }) => {
    const result = assignJurors({ innovations: [sitaro], jurors, k, excluded, existing });
    expect(result.shortfalls).toEqual(reasons.length === 0 ? [] : [{ innovationId: 'sitaro', assigned, needed: k ?? 3, reasons }]);
    expect(countsByInnovation({ innovations: [sitaro], jurors, existing }, result).get('sitaro')).toBe(assigned);
  });
});

describe('assignJurors: examples', () => {
  it('assigns 3 jurors by default and reports loads and avoided conflicts', () => {
    const innovations = ['a', 'b', 'c', 'd'].map((id) => ({ ...sitaro, id }));
    const jurors = [...jurorsNamed('j', 6), juror('local', [{ type: 'region', regionId: 'jabar' }])];
    const result = assignJurors({ innovations, jurors });
    expect(result.assignments).toHaveLength(12);
    expect(Object.values(result.loads).sort()).toEqual([0, 2, 2, 2, 2, 2, 2]);
    expect(result.loads.local).toBe(0);
    expect(result.avoidedConflicts).toBe(4);
    expect(result.shortfalls).toEqual([]);
  });

  it('serves the innovations with the fewest eligible jurors first', () => {
    // x may only judge i1, y only i1 and i2, z everything: only one assignment uses every juror.
    const innovations = ['i1', 'i2', 'i3'].map((id) => ({ ...sitaro, id }));
    const only = (id: string, allowedIds: string[]) => ({
      ...juror(id),
      declarations: innovations.filter((x) => !allowedIds.includes(x.id)).map((x) => ({ innovationId: x.id })),
    });
    const result = assignJurors({
      innovations,
      jurors: [only('x', ['i1']), only('y', ['i1', 'i2']), only('z', ['i1', 'i2', 'i3'])],
      k: 1,
    });
    expect(result.loads).toEqual({ x: 1, y: 1, z: 1 });
    expect(result.assignments).toEqual([
      { innovationId: 'i1', jurorId: 'x' },
      { innovationId: 'i2', jurorId: 'y' },
      { innovationId: 'i3', jurorId: 'z' },
    ]);
  });

  it('an empty competition assigns nothing', () => {
    expect(assignJurors({ innovations: [], jurors: [juror('a')] })).toEqual({
      assignments: [],
      shortfalls: [],
      loads: { a: 0 },
      avoidedConflicts: 0,
    });
  });

  it.each([
    { name: 'k = 0', input: { innovations: [sitaro], jurors: [juror('a')], k: 0 } },
    { name: 'fractional k', input: { innovations: [sitaro], jurors: [juror('a')], k: 1.5 } },
    { name: 'duplicate juror ids', input: { innovations: [sitaro], jurors: [juror('a'), juror('a')] } },
    { name: 'duplicate innovation ids', input: { innovations: [sitaro, sitaro], jurors: [juror('a')] } },
    { name: 'negative maxLoad', input: { innovations: [sitaro], jurors: [juror('a', [], { maxLoad: -1 })] } },
  ])('rejects $name with JUDGING_INVALID_INPUT', ({ input }) => {
    expect(() => assignJurors(input)).toThrow(DomainError);
    expect(() => assignJurors(input)).toThrow(expect.objectContaining({ code: 'JUDGING_INVALID_INPUT', kind: 'invalid' }));
  });
});
