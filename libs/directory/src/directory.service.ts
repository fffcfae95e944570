import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertOwnership, organizationScope, toPage, NotFound, ValidationFailed, type Actor, type OwnedBy, type Page } from '@app/common';
import { AuditService } from '@app/audit';
import { DirectoryRepository } from './persistence/directory.repository';
import { RegionEntity } from './persistence/region.entity';
import { OrganizationEntity } from './persistence/organization.entity';
import { ORGANIZATION_KINDS, parentRuleError, type OrganizationKind, type RegionKind } from './domain/region-kind';
import { ImportRefused, parseCsv, type RowError } from './import/csv';
import type { CreateOrganizationDto, CreateRegionDto, OrganizationView, RegionView } from './dto/directory.dto';
import { transactionLock } from '@app/database';

export function toRegionView(r: RegionEntity): RegionView {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parentId, tags: r.tags ?? [] };
}

export function toOrganizationView(o: OrganizationEntity): OrganizationView {
  return { id: o.id, code: o.code, name: o.name, kind: o.kind, regionId: o.regionId, regionName: o.region?.name, regionKind: o.region?.kind, email: o.email };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Looks organizations and regions up by code or by name, the way people write them in spreadsheets. */
export class DirectoryIndex {
  private readonly regionsByKey = new Map<string, RegionEntity[]>();
  private readonly orgsByKey = new Map<string, OrganizationEntity[]>();

  constructor(regions: RegionEntity[], orgs: OrganizationEntity[]) {
    for (const r of regions) {
      for (const k of [r.code, r.name, r.id]) if (k) this.push(this.regionsByKey, norm(k), r);
    }
    for (const o of orgs) {
      for (const k of [o.code, o.name, o.id]) if (k) this.push(this.orgsByKey, norm(k), o);
    }
  }

  private push<T>(map: Map<string, T[]>, key: string, v: T) {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  }

  region(ref: string): RegionEntity | string {
    const hits = this.regionsByKey.get(norm(ref)) ?? [];
    if (hits.length === 1) return hits[0];
    return hits.length === 0 ? `no region "${ref}"` : `"${ref}" names ${hits.length} regions; use the code`;
  }

  organization(ref: string): OrganizationEntity | string {
    const hits = this.orgsByKey.get(norm(ref)) ?? [];
    if (hits.length === 1) return hits[0];
    return hits.length === 0 ? `no organization "${ref}"` : `"${ref}" names ${hits.length} organizations; use the code`;
  }
}

@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: DirectoryRepository,
    private readonly audit: AuditService,
  ) {}

  async listRegions(filter: { kind?: RegionKind; parentId?: string }): Promise<RegionView[]> {
    return (await this.repo.listRegions(filter)).map(toRegionView);
  }

  async getRegion(id: string): Promise<RegionEntity> {
    const r = await this.repo.findRegion(id);
    if (!r) throw new NotFound('REGION_NOT_FOUND', `region ${id} not found`);
    return r;
  }

  async createRegion(actor: Actor, dto: CreateRegionDto): Promise<RegionView> {
    return this.db.transaction(async (tx) => {
      const parent = dto.parentId ? await this.repo.findRegion(dto.parentId, tx) : null;
      if (dto.parentId && !parent) throw new ValidationFailed([{ field: 'parentId', message: `no region ${dto.parentId}` }], 'REGION_INVALID');
      const problem = parentRuleError(dto.kind, parent?.kind ?? null);
      if (problem) throw new ValidationFailed([{ field: 'parentId', message: problem }], 'REGION_INVALID');
      const region = await this.repo.insertRegion(tx, { name: dto.name.trim(), kind: dto.kind, code: dto.code ?? null, parentId: parent?.id ?? null });
      await this.audit.record(tx, { actorId: actor.id, action: 'region.create', entityType: 'region', entityId: region.id, after: toRegionView(region) });
      return toRegionView(region);
    });
  }

  async listOrganizations(actor: Actor, filter: { regionId?: string; q?: string }, page = 1, pageSize = 20): Promise<Page<OrganizationView>> {
    const [rows, total] = await this.repo.listOrganizations(organizationScope(actor), filter, page, pageSize);
    return toPage(rows.map(toOrganizationView), total, page, pageSize);
  }

  /** 404 for an organization outside the actor's scope (another OPD's, another region's). */
  async getOrganization(actor: Actor, id: string): Promise<OrganizationView> {
    assertOwnership(actor, await this.repo.ownerOf(id), 'organization', id);
    return toOrganizationView((await this.repo.findOrganization(id))!);
  }

  ownerOf(organizationId: string, tx?: EntityManager): Promise<OwnedBy | null> {
    return this.repo.ownerOf(organizationId, tx);
  }

  findOrganization(id: string, tx?: EntityManager): Promise<OrganizationEntity | null> {
    return this.repo.findOrganization(id, tx);
  }

  findOrganizations(ids: string[], tx?: EntityManager): Promise<OrganizationEntity[]> {
    return this.repo.findOrganizations(ids, tx);
  }

  findRegion(id: string, tx?: EntityManager): Promise<RegionEntity | null> {
    return this.repo.findRegion(id, tx);
  }

  async index(tx?: EntityManager): Promise<DirectoryIndex> {
    const [regions, orgs] = await Promise.all([this.repo.allRegions(tx), this.repo.allOrganizations(tx)]);
    return new DirectoryIndex(regions, orgs);
  }

  async createOrganization(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationView> {
    return this.db.transaction(async (tx) => {
      const region = await this.repo.findRegion(dto.regionId, tx);
      if (!region) throw new ValidationFailed([{ field: 'regionId', message: `no region ${dto.regionId}` }], 'ORGANIZATION_INVALID');
      const [org] = await this.repo.insertOrganizations(tx, [{ name: dto.name.trim(), regionId: region.id, kind: dto.kind ?? 'opd', code: dto.code ?? null, email: dto.email?.toLowerCase() ?? null }]);
      await this.audit.record(tx, { actorId: actor.id, action: 'organization.create', entityType: 'organization', entityId: org.id, after: toOrganizationView(org) });
      return toOrganizationView({ ...org, region } as OrganizationEntity);
    });
  }

  /**
   * CSV columns: name, region (code or name), kind, code, email. All rows or none: any bad row refuses the
   * whole file with every error listed by line.
   */
  async importOrganizations(actor: Actor, csv: string): Promise<{ created: number; items: OrganizationView[] }> {
    const records = parseCsv(csv, ['name', 'region'], ['name', 'region', 'kind', 'code', 'email'], 'IMPORT_ORGANIZATIONS_INVALID');
    return this.db.transaction(async (tx) => {
      // Serialise imports so two simultaneous files cannot both pass the duplicate check.
      await transactionLock(tx, 'import:organizations');
      const index = await this.index(tx);
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      const rows: Pick<OrganizationEntity, 'code' | 'name' | 'kind' | 'regionId' | 'email'>[] = [];
      records.forEach((rec, i) => {
        const line = i + 2;
        const err = (field: string, message: string) => errors.push({ row: line, field, message });
        const name = rec.name ?? '';
        if (!name) err('name', 'is required');
        else if (name.length > 300) err('name', 'must be at most 300 characters');
        const region = rec.region ? index.region(rec.region) : 'is required';
        if (typeof region === 'string') err('region', region);
        const kind = (rec.kind || 'opd').toLowerCase();
        if (!(ORGANIZATION_KINDS as readonly string[]).includes(kind)) err('kind', `must be one of ${ORGANIZATION_KINDS.join(', ')}`);
        const code = rec.code || null;
        if (code && !/^[A-Za-z0-9._-]{1,40}$/.test(code)) err('code', 'may hold letters, digits, dot, dash and underscore (at most 40)');
        if (code && typeof index.organization(code) !== 'string') err('code', `an organization with code ${code} already exists`);
        const email = rec.email || null;
        if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) err('email', 'is not an e-mail address');
        if (name && typeof region !== 'string') {
          const key = `${region.id}|${norm(name)}`;
          const existing = index.organization(name);
          if (typeof existing !== 'string' && existing.regionId === region.id) err('name', `"${name}" already exists in ${region.name}`);
          if (seen.has(key)) err('name', `duplicates line ${seen.get(key)}`);
          seen.set(key, line);
          rows.push({ name, regionId: region.id, kind: kind as OrganizationKind, code, email: email?.toLowerCase() ?? null });
        }
      });
      if (errors.length) throw new ImportRefused('IMPORT_ORGANIZATIONS_INVALID', errors);
      const created = await this.repo.insertOrganizations(tx, rows);
      await this.audit.record(tx, { actorId: actor.id, action: 'organization.import', entityType: 'organization', entityId: `import:${created.length}`, after: { count: created.length } });
      return { created: created.length, items: created.map(toOrganizationView) };
    });
  }
}
