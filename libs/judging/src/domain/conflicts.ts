import { Conflict } from '@app/kernel';
import { JudgingErrorCode } from './judging.errors';

/** A juror's declared tie to an organization (an OPD, a hospital …) or to a region (kota, kabupaten, provinsi). */
export type Affiliation =
  { readonly type: 'organization'; readonly organizationId: string } | { readonly type: 'region'; readonly regionId: string };

/** A juror's explicit "I have a conflict with this innovation". */
export interface ConflictDeclaration {
  readonly innovationId: string;
}

export interface JurorConflictProfile {
  readonly affiliations: readonly Affiliation[];
  readonly declarations: readonly ConflictDeclaration[];
}

export interface InnovationConflictProfile {
  readonly id: string;
  readonly organizationId: string;
  readonly regionId: string;
  /** The province containing `regionId`; null when the innovation's region is itself a province. */
  readonly provinceId: string | null;
}

export type ConflictCode = 'organization' | 'region' | 'province' | 'declaration';

export interface ConflictReason {
  readonly code: ConflictCode;
  readonly message: string;
}

/** What a declaration points at; a juror and an innovation conflict iff they share a key. */
export interface ConflictKey {
  readonly kind: 'organization' | 'region' | 'innovation';
  readonly id: string;
}

/**
 * The rules, stated once. A juror's keys are their declarations. An innovation's keys are its organization,
 * its region, the province containing that region, and its own id. Matching the province key is what makes
 * a province-level affiliation cover every kota and kabupaten in it; a province's own innovations match it
 * through their region key.
 */
export function jurorConflictKeys(juror: JurorConflictProfile): ConflictKey[] {
  return [
    ...juror.affiliations.map((a): ConflictKey =>
      a.type === 'organization' ? { kind: 'organization', id: a.organizationId } : { kind: 'region', id: a.regionId },
    ),
    ...juror.declarations.map((d): ConflictKey => ({ kind: 'innovation', id: d.innovationId })),
  ];
}

export function innovationConflictKeys(innovation: InnovationConflictProfile): (ConflictKey & { code: ConflictCode })[] {
  const keys: (ConflictKey & { code: ConflictCode })[] = [
    { kind: 'organization', id: innovation.organizationId, code: 'organization' },
    { kind: 'region', id: innovation.regionId, code: 'region' },
  ];
  if (innovation.provinceId !== null && innovation.provinceId !== innovation.regionId) {
    keys.push({ kind: 'region', id: innovation.provinceId, code: 'province' });
  }
  keys.push({ kind: 'innovation', id: innovation.id, code: 'declaration' });
  return keys;
}

/** Why the juror may not judge the innovation, in rule order; empty when there is no conflict. */
export function conflictReasons(juror: JurorConflictProfile, innovation: InnovationConflictProfile): ConflictReason[] {
  const declared = new Set(jurorConflictKeys(juror).map(keyString));
  return innovationConflictKeys(innovation)
    .filter((key) => declared.has(keyString(key)))
    .map(({ code }) => ({ code, message: conflictMessage(code, innovation) }));
}

export function isInConflict(juror: JurorConflictProfile, innovation: InnovationConflictProfile): boolean {
  return conflictReasons(juror, innovation).length > 0;
}

/** Guard for a manual assignment: throws JUDGING_CONFLICT (409) naming every reason. */
export function assertNoConflict(juror: JurorConflictProfile & { readonly id: string }, innovation: InnovationConflictProfile): void {
  const reasons = conflictReasons(juror, innovation);
  if (reasons.length > 0) {
    throw new Conflict(
      JudgingErrorCode.Conflict,
      `Juror ${juror.id} has a conflict of interest with innovation ${innovation.id}: ` + reasons.map((r) => r.message).join('; '),
      { jurorId: juror.id, innovationId: innovation.id, reasons },
    );
  }
}

function conflictMessage(code: ConflictCode, innovation: InnovationConflictProfile): string {
  switch (code) {
    case 'organization':
      return `declared affiliation with organization ${innovation.organizationId}, which submitted the innovation`;
    case 'region':
      return `declared affiliation with region ${innovation.regionId}, the innovation's region`;
    case 'province':
      return `declared affiliation with province ${innovation.provinceId}, which contains the innovation's region ${innovation.regionId}`;
    case 'declaration':
      return 'declared a conflict of interest with this innovation';
  }
}

const keyString = ({ kind, id }: ConflictKey): string => `${kind}:${id}`;
