import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import type { Affiliation } from '@app/common';
import { Readable } from 'node:stream';
import { minimalPdf } from '@app/common';
import { OrganizationEntity, RegionEntity } from '@app/directory';
import { UsersService, UserEntity } from '@app/identity';
import { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity, defaultTemplate } from '@app/competitions';
import { STARTUP_LOCK, withAdvisoryLock } from '@app/database';
import { DocumentEntity, FileStorage, InnovationEntity, InnovationStatusHistoryEntity } from '@app/submissions';
import { AssignmentsService, JuryService, PipelineService, ScheduleService } from '@app/judging';
import { AwardsService } from '@app/awards';
import { ResultsService } from '@app/results';
import { CompetitionsService } from '@app/competitions';
import { IndexEditionsService } from '@app/index-editions';
import { judgeEdition } from './demo-judging';
import { seedIndexDemo } from './demo-index';
import { seedAwardsDemo } from './demo-awards';
import { ensureDemoSurveys } from './demo-surveys';
import { DEMO_ACCOUNTS, DEMO_INNOVATIONS, DEMO_ORGANIZATIONS, DEMO_REGIONS, demoSections, type DemoAccount } from './demo-data';

export const DEMO_EDITION_SLUG = 'iga-2024-demo';

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
    private readonly storage: FileStorage,
    private readonly competitions: CompetitionsService,
    private readonly pipeline: PipelineService,
    private readonly jury: JuryService,
    private readonly assignments: AssignmentsService,
    private readonly results: ResultsService,
    private readonly indexEditions: IndexEditionsService,
    private readonly awards: AwardsService,
    private readonly schedule: ScheduleService,
  ) {}

  /**
   * Seeds when enabled and the database has no users; returns the demo accounts when they exist. Under the
   * start-up advisory lock: of two instances starting together, one seeds and the other then finds users.
   */
  async seedIfEmpty(): Promise<SeedResult | null> {
    if (!this.config.get('seedDemo', { infer: true })) return null;
    await withAdvisoryLock(this.db, STARTUP_LOCK, async () => {
      if ((await this.users.countAll()) === 0) await this.seed({ judged: true });
    });
    const [admin] = await this.db.query(`SELECT 1 FROM users WHERE email = 'admin@demo.local'`);
    return admin ? { accounts: DEMO_ACCOUNTS } : null;
  }

  /**
   * Idempotent: existing regions, organizations and accounts are kept. With `judged`, the demo edition is
   * also run through every stage by the demo jurors and its results published (what `npm start` shows).
   */
  async seed(opts: { judged?: boolean } = {}): Promise<SeedResult> {
    if (this.config.get('nodeEnv', { infer: true }) === 'production') throw new Error('The demo seed never runs with NODE_ENV=production');
    const password = this.config.get('demoPassword', { infer: true });
    await this.db.transaction(async (tx) => {
      const regions = await this.ensureRegions(tx);
      const orgs = await this.ensureOrganizations(tx, regions);
      for (const a of DEMO_ACCOUNTS) {
        const affiliations: Affiliation[] = (a.affiliations ?? []).map((ref) =>
          regions.has(ref)
            ? { type: 'region', regionId: regions.get(ref)!.id }
            : { type: 'organization', organizationId: orgs.get(ref)!.id },
        );
        await this.users.ensure(
          {
            email: a.email,
            name: a.name,
            role: a.role,
            password,
            organizationId: a.organization ? orgs.get(a.organization)!.id : null,
            regionId: a.region ? regions.get(a.region)!.id : null,
            affiliations,
          },
          tx,
        );
      }
      await this.ensureEdition(tx, regions, orgs);
      const [opd] = await tx.query(`SELECT id FROM users WHERE email = 'opd.rsud@demo.local'`);
      if (opd) await ensureDemoSurveys(tx, opd.id);
    });
    if (opts.judged) {
      await this.judgeAndPublish();
      // The region award follows the index demo: "IGA 2024 (demo) — daerah terinovatif" from "IID 2024 (demo)".
      const index = await this.seedIndex();
      await this.seedAwards({ indexSnapshotId: index.snapshotId });
    }
    this.logger.log(
      `Demo data seeded: ${DEMO_REGIONS.length} regions, ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_ACCOUNTS.length} accounts, ${DEMO_INNOVATIONS.length} innovations`,
    );
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
      byCode.set(
        o.code,
        await repo.save(repo.create({ code: o.code, name: o.name, kind: o.kind, regionId: regions.get(o.region)!.id, email: null })),
      );
    }
    return byCode;
  }

  /** "IGA 2024 (demo)" from the template, open, with every demo innovation submitted with a PDF. */
  private async ensureEdition(tx: EntityManager, regions: Map<string, RegionEntity>, orgs: Map<string, OrganizationEntity>): Promise<void> {
    if (await tx.findOne(CompetitionEntity, { where: { slug: DEMO_EDITION_SLUG } })) return;
    const organizer = await tx.findOneOrFail(UserEntity, { where: { email: 'organizer@demo.local' } });
    const plan = defaultTemplate(2024);
    const competition = await tx.save(
      tx.create(CompetitionEntity, {
        slug: DEMO_EDITION_SLUG,
        name: 'IGA 2024 (demo)',
        year: 2024,
        description: 'Innovative Government Award 2024 — demo edition with Jawa Barat OPDs. / Edisi demo.',
        status: 'open',
        plan,
        createdBy: organizer.id,
      }),
    );
    await tx.insert(CompetitionOrganizerEntity, { competitionId: competition.id, userId: organizer.id });
    await tx.insert(
      CompetitionStageEntity,
      plan.stages.map((st, position) => ({
        competitionId: competition.id,
        key: st.key,
        position,
        status: position === 0 ? 'open' : 'scheduled',
        openedAt: position === 0 ? new Date('2024-01-01T00:00:00+07:00') : null,
        closedAt: null,
      })),
    );
    const byId = new Map([...regions.values()].map((r) => [r.id, r]));
    for (const [n, d] of DEMO_INNOVATIONS.entries()) {
      const org = orgs.get(d.org)!;
      const region = byId.get(org.regionId)!;
      const submittedAt = new Date(Date.UTC(2024, 4, 2 + n, 2, 15 * (n % 4)));
      const creator = await tx.findOne(UserEntity, { where: { organizationId: org.id } });
      const innovation = await tx.save(
        tx.create(InnovationEntity, {
          competitionId: competition.id,
          organizationId: org.id,
          regionId: region.id,
          provinceId: region.kind === 'provinsi' ? region.id : region.parentId,
          category: region.kind,
          status: 'submitted',
          currentStage: plan.stages[0].key,
          title: d.title,
          summary: d.summary,
          phase: d.phase,
          digital: d.digital,
          governmentAffair: d.affair,
          startDate: d.start,
          problem: d.problem,
          approach: d.approach,
          results: d.results,
          replicability: 'Dapat direplikasi oleh daerah lain dengan penyesuaian kecil.',
          sustainability: 'Ditetapkan dengan keputusan kepala daerah dan dianggarkan setiap tahun.',
          sections: demoSections(d),
          submittedAt,
          createdBy: creator?.id ?? organizer.id,
        }),
      );
      await tx.insert(InnovationStatusHistoryEntity, [
        {
          innovationId: innovation.id,
          fromStatus: null,
          toStatus: 'draft',
          actorId: creator?.id ?? null,
          actorRole: 'opd',
          reason: null,
          at: new Date(submittedAt.getTime() - 7 * 86400_000),
        },
        {
          innovationId: innovation.id,
          fromStatus: 'draft',
          toStatus: 'submitted',
          actorId: creator?.id ?? null,
          actorRole: 'opd',
          reason: null,
          at: submittedAt,
        },
      ]);
      const pdf = minimalPdf([
        d.title,
        org.name,
        `Data dukung inovasi - IGA 2024 (demo)`,
        `Mulai diterapkan: ${d.start}`,
        d.summary.slice(0, 90),
      ]);
      const staged = await this.storage.stage(Readable.from(pdf), pdf.length + 1);
      const storageKey = `${staged.sha256.slice(0, 2)}/demo-${innovation.id}.pdf`;
      await this.storage.commit(staged, storageKey);
      await tx.insert(DocumentEntity, {
        innovationId: innovation.id,
        kind: 'evidence',
        fileName: 'data-dukung.pdf',
        mediaType: 'application/pdf',
        size: staged.size,
        sha256: staged.sha256,
        storageKey,
        uploadedBy: creator?.id ?? organizer.id,
      });
    }
  }

  /** "IID 2024 (demo)" for Jawa Barat, published (see seedIndexDemo); idempotent. */
  seedIndex(): Promise<{ editionId: string; snapshotId: string }> {
    return seedIndexDemo(this.db, this.indexEditions);
  }

  /**
   * "IGA 2024 (demo) — daerah terinovatif" from a published index snapshot (libs/demo/src/demo-awards.ts), run
   * by the demo organizer, jurors and Kota Bekasi's coordinator; nothing when it exists already.
   */
  async seedAwards(opts: { indexSnapshotId: string }): Promise<{ competitionId: string; snapshotId: string } | null> {
    const users = await this.db.getRepository(UserEntity).find({
      where: DEMO_ACCOUNTS.filter((a) => a.role === 'juror' || a.role === 'organizer' || a.role === 'coordinator').map((a) => ({
        email: a.email,
      })),
    });
    const actor = (u: UserEntity) => ({
      id: u.id,
      role: u.role,
      email: u.email,
      name: u.name,
      organizationId: u.organizationId,
      regionId: u.regionId,
      sessionId: 'demo-seed',
    });
    return seedAwardsDemo(
      {
        competitions: this.competitions,
        awards: this.awards,
        pipeline: this.pipeline,
        jury: this.jury,
        assignments: this.assignments,
        schedule: this.schedule,
        results: this.results,
      },
      {
        organizer: actor(users.find((u) => u.role === 'organizer')!),
        jurors: users.filter((u) => u.role === 'juror').map(actor),
        coordinator: actor(users.find((u) => u.role === 'coordinator')!),
      },
      opts,
    );
  }

  /** Runs IGA 2024 (demo) through screening, desk review, presentation and field verification, then publishes. */
  async judgeAndPublish(): Promise<void> {
    const edition = await this.competitions.bySlug(DEMO_EDITION_SLUG);
    if (!edition || edition.status !== 'open') return;
    const accounts: UserEntity[] = await this.db
      .getRepository(UserEntity)
      .find({ where: DEMO_ACCOUNTS.filter((a) => a.role === 'juror' || a.role === 'organizer').map((a) => ({ email: a.email })) });
    const actor = (u: UserEntity) => ({
      id: u.id,
      role: u.role,
      email: u.email,
      name: u.name,
      organizationId: u.organizationId,
      regionId: u.regionId,
      sessionId: 'demo-seed',
    });
    const organizer = actor(accounts.find((u) => u.role === 'organizer')!);
    const jurors = accounts.filter((u) => u.role === 'juror').map(actor);
    const innovations = await this.db.getRepository(InnovationEntity).find({ where: { competitionId: edition.id } });
    await judgeEdition(
      { pipeline: this.pipeline, assignments: this.assignments, jury: this.jury },
      organizer,
      jurors,
      await this.competitions.snapshot(edition.id),
      {
        titles: new Map(innovations.map((i) => [i.id, i.title])),
        fail: {
          'Layanan Kesehatan Jiwa Daring':
            'Belum diterapkan minimal satu tahun pada saat pendaftaran / Not implemented for a year when submitted',
        },
        boost: { 'SiTaro (Siap Antar Obat)': 6, 'Patriot Mantap (Pelayanan Malam Administrasi Kependudukan)': 12 },
      },
    );
    // The provisional results were announced and the objection window ran out before publication.
    const snapshot = await this.competitions.snapshot(edition.id);
    const days = snapshot.plan.objectionWindowDays;
    const now = new Date();
    if (days > 0) await this.results.announce(organizer, edition.id, days, new Date(now.getTime() - (days + 1) * 86400_000));
    await this.results.publish(organizer, edition.id, undefined, now);
  }
}
