import { NotFound } from '@app/kernel';
import type { Actor } from './roles';

/** Which organizations' data an actor may see. Jurors see innovations only through their assignments. */
export type OrganizationScope =
  { kind: 'all' } | { kind: 'organization'; organizationId: string } | { kind: 'region'; regionId: string } | { kind: 'none' };

export function organizationScope(actor: Pick<Actor, 'role' | 'organizationId' | 'regionId'>): OrganizationScope {
  switch (actor.role) {
    case 'admin':
    case 'organizer':
      return { kind: 'all' };
    case 'opd':
      return actor.organizationId ? { kind: 'organization', organizationId: actor.organizationId } : { kind: 'none' };
    case 'coordinator':
      return actor.regionId ? { kind: 'region', regionId: actor.regionId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Where a resource belongs: its organization, that organization's region, and the region's province. */
export interface OwnedBy {
  organizationId: string;
  regionId: string;
  provinceId: string | null;
}

/** A coordinator of a province sees its kabupaten and kota too; of a kota or kabupaten, only that region. */
export function inScope(scope: OrganizationScope, owner: OwnedBy): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organization':
      return scope.organizationId === owner.organizationId;
    case 'region':
      return scope.regionId === owner.regionId || scope.regionId === owner.provinceId;
    case 'none':
      return false;
  }
}

/**
 * The one line at each route: another organization's resource is "not found" (404), never "forbidden",
 * so its existence does not leak.
 */
export function assertOwnership(
  actor: Pick<Actor, 'role' | 'organizationId' | 'regionId'>,
  owner: OwnedBy | null,
  what: string,
  id: string,
): asserts owner is OwnedBy {
  if (!owner || !inScope(organizationScope(actor), owner)) throw new NotFound(`${what.toUpperCase()}_NOT_FOUND`, `${what} ${id} not found`);
}
