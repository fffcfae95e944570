import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import { Conflict, Forbidden, LruMap, NotFound, ValidationFailed, type Actor, type PrecompressedBody } from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService, type CompetitionPlan } from '@app/competitions';
import { DirectoryService } from '@app/directory';
import { IndexEditionsService, type VerifiedIndex } from '@app/index-editions';
import type { GivenScoresCompetition } from '@app/judging';
import { RankingsReadModel } from '@app/results';
import { InnovationsService } from '@app/submissions';
import type { GivenInput, ScoringInput } from '@app/scoring';
import { AwardsErrorCode as E, groupRanking, nominate, preparationErrors, type IndexTieBreak } from './domain';
import { AwardsRepository, type EntryRow } from './persistence/awards.repository';
import { awardsPage } from './awards-html';
import type {
  AwardEntryView,
  AwardRegionView,
  AwardResultsView,
  AwardRowView,
  AwardSectionView,
  NominationView,
  PrepareEntryDto,
} from './dto/awards.dto';

/** Published snapshots (index and ranking) never change: their award views are kept per process. */
const KEPT = 32;

/**
 * Region award editions (issue 17): nominees from a published index snapshot become entries (innovations rows
 * of the region's government, so the judging machinery runs unchanged), their coordinators prepare them, the
 * given stage carries the verified IID, and the published ranking gets a section per category and award group.
 */
@Injectable()
export class AwardsService {
  private readonly indexes = new LruMap<string, VerifiedIndex>(KEPT);
  private readonly results = new LruMap<string, AwardResultsView>(KEPT);
  private readonly pages = new LruMap<string, PrecompressedBody>(KEPT);
  private readonly publicUrl: string;

  constructor(
    private readonly repo: AwardsRepository,
    private readonly competitions: CompetitionsService,
    private readonly directory: DirectoryService,
    private readonly index: IndexEditionsService,
    private readonly innovations: InnovationsService,
    private readonly rankings: RankingsReadModel,
    private readonly audit: AuditService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
  }

  /** The given stage scores of a region award (DESIGN §4 rule 10): each entry's verified IID. */
  async givenScores(competition: GivenScoresCompetition, tx?: EntityManager): Promise<GivenInput[]> {
    const stage = competition.plan.stages.find((s) => s.given === true);
    if (!stage) return [];
    return (await this.repo.iids(competition.id, tx)).map((e) => ({ stage: stage.key, submission: e.innovationId, score: e.iid }));
  }

  /**
   * Nominates from the plan's index snapshot: the top N of each category and award group by verified IID (ties
   * at the cut-off too), each an entry in the given first stage. Once, while that stage is open.
   */
  async nominate(actor: Actor, competitionId: string, now = new Date()): Promise<NominationView> {
    const made = await this.repo.transaction(async (tx) => {
      const competition = await this.competitions.lockManaged(actor, tx, competitionId);
      const award = this.awardOf(competition.plan);
      const first = (await this.competitions.snapshot(competitionId, tx)).stages[0];
      if (competition.status !== 'open' || first?.status !== 'open')
        throw new Conflict(
          E.NominationClosed,
          `nominees are taken while the ${competition.plan.stages[0].key} stage is open (the edition is ${competition.status}, the stage ${first?.status ?? 'missing'})`,
          { status: competition.status, stage: first?.status ?? null },
        );
      if (await this.repo.countOf(competitionId, tx))
        throw new Conflict(E.AlreadyNominated, 'the nominees of this edition are already taken from the index', {});
      const index = await this.verifiedIndex(award.indexSnapshotId);
      const regions = new Map(
        (
          await this.directory.findRegions(
            index.regions.map((r) => r.id),
            tx,
          )
        ).map((r) => [r.id, r]),
      );
      const indexed = index.regions.flatMap((r) => {
        const region = regions.get(r.id);
        return region
          ? [
              {
                id: r.id,
                name: region.name,
                kind: region.kind,
                tags: region.tags ?? [],
                iid: r.verified.iid,
                sid: r.verified.sid,
                spd: r.verified.spd,
                innovations: r.verified.innovations,
              },
            ]
          : [];
      });
      const { nominees, withoutCategory } = nominate(
        indexed,
        competition.plan.categories,
        award.groups,
        award.nominees,
        index.tieBreak as IndexTieBreak[],
      );
      if (!nominees.length)
        throw new Conflict(E.NoNominees, 'no region of the index snapshot falls in a category or award group of this edition', {});
      const byId = new Map(indexed.map((r) => [r.id, r]));
      const labelOf = new Map(competition.plan.categories.map((c) => [c.key, c.label]));
      for (const n of nominees) {
        const region = regions.get(n.regionId)!;
        const org = await this.directory.regionalGovernment(tx, region);
        const iid = byId.get(n.regionId)!.iid;
        const row = await this.innovations.enterNominee(
          tx,
          actor,
          {
            competitionId,
            organizationId: org.id,
            regionId: region.id,
            provinceId: region.kind === 'provinsi' ? region.id : region.parentId,
            category: n.category,
            stage: competition.plan.stages[0].key,
            title: region.name,
            summary: `Nominasi ${labelOf.get(n.category)?.id ?? n.category} dari ${index.edition.name} v${index.snapshot.version}: IID terverifikasi ${iid}.`,
          },
          now,
        );
        await this.repo.insert(tx, {
          innovationId: row.id,
          competitionId,
          regionId: region.id,
          category: n.category,
          groups: n.groups,
          indexRanks: n.indexRanks,
          indexSnapshotId: index.snapshot.id,
          iid,
          showcase: [],
        });
      }
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'award.nominate',
        entityType: 'competition',
        entityId: competitionId,
        competitionId,
        after: {
          indexSnapshotId: index.snapshot.id,
          indexHash: index.snapshot.hash,
          nominees: nominees.map((n) => n.regionId),
          withoutCategory,
        },
      });
      return { withoutCategory };
    });
    return { entries: await this.entries(actor, competitionId), withoutCategory: made.withoutCategory };
  }

  /** Organizers see every entry; a coordinator its region's; nobody else (jurors reach entries through assignments). */
  async entries(actor: Actor, competitionId: string): Promise<AwardEntryView[]> {
    let regionId: string | undefined;
    if (actor.role === 'coordinator') {
      await this.competitions.visible(actor, competitionId);
      regionId = actor.regionId ?? undefined;
      if (!regionId) return [];
    } else if (actor.role === 'admin' || actor.role === 'organizer') await this.competitions.assertManages(actor, competitionId);
    else throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'organizers and the regions’ coordinators see the entries');
    const competition = await this.competitions.snapshot(competitionId);
    this.awardOf(competition.plan);
    const rows = await this.repo.entries(competitionId, regionId);
    const editable = this.editable(competition.status, competition.stages);
    const index = rows.length ? await this.verifiedIndex(rows[0].indexSnapshotId) : null;
    return rows.map((r) => this.view(r, editable, index));
  }

  /** One entry: its organizers, its region's coordinator, and the jurors of its panel or assignments (without choices). */
  async entry(actor: Actor, id: string): Promise<AwardEntryView> {
    const { relation } = await this.innovations.relate(actor, id);
    const row = await this.repo.entry(id);
    if (!row) throw new NotFound(E.EntryNotFound, `region award entry ${id} not found`);
    const competition = await this.competitions.snapshot(row.competitionId);
    const index = relation === 'reader' ? null : await this.verifiedIndex(row.indexSnapshotId);
    return this.view(row, this.editable(competition.status, competition.stages), index);
  }

  /**
   * The coordinator (or an organizer for the region) prepares the entry: presenter, materials, the innovations
   * shown (the region's own in the index snapshot, counted by its validators). Until the presentation opens.
   */
  async prepare(actor: Actor, id: string, dto: PrepareEntryDto): Promise<AwardEntryView> {
    await this.repo.transaction(async (tx) => {
      const { relation } = await this.innovations.relate(actor, id, tx);
      if (relation !== 'coordinator' && relation !== 'organizer')
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', "the region's coordinator or an organizer prepares the entry");
      const entry = await this.repo.lock(tx, id);
      if (!entry) throw new NotFound(E.EntryNotFound, `region award entry ${id} not found`);
      const competition = await this.competitions.holdSnapshot(tx, entry.competitionId);
      if (!this.editable(competition.status, competition.stages))
        throw new Conflict(E.EntryLocked, 'the presentation has started: the entry is no longer prepared', {
          stages: competition.stages.map((s) => ({ key: s.key, status: s.status })),
        });
      if (dto.version !== undefined && dto.version !== entry.version)
        throw new Conflict(E.VersionConflict, `the entry was changed since version ${dto.version} (now ${entry.version}); reload it`, {
          current: entry.version,
        });
      const index = await this.verifiedIndex(entry.indexSnapshotId);
      const mine = index.innovations.filter((i) => i.region === entry.regionId);
      const errors = preparationErrors(dto, mine);
      if (errors.length) throw new ValidationFailed(errors, E.Invalid);
      const before = {
        presenterName: entry.presenterName,
        presenterPosition: entry.presenterPosition,
        materialsUrl: entry.materialsUrl,
        showcase: entry.showcase,
      };
      const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null || !v.trim() ? null : v.trim());
      if (dto.presenterName !== undefined) entry.presenterName = clean(dto.presenterName)!;
      if (dto.presenterPosition !== undefined) entry.presenterPosition = clean(dto.presenterPosition)!;
      if (dto.materialsUrl !== undefined) entry.materialsUrl = clean(dto.materialsUrl)!;
      if (dto.showcase !== undefined)
        entry.showcase = dto.showcase.map((sid) => ({ id: sid, title: mine.find((i) => i.id === sid)!.title }));
      entry.preparedBy = actor.id;
      entry.version += 1;
      await this.repo.save(tx, entry);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'award_entry.prepare',
        entityType: 'innovation',
        entityId: id,
        competitionId: entry.competitionId,
        before,
        after: {
          presenterName: entry.presenterName,
          presenterPosition: entry.presenterPosition,
          materialsUrl: entry.materialsUrl,
          showcase: entry.showcase,
        },
      });
    });
    return this.entry(actor, id);
  }

  // ── public ────────────────────────────────────────────────────────────────
  /**
   * The published award results: a section per category and per award group, all from one snapshot (a group's
   * section is that snapshot's input ranked among the group's members, DESIGN §4 rule 11 for the others).
   */
  async publicResults(slug: string, version?: number): Promise<AwardResultsView> {
    const view = await this.rankings.rankingsBySlug(slug, version);
    const cached = this.results.get(view.snapshot.id);
    if (cached) return cached;
    const competition = await this.competitions.snapshot(view.competition.id);
    const award = competition.plan.regionAward;
    if (!award) throw new NotFound(E.NotPublished, `${slug} is not a region award edition`);
    const entries = new Map((await this.repo.entries(competition.id)).map((e) => [e.innovationId, e]));
    const index = await this.verifiedIndex(award.indexSnapshotId);
    const input = (await this.rankings.snapshotJson(view.snapshot.id)).input as ScoringInput;
    const rowOf = (r: {
      rank: number;
      submission: string;
      final: number;
      band: string | null;
      stages: Record<string, number>;
    }): AwardRowView => {
      const e = entries.get(r.submission);
      return {
        rank: r.rank,
        entryId: r.submission,
        regionId: e?.regionId ?? '',
        region: e?.regionName ?? r.submission,
        final: r.final,
        band: r.band,
        stages: r.stages,
        flagship: e?.showcase ?? [],
        indexUrl: e ? this.indexUrl(index, e.regionId) : '',
      };
    };
    const sections: AwardSectionView[] = [
      ...competition.plan.categories.map((c) => ({
        key: c.key,
        label: c.label,
        kind: 'category' as const,
        rows: (view.categories[c.key] ?? []).map((r) =>
          rowOf({ rank: r.rank, submission: r.innovationId, final: r.final, band: r.band, stages: r.stages }),
        ),
      })),
      ...award.groups.map((g) => ({
        key: g.key,
        label: g.label,
        kind: 'group' as const,
        rows: groupRanking(
          input,
          new Set([...entries.values()].filter((e) => e.groups.includes(g.key)).map((e) => e.innovationId)),
          g.key,
        ).map(rowOf),
      })),
    ];
    const result: AwardResultsView = {
      competition: view.competition,
      snapshot: { id: view.snapshot.id, version: view.snapshot.version, hash: view.snapshot.hash, publishedAt: view.snapshot.publishedAt },
      index: { slug: index.edition.slug, name: index.edition.name, snapshotId: index.snapshot.id, version: index.snapshot.version },
      stages: view.stages,
      sections,
    };
    this.results.set(view.snapshot.id, result);
    return result;
  }

  /** The server-rendered results page (/penghargaan/:slug) inside the web app's shell, with its gzip and ETag; made once per snapshot. */
  async publicPage(slug: string, shell: string): Promise<PrecompressedBody> {
    const view = await this.publicResults(slug);
    let body = this.pages.get(view.snapshot.id);
    if (!body) {
      const raw = Buffer.from(awardsPage(view, shell));
      body = { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
      this.pages.set(view.snapshot.id, body);
    }
    return body;
  }

  /** A region's award page: where it placed in each category and group, its flagship innovations, its index page. */
  async publicRegion(slug: string, regionId: string, version?: number): Promise<AwardRegionView> {
    const results = await this.publicResults(slug, version);
    const placements = results.sections.flatMap((s) =>
      s.rows
        .filter((r) => r.regionId === regionId)
        .map((r) => ({ section: s.key, label: s.label, kind: s.kind, rank: r.rank, final: r.final, row: r })),
    );
    if (!placements.length) throw new NotFound(E.RegionNotRanked, `region ${regionId} is not ranked in ${slug}`);
    const row = placements[0].row;
    const entry = await this.repo.entry(row.entryId);
    return {
      competition: results.competition,
      snapshot: results.snapshot,
      entryId: row.entryId,
      regionId,
      region: row.region,
      placements: placements.map(({ row: _row, ...p }) => p),
      stages: row.stages,
      presenterName: entry?.presenterName ?? null,
      presenterPosition: entry?.presenterPosition ?? null,
      flagship: row.flagship,
      indexUrl: row.indexUrl,
      certificateUrl: `${this.publicUrl}/api/public/rankings/${results.snapshot.id}/certificates/${row.entryId}`,
    };
  }

  // ── helpers ───────────────────────────────────────────────────────────────
  private awardOf(plan: CompetitionPlan): NonNullable<CompetitionPlan['regionAward']> {
    if (!plan.regionAward) throw new Conflict(E.NotRegionAward, 'this edition is not a region award (its entries are innovations)', {});
    return plan.regionAward;
  }

  /** Entries are prepared while the edition runs, until a stage after the nomination opens. */
  private editable(status: string, stages: { status: string }[]): boolean {
    return (status === 'open' || status === 'judging') && stages.slice(1).every((s) => s.status === 'scheduled');
  }

  /** The published index the award reads (immutable: kept per process). A missing one is a plan problem (400). */
  private async verifiedIndex(snapshotId: string): Promise<VerifiedIndex> {
    const kept = this.indexes.get(snapshotId);
    if (kept) return kept;
    const index = await this.index.verifiedRegions(snapshotId).catch((e: unknown) => {
      if (e instanceof NotFound)
        throw new ValidationFailed(
          [{ field: 'regionAward.indexSnapshotId', message: `no published index snapshot ${snapshotId}` }],
          E.Invalid,
        );
      throw e;
    });
    this.indexes.set(snapshotId, index);
    return index;
  }

  /** The region's page of the index version the award used (the web app's `/indeks/:slug/daerah/:regionId`). */
  private indexUrl(index: VerifiedIndex, regionId: string): string {
    return `${this.publicUrl}/indeks/${encodeURIComponent(index.edition.slug)}/daerah/${regionId}?version=${index.snapshot.version}`;
  }

  private view(r: EntryRow, editable: boolean, index: VerifiedIndex | null): AwardEntryView {
    return {
      id: r.innovationId,
      competitionId: r.competitionId,
      regionId: r.regionId,
      regionName: r.regionName,
      regionKind: r.regionKind,
      category: r.category,
      groups: r.groups,
      indexRanks: r.indexRanks,
      iid: r.iid,
      indexSnapshotId: r.indexSnapshotId,
      status: r.status,
      currentStage: r.currentStage,
      presenterName: r.presenterName,
      presenterPosition: r.presenterPosition,
      materialsUrl: r.materialsUrl,
      showcase: r.showcase,
      version: r.version,
      editable,
      ...(index
        ? {
            options: index.innovations
              .filter((i) => i.region === r.regionId)
              .map((i) => ({ id: i.id, title: i.title, eligible: i.eligible })),
          }
        : {}),
    };
  }
}
