import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { OrganizationScope, OwnedBy } from '@app/common';
import { RegionEntity } from './region.entity';
import { OrganizationEntity } from './organization.entity';
import type { RegionKind } from '../domain/region-kind';

export interface OrganizationFilter {
  regionId?: string;
  q?: string;
}

/** Regions and organizations: small, read-mostly reference data. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private regions(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(RegionEntity);
  }

  private orgs(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(OrganizationEntity);
  }

  findRegion(id: string, tx?: EntityManager): Promise<RegionEntity | null> {
    return this.regions(tx).findOne({ where: { id } });
  }

  listRegions(filter: { kind?: RegionKind; parentId?: string }): Promise<RegionEntity[]> {
    const where: Record<string, unknown> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.parentId) where.parentId = filter.parentId;
    return this.regions().find({ where, order: { kind: 'DESC', name: 'ASC' } });
  }

  findRegions(ids: string[], tx?: EntityManager): Promise<RegionEntity[]> {
    return ids.length ? this.regions(tx).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The organization of this name in the region, created (kind `other`) when missing. */
  async ensureOrganization(tx: EntityManager, regionId: string, name: string): Promise<OrganizationEntity> {
    await tx.createQueryBuilder().insert().into(OrganizationEntity).values({ regionId, name, kind: 'other' }).orIgnore().execute();
    return (await tx.findOne(OrganizationEntity, { where: { regionId, name } }))!;
  }

  allRegions(tx?: EntityManager): Promise<RegionEntity[]> {
    return this.regions(tx).find();
  }

  insertRegion(tx: EntityManager, row: Pick<RegionEntity, 'code' | 'name' | 'kind' | 'parentId'>): Promise<RegionEntity> {
    return this.regions(tx).save(this.regions(tx).create(row));
  }

  findOrganization(id: string, tx?: EntityManager): Promise<OrganizationEntity | null> {
    return this.orgs(tx).findOne({ where: { id }, relations: { region: true } });
  }

  findOrganizations(ids: string[], tx?: EntityManager): Promise<OrganizationEntity[]> {
    return ids.length ? this.orgs(tx).find({ where: { id: In(ids) }, relations: { region: true } }) : Promise.resolve([]);
  }

  /** Who owns an organization, for the ownership policy. */
  async ownerOf(organizationId: string, tx?: EntityManager): Promise<OwnedBy | null> {
    const row = await (tx ?? this.db.manager).query(
      `SELECT o.id AS "organizationId", r.id AS "regionId", CASE WHEN r.kind = 'provinsi' THEN r.id ELSE r.parent_id END AS "provinceId"
         FROM organizations o JOIN regions r ON r.id = o.region_id WHERE o.id = $1`,
      [organizationId],
    );
    return (row[0] as OwnedBy | undefined) ?? null;
  }

  async listOrganizations(
    scope: OrganizationScope,
    filter: OrganizationFilter,
    page: number,
    pageSize: number,
  ): Promise<[OrganizationEntity[], number]> {
    const qb = this.orgs()
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.region', 'r')
      .orderBy('o.name', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (scope.kind === 'none') qb.andWhere('false');
    if (scope.kind === 'organization') qb.andWhere('o.id = :sid', { sid: scope.organizationId });
    if (scope.kind === 'region') qb.andWhere('(r.id = :rid OR r.parent_id = :rid)', { rid: scope.regionId });
    if (filter.regionId) qb.andWhere('o.region_id = :regionId', { regionId: filter.regionId });
    if (filter.q) qb.andWhere('o.name ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb.getManyAndCount();
  }

  allOrganizations(tx?: EntityManager): Promise<OrganizationEntity[]> {
    return this.orgs(tx).find();
  }

  insertOrganizations(
    tx: EntityManager,
    rows: Pick<OrganizationEntity, 'code' | 'name' | 'kind' | 'regionId' | 'email'>[],
  ): Promise<OrganizationEntity[]> {
    return this.orgs(tx).save(
      rows.map((r) => this.orgs(tx).create(r)),
      { chunk: 500 },
    );
  }

  /** Brings existing regions in line with official areas: code, name, kind and parent (by the parent's code). */
  async applyAreaUpdates(
    tx: EntityManager,
    updates: { id: string; code: string; name: string; kind: RegionKind; parentCode: string | null }[],
  ): Promise<void> {
    if (!updates.length) return;
    // Codes and names are unique: clear the codes first so that two regions can swap them in one import.
    await tx.query(`UPDATE regions SET code = NULL WHERE id = ANY($1::uuid[])`, [updates.map((u) => u.id)]);
    await tx.query(
      `UPDATE regions r SET code = u.code, name = u.name, kind = u.kind, parent_id = p.id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, code, name, kind, parent_code)
         LEFT JOIN regions p ON p.code = u.parent_code
        WHERE r.id = u.id`,
      [
        updates.map((u) => u.id),
        updates.map((u) => u.code),
        updates.map((u) => u.name),
        updates.map((u) => u.kind),
        updates.map((u) => u.parentCode),
      ],
    );
  }

  /** Inserts official areas in one statement, each child under the region holding its parent's code. */
  async insertAreas(
    tx: EntityManager,
    areas: { code: string; name: string; kind: RegionKind; parentCode: string | null }[],
  ): Promise<void> {
    if (!areas.length) return;
    await tx.query(
      `INSERT INTO regions (code, name, kind, parent_id)
       SELECT a.code, a.name, a.kind, p.id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS a(code, name, kind, parent_code)
         LEFT JOIN regions p ON p.code = a.parent_code`,
      [areas.map((a) => a.code), areas.map((a) => a.name), areas.map((a) => a.kind), areas.map((a) => a.parentCode)],
    );
  }

  /** Replaces the tags of regions (id → tags) in one statement. */
  async setRegionTags(tx: EntityManager, rows: { id: string; tags: string[] }[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE regions r SET tags = COALESCE(string_to_array(NULLIF(u.tags, ''), '|'), '{}')
         FROM unnest($1::uuid[], $2::text[]) AS u(id, tags) WHERE r.id = u.id`,
      [rows.map((r) => r.id), rows.map((r) => r.tags.join('|'))],
    );
  }

  countRegions(): Promise<number> {
    return this.regions().count();
  }
}
