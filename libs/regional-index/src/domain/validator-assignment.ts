// Balanced assignment of validators to regions (IID "validasi": validators check every answer of a region
// against its evidence). Reuses the jury assignment of libs/judging: regions play the innovations, validators
// the jurors, so loads are balanced the same way and the conflict rules are the same ones.

import { type Affiliation, type AssignmentJuror, type ExcludedPair, assignJurors } from '../../../judging/src/domain';

export interface RegionToValidate {
  readonly id: string;
  /** The province containing the region; null when the region is a province. */
  readonly provinceId: string | null;
}

export interface ValidatorProfile {
  readonly id: string;
  /** Declared ties: a region (their own government) or an organization (their employer). */
  readonly affiliations: readonly Affiliation[];
  /** Most regions (existing ones included) this validator may hold; unlimited when absent. */
  readonly maxLoad?: number;
}

export interface RegionValidatorPair {
  readonly regionId: string;
  readonly validatorId: string;
}

export interface AssignValidatorsInput {
  readonly regions: readonly RegionToValidate[];
  readonly validators: readonly ValidatorProfile[];
  /** Organization id → the id of the region it belongs to (the directory). */
  readonly organizationRegion: ReadonlyMap<string, string>;
  /** Validators per region; default 2. */
  readonly perRegion?: number;
  /** Assignments already made: they stay and count toward perRegion and the validator's load. */
  readonly existing?: readonly RegionValidatorPair[];
}

export interface ValidatorShortfall {
  readonly regionId: string;
  readonly assigned: number;
  readonly needed: number;
  readonly reasons: string[];
}

export interface AssignValidatorsResult {
  /** The new assignments only, ordered by region id, then validator id. */
  readonly assignments: RegionValidatorPair[];
  /** Regions left with fewer than perRegion validators, ordered by region id. */
  readonly shortfalls: ValidatorShortfall[];
  /** Every validator's load after this run, existing assignments included. */
  readonly loads: Record<string, number>;
}

export const DEFAULT_VALIDATORS_PER_REGION = 2;

/** Why a validator tied to an organization is kept away from the organization's region. */
export const ORGANIZATION_IN_REGION = 'works for an organization in this region';

/**
 * Assigns `perRegion` validators to every region, balancing loads (max − min ≤ 1 whenever the limits allow),
 * and never a validator to a region they are affiliated with, to a kota or kabupaten of a province they are
 * affiliated with (the jury's rule), or to the region of an organization they work for. The result does not
 * depend on input order. Throws JUDGING_INVALID_INPUT (400) for duplicate ids or a bad perRegion / maxLoad.
 */
export function assignValidators(input: AssignValidatorsInput): AssignValidatorsResult {
  const regionIds = new Set(input.regions.map((r) => r.id));
  const excluded: ExcludedPair[] = [];
  const jurors = input.validators.map((validator): AssignmentJuror => {
    for (const affiliation of validator.affiliations) {
      if (affiliation.type !== 'organization') continue;
      const region = input.organizationRegion.get(affiliation.organizationId);
      if (region !== undefined && regionIds.has(region))
        excluded.push({ innovationId: region, jurorId: validator.id, reason: ORGANIZATION_IN_REGION });
    }
    const regionsOnly = validator.affiliations.filter((a) => a.type === 'region');
    return {
      id: validator.id,
      affiliations: regionsOnly,
      declarations: [],
      ...(validator.maxLoad === undefined ? {} : { maxLoad: validator.maxLoad }),
    };
  });
  const result = assignJurors({
    // A region has no organization of its own: its organizations' validators are ruled out by `excluded`.
    innovations: input.regions.map((r) => ({ id: r.id, organizationId: '', regionId: r.id, provinceId: r.provinceId })),
    jurors,
    k: input.perRegion ?? DEFAULT_VALIDATORS_PER_REGION,
    existing: input.existing?.map((p) => ({ innovationId: p.regionId, jurorId: p.validatorId })),
    excluded,
  });
  return {
    assignments: result.assignments.map((p) => ({ regionId: p.innovationId, validatorId: p.jurorId })),
    shortfalls: result.shortfalls.map((s) => ({
      regionId: s.innovationId,
      assigned: s.assigned,
      needed: s.needed,
      reasons: s.reasons.map((reason) => reason.replace(/juror/g, 'validator').replace(/this innovation/g, 'this region')),
    })),
    loads: result.loads,
  };
}
