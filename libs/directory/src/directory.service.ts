import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertOwnership,
  organizationScope,
  toPage,
  NotFound,
  ValidationFailed,
  type Actor,
  type OnProgress,
  type OwnedBy,
  type Page,
} from '@app/common';
import { AuditService } from '@app/audit';
import { DirectoryRepository } from './persistence/directory.repository';
import { RegionEntity } from './persistence/region.entity';
import { OrganizationEntity } from './persistence/organization.entity';
import { ORGANIZATION_KINDS, parentRuleError, type OrganizationKind, type RegionKind } from './domain/region-kind';
import { ImportRefused, parseCsv, type RowError } from './import/csv';
import { areaSource, loadNationalAreas } from './import/national-areas';
import { planAreaImport } from './domain/national-areas';
import { normalizeRegionTags, parseRegionTagCell } from './domain/region-tag';
import type {
  CreateOrganizationDto,
  CreateRegionDto,
  NationalAreasImportView,
  OrganizationView,
  RegionTagsImportView,
  RegionView,
} from './dto/directory.dto';
import { transactionLock } from '@app/database';

export function toRegionView(r: RegionEntity): RegionView {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parentId, tags: r.tags ?? [] };
}

export function toOrganizationView(o: OrganizationEntity): OrganizationView {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    regionId: o.regionId,
    regionName: o.region?.name,
    regionKind: o.region?.kind,
    email: o.email,
  };
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
      if (dto.parentId && !parent)
        throw new ValidationFailed([{ field: 'parentId', message: `no region ${dto.parentId}` }], 'REGION_INVALID');
      const problem = parentRuleError(dto.kind, parent?.kind ?? null);
      if (problem) throw new ValidationFailed([{ field: 'parentId', message: problem }], 'REGION_INVALID');
      const region = await this.repo.insertRegion(tx, {
        name: dto.name.trim(),
        kind: dto.kind,
        code: dto.code ?? null,
        parentId: parent?.id ?? null,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'region.create',
        entityType: 'region',
        entityId: region.id,
        after: toRegionView(region),
      });
      return toRegionView(region);
    });
  }

  /**
   * Loads Indonesia's provinces, kabupaten and kota with their Kemendagri codes from the pinned data package:
   * created when missing, matched by code (or by kind and name) and brought in line otherwise. Idempotent;
   * one audit event with the counts. `actorId` null = the CLI.
   */
  async importNationalAreas(actorId: string | null, onProgress?: OnProgress): Promise<NationalAreasImportView> {
    onProgress?.({ phase: 'reading', done: 0, total: 0 });
    const areas = await loadNationalAreas();
    const source = await areaSource();
    onProgress?.({ phase: 'waiting', done: 0, total: areas.length });
    return this.db.transaction(async (tx) => {
      await transactionLock(tx, 'import:regions');
      const plan = planAreaImport(await this.repo.allRegions(tx), areas);
      onProgress?.({ phase: 'saving', done: plan.unchanged, total: areas.length });
      await this.repo.applyAreaUpdates(
        tx,
        plan.update.map((u) => ({ id: u.id, ...u.area })),
      );
      // Provinces first: a kabupaten/kota finds its parent by the parent's code.
      const provinces = plan.create.filter((a) => a.kind === 'provinsi');
      await this.repo.insertAreas(tx, provinces);
      onProgress?.({ phase: 'saving', done: plan.unchanged + plan.update.length + provinces.length, total: areas.length });
      await this.repo.insertAreas(
        tx,
        plan.create.filter((a) => a.kind !== 'provinsi'),
      );
      onProgress?.({ phase: 'saving', done: areas.length, total: areas.length });
      const count = (kind: string) => areas.filter((a) => a.kind === kind).length;
      const result: NationalAreasImportView = {
        source,
        provinces: count('provinsi'),
        kabupaten: count('kabupaten'),
        kota: count('kota'),
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
      };
      await this.audit.record(tx, {
        actorId,
        action: 'region.import_national',
        entityType: 'region',
        entityId: `import:${source}`,
        after: { ...result },
      });
      return result;
    });
  }

  /** Replaces a region's tags (validated, unique, sorted); audited with before and after. */
  async setRegionTags(actor: Actor, id: string, tags: string[]): Promise<RegionView> {
    const normalized = normalizeRegionTags(tags);
    if ('invalid' in normalized)
      throw new ValidationFailed(
        [
          {
            field: 'tags',
            message: `"${normalized.invalid}" is not a tag (lower-case letters, digits and _, 2–40 characters, starting with a letter)`,
          },
        ],
        'REGION_INVALID',
      );
    return this.db.transaction(async (tx) => {
      const region = await tx.getRepository(RegionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!region) throw new NotFound('REGION_NOT_FOUND', `region ${id} not found`);
      const before = region.tags ?? [];
      await this.repo.setRegionTags(tx, [{ id, tags: normalized.tags }]);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'region.tags',
        entityType: 'region',
        entityId: id,
        before: { tags: before },
        after: { tags: normalized.tags },
      });
      return toRegionView({ ...region, tags: normalized.tags });
    });
  }

  /**
   * CSV columns: code (a region's code or name), tags (separated by `|` or spaces; empty clears them). All
   * rows or none; every bad row is listed. Replaces the tags of the regions named; one audit event each.
   */
  async importRegionTags(actor: Actor, csv: string, onProgress?: OnProgress): Promise<RegionTagsImportView> {
    const records = parseCsv(csv, ['code', 'tags'], ['code', 'tags'], 'IMPORT_REGION_TAGS_INVALID');
    const total = records.length;
    onProgress?.({ phase: 'waiting', done: 0, total });
    return this.db.transaction(async (tx) => {
      await transactionLock(tx, 'import:regions');
      const index = await this.index(tx);
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      const rows: { region: RegionEntity; tags: string[] }[] = [];
      records.forEach((rec, i) => {
        const line = i + 2;
        const region = rec.code ? index.region(rec.code) : 'is required';
        if (typeof region === 'string') errors.push({ row: line, field: 'code', message: region });
        const tags = parseRegionTagCell(rec.tags ?? '');
        if ('invalid' in tags)
          errors.push({
            row: line,
            field: 'tags',
            message: `"${tags.invalid}" is not a tag (lower-case letters, digits and _, 2–40 characters, starting with a letter)`,
          });
        if (typeof region === 'string' || 'invalid' in tags) return;
        if (seen.has(region.id))
          errors.push({ row: line, field: 'code', message: `${region.name} is already on line ${seen.get(region.id)}` });
        seen.set(region.id, line);
        rows.push({ region, tags: tags.tags });
        onProgress?.({ phase: 'checking', done: i + 1, total });
      });
      if (errors.length) throw new ImportRefused('IMPORT_REGION_TAGS_INVALID', errors);
      const changed = rows.filter((r) => (r.region.tags ?? []).join('|') !== r.tags.join('|'));
      onProgress?.({ phase: 'saving', done: rows.length - changed.length, total });
      await this.repo.setRegionTags(
        tx,
        changed.map((r) => ({ id: r.region.id, tags: r.tags })),
      );
      await this.audit.record(
        tx,
        ...changed.map((r) => ({
          actorId: actor.id,
          action: 'region.tags',
          entityType: 'region',
          entityId: r.region.id,
          before: { tags: r.region.tags ?? [] },
          after: { tags: r.tags },
        })),
      );
      return {
        updated: changed.length,
        unchanged: rows.length - changed.length,
        items: rows.map((r) => toRegionView({ ...r.region, tags: r.tags })),
      };
    });
  }

  async listOrganizations(
    actor: Actor,
    filter: { regionId?: string; q?: string },
    page = 1,
    pageSize = 20,
  ): Promise<Page<OrganizationView>> {
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

  findRegions(ids: string[], tx?: EntityManager): Promise<RegionEntity[]> {
    return this.repo.findRegions(ids, tx);
  }

  /**
   * The organization that stands for a region's government ("Pemerintah Kota Bekasi"), created on first use:
   * a region award's entry belongs to it (its coordinator prepares it).
   */
  regionalGovernment(tx: EntityManager, region: Pick<RegionEntity, 'id' | 'name'>): Promise<OrganizationEntity> {
    return this.repo.ensureOrganization(tx, region.id, `Pemerintah ${region.name}`);
  }

  async index(tx?: EntityManager): Promise<DirectoryIndex> {
    const [regions, orgs] = await Promise.all([this.repo.allRegions(tx), this.repo.allOrganizations(tx)]);
    return new DirectoryIndex(regions, orgs);
  }

  async createOrganization(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationView> {
    return this.db.transaction(async (tx) => {
      const region = await this.repo.findRegion(dto.regionId, tx);
      if (!region) throw new ValidationFailed([{ field: 'regionId', message: `no region ${dto.regionId}` }], 'ORGANIZATION_INVALID');
      const [org] = await this.repo.insertOrganizations(tx, [
        {
          name: dto.name.trim(),
          regionId: region.id,
          kind: dto.kind ?? 'opd',
          code: dto.code ?? null,
          email: dto.email?.toLowerCase() ?? null,
        },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organization.create',
        entityType: 'organization',
        entityId: org.id,
        after: toOrganizationView(org),
      });
      return toOrganizationView({ ...org, region } as OrganizationEntity);
    });
  }

  /**
   * CSV columns: name, region (code or name), kind, code, email. All rows or none: any bad row refuses the
   * whole file with every error listed by line.
   */
  async importOrganizations(actor: Actor, csv: string, onProgress?: OnProgress): Promise<{ created: number; items: OrganizationView[] }> {
    const records = parseCsv(csv, ['name', 'region'], ['name', 'region', 'kind', 'code', 'email'], 'IMPORT_ORGANIZATIONS_INVALID');
    const total = records.length;
    onProgress?.({ phase: 'waiting', done: 0, total });
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
        onProgress?.({ phase: 'checking', done: i + 1, total });
      });
      if (errors.length) throw new ImportRefused('IMPORT_ORGANIZATIONS_INVALID', errors);
      onProgress?.({ phase: 'saving', done: 0, total });
      const created = await this.repo.insertOrganizations(tx, rows);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organization.import',
        entityType: 'organization',
        entityId: `import:${created.length}`,
        after: { count: created.length },
      });
      return { created: created.length, items: created.map(toOrganizationView) };
    });
  }
}
