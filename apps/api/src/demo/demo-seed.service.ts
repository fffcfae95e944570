import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import type { Affiliation } from '@app/common';
import { OrganizationEntity, RegionEntity } from '@app/directory';
import { UsersService } from '@app/identity';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_REGIONS, type DemoAccount } from './demo-data';

export interface SeedResult {
  accounts: DemoAccount[];
}

/** The demo edition for development: never in production, only into an empty database. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly config: ConfigService<AppEnv, true>,
  ) {}

  /** Seeds when enabled and the database has no users; returns the demo accounts when they exist. */
  async seedIfEmpty(): Promise<SeedResult | null> {
    if (!this.config.get('seedDemo', { infer: true })) return null;
    if ((await this.users.countAll()) === 0) await this.seed();
    const [admin] = await this.db.query(`SELECT 1 FROM users WHERE email = 'admin@demo.local'`);
    return admin ? { accounts: DEMO_ACCOUNTS } : null;
  }

  /** Idempotent: existing regions, organizations and accounts are kept. */
  async seed(): Promise<SeedResult> {
    if (this.config.get('nodeEnv', { infer: true }) === 'production') throw new Error('The demo seed never runs with NODE_ENV=production');
    const password = this.config.get('demoPassword', { infer: true });
    await this.db.transaction(async (tx) => {
      const regions = await this.ensureRegions(tx);
      const orgs = await this.ensureOrganizations(tx, regions);
      for (const a of DEMO_ACCOUNTS) {
        const affiliations: Affiliation[] = (a.affiliations ?? []).map((ref) =>
          regions.has(ref) ? { type: 'region', regionId: regions.get(ref)!.id } : { type: 'organization', organizationId: orgs.get(ref)!.id },
        );
        await this.users.ensure(
          { email: a.email, name: a.name, role: a.role, password, organizationId: a.organization ? orgs.get(a.organization)!.id : null, regionId: a.region ? regions.get(a.region)!.id : null, affiliations },
          tx,
        );
      }
    });
    this.logger.log(`Demo data seeded: ${DEMO_REGIONS.length} regions, ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_ACCOUNTS.length} accounts`);
    return { accounts: DEMO_ACCOUNTS };
  }

  private async ensureRegions(tx: EntityManager): Promise<Map<string, RegionEntity>> {
    const repo = tx.getRepository(RegionEntity);
    const byCode = new Map((await repo.find()).filter((r) => r.code).map((r) => [r.code!, r]));
    const province = DEMO_REGIONS.find((r) => r.kind === 'provinsi')!;
    for (const r of DEMO_REGIONS) {
      if (byCode.has(r.code)) continue;
      const parentId = r.kind === 'provinsi' ? null : byCode.get(province.code)!.id;
      byCode.set(r.code, await repo.save(repo.create({ code: r.code, name: r.name, kind: r.kind, parentId })));
    }
    return byCode;
  }

  private async ensureOrganizations(tx: EntityManager, regions: Map<string, RegionEntity>): Promise<Map<string, OrganizationEntity>> {
    const repo = tx.getRepository(OrganizationEntity);
    const byCode = new Map((await repo.find()).filter((o) => o.code).map((o) => [o.code!, o]));
    for (const o of DEMO_ORGANIZATIONS) {
      if (byCode.has(o.code)) continue;
      byCode.set(o.code, await repo.save(repo.create({ code: o.code, name: o.name, kind: o.kind, regionId: regions.get(o.region)!.id, email: null })));
    }
    return byCode;
  }
}
