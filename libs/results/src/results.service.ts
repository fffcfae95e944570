import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import { ChangeBus } from '@app/database';
import { Clock, Conflict, Forbidden, LruMap, NotFound, ValidationFailed, type Actor, type PrecompressedBody } from '@app/common';
import { AuditService } from '@app/audit';
import { AGGREGATIONS, CompetitionsService, type CompetitionSnapshot } from '@app/competitions';
import { UsersService } from '@app/identity';
import { eventKey, OutboxService } from '@app/notifications';
import { InnovationsService, prefixQuery } from '@app/submissions';
import { excludedFromRanking, GivenScoresRegistry, JudgingRepository, JuryService, scoringInputFor, STATUSES_IN_STATISTICS } from '@app/judging';
import { createSnapshot, explain, rank, type RankOutput, type ScoringInput } from '@app/scoring';
import { ResultsRepository, type CatalogueFilter, type RankableInnovation } from './persistence/results.repository';
import { RankingSnapshotEntity } from './persistence/results.entities';
import { jurorAliases } from './domain/juror-aliases';
import { assertPublishable, assertUnanswered, assertUpheld, objectionWindowDays } from './domain/objection-window';

export interface InnovationLabel {
  title: string;
  organization: string;
  region: string;
  category: string;
}

export interface UnrankedRow {
  innovationId: string;
  title: string;
  organization: string;
  category: string;
  reachedStage: string | null;
}

/**
 * Unranked innovations listed inline in the rankings per category. A national edition has tens of
 * thousands (all but the finalists): inline they made the results page megabytes; the rest are paged. 25 keep
 * the first load of results day small (at 100 the unranked rows were 80 % of a national ranking's JSON, which
 * most visitors never scroll to); "show more" fetches them 100 at a time.
 */
export const UNRANKED_INLINE = 25;
/** How long a slug's latest version is trusted without asking the database (a publication on any instance evicts it: ChangeBus). */
const LATEST_CACHE_MS = 5_000;
/** Published snapshots whose views (and unranked lists) one process keeps. */
const SNAPSHOTS_KEPT = 32;

/** The public read model of a snapshot: rows with names, as the results page and the exports show them. */
export interface RankingView {
  competition: { id: string; slug: string; name: string; year: number };
  snapshot: { id: string; version: number; hash: string; inputsDigest: string; publishedAt: Date; reason: string | null };
  categories: Record<string, { rank: number; innovationId: string; title: string; organization: string; region: string; final: number; band: string | null; stages: Record<string, number> }[]>;
  /** The innovations without a rank, at most UNRANKED_INLINE per category (the rest: GET …/rankings/unranked). */
  unranked: UnrankedRow[];
  /** Per category: how many are unranked, and by the last stage they reached. */
  unrankedCounts: Record<string, { total: number; byStage: Record<string, number> }>;
  stages: { key: string; label: { id: string; en: string }; weight: number }[];
  versions: { id: string; version: number; hash: string; reason: string | null; publishedAt: Date }[];
}

/** Results: preview, provisional announcement with objections, immutable snapshots, public reads. */
@Injectable()
export class ResultsService {
  /** Immutable snapshots rendered once per process. */
  // Published snapshots are immutable, so these never go stale; bounded so a long-lived process with many
  // editions and versions keeps only the recently read ones (a national snapshot's view is a few MB).
  private readonly views = new LruMap<string, RankingView>(SNAPSHOTS_KEPT);
  private readonly allUnranked = new LruMap<string, UnrankedRow[]>(SNAPSHOTS_KEPT);
  private readonly bodies = new LruMap<string, PrecompressedBody>(200);
  private readonly latestBySlug = new LruMap<string, { until: number; competitionId: string; versions: RankingView['versions'] }>(1_000);
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly judging: JudgingRepository,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly repo: ResultsRepository,
    private readonly audit: AuditService,
    private readonly jury: JuryService,
    private readonly clock: Clock,
    config: ConfigService<AppEnv, true>,
    private readonly changes: ChangeBus,
    private readonly givenScores: GivenScoresRegistry,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
    changes.on('rankings', (slug) => (slug === null ? this.latestBySlug.clear() : this.latestBySlug.delete(slug)));
  }

  /**
   * The scoring input of the whole competition (all categories), jurors replaced by aliases. A disqualified
   * innovation enters as `excluded` with its sheets (DESIGN §4.11): it is not ranked, and no other score moves.
   */
  async buildInput(competition: CompetitionSnapshot, aggregation?: string, tx?: EntityManager): Promise<{ input: ScoringInput; innovations: RankableInnovation[] }> {
    const innovations = await this.repo.rankable(competition.id, STATUSES_IN_STATISTICS, tx);
    const ids = new Set(innovations.map((i) => i.id));
    const scored = new Set(competition.plan.stages.filter((s) => s.rubric.length > 0).map((s) => s.key));
    // DESIGN §4 rule 10: a region award's given stage (the verified IID), for the innovations in the input.
    const given = (await this.givenScores.scoresFor(competition, tx)).filter((g) => ids.has(g.submission));
    const sheets = (await this.judging.submittedSheets(competition.id, undefined, tx)).filter((s) => ids.has(s.innovationId) && scored.has(s.stageKey));
    const alias = jurorAliases(sheets.map((s) => s.jurorId));
    sheets.sort((a, b) => (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0));
    const submissions = innovations.map((i) => ({ ...i, excluded: excludedFromRanking(i.status) }));
    const input = scoringInputFor(competition.plan, submissions, sheets.map((s) => ({ stage: s.stageKey, juror: alias.get(s.jurorId)!, submission: s.innovationId, scores: s.scores })), { aggregation, given });
    return { input, innovations };
  }

  /**
   * The ranking per category from the current stage scores, with names and each row's explanation. With
   * another `aggregation` the organizer sees "what if"; `rawRank` is the rank under plain `mean`.
   */
  async preview(actor: Actor, competitionId: string, aggregation?: string) {
    await this.competitions.assertManages(actor, competitionId);
    if (aggregation && !(AGGREGATIONS as readonly string[]).includes(aggregation)) throw new ValidationFailed([{ field: 'aggregation', message: `must be one of ${AGGREGATIONS.join(', ')}` }], 'RESULTS_INVALID');
    const competition = await this.competitions.snapshot(competitionId);
    const { input, innovations } = await this.buildInput(competition, aggregation);
    const output = rank(input);
    // The same sheets under plain mean, without loading them again.
    const raw = rank({ ...input, stages: input.stages.map((s) => ({ ...s, aggregation: 'mean' as const })) });
    const rawRank = new Map(Object.values(raw.categories).flat().map((r) => [r.submission, r.rank]));
    const explanations = new Map(explain(input).map((e) => [e.submission, e]));
    const label = new Map(innovations.map((i) => [i.id, i]));
    return {
      aggregation: aggregation ?? 'plan',
      inputsDigest: output.inputsDigest,
      stagesOpen: competition.stages.filter((s) => s.status !== 'closed').map((s) => s.key),
      categories: Object.fromEntries(
        Object.entries(output.categories).map(([cat, rows]) => [
          cat,
          rows.map((r) => ({ ...r, rawRank: rawRank.get(r.submission) ?? null, title: label.get(r.submission)?.title, organization: label.get(r.submission)?.organization, region: label.get(r.submission)?.region, explanation: explanations.get(r.submission) })),
        ]),
      ),
      unranked: output.unranked.map((u) => ({ ...u, title: label.get(u.submission)?.title, organization: label.get(u.submission)?.organization })),
    };
  }

  private assertAllStagesClosed(competition: CompetitionSnapshot): void {
    const open = competition.stages.filter((s) => s.status !== 'closed');
    if (open.length) throw new Conflict('RESULTS_STAGES_OPEN', `close every stage first; still ${open.map((s) => `${s.key} (${s.status})`).join(', ')}`, { open: open.map((s) => s.key) });
  }

  /**
   * Provisional announcement: the current ranking, open to objections for N days — the plan's
   * `objectionWindowDays` at least (400 RESULTS_WINDOW_TOO_SHORT for fewer). The competition's OPDs are told.
   */
  async announce(actor: Actor, competitionId: string, days: number | undefined, now = this.clock.now()) {
    return this.db.transaction(async (tx) => {
      await this.competitions.lockManaged(actor, tx, competitionId);
      const competition = await this.competitions.snapshot(competitionId, tx);
      this.assertAllStagesClosed(competition);
      const window = objectionWindowDays(days, competition.plan.objectionWindowDays);
      const { input, innovations } = await this.buildInput(competition, undefined, tx);
      const announcement = await this.repo.insertAnnouncement(tx, { competitionId, output: rank(input), opensAt: now, closesAt: new Date(now.getTime() + window * 86400_000), announcedBy: actor.id });
      await this.audit.record(tx, { actorId: actor.id, action: 'results.announce', entityType: 'competition', entityId: competitionId, competitionId, after: { closesAt: announcement.closesAt, days: window } });
      const opds = await this.users.opdUsersOf([...new Set(innovations.map((i) => i.organizationId))], tx);
      await this.outbox.notify(tx, {
        type: 'results_announced',
        recipients: [...opds.values()].flat(),
        payload: { competition: competition.name, competitionId, closesAt: announcement.closesAt.toISOString() },
        dedupeKey: eventKey('results_announced', competitionId, announcement.id),
        competitionId,
      });
      return { id: announcement.id, opensAt: announcement.opensAt, closesAt: announcement.closesAt, days: window };
    });
  }

  /**
   * One objection per innovation while the window is open: filed by its OPD, or by its region's coordinator
   * (a region award's entry belongs to the region's government, which has no OPD account; issue 17).
   */
  async fileObjection(actor: Actor, innovationId: string, reason: string, now = this.clock.now()) {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.innovations.relate(actor, innovationId, tx);
      if (relation !== 'owner' && relation !== 'coordinator') throw new Forbidden('AUTH_ROLE_FORBIDDEN', "Only the innovation's OPD or its region's coordinator files an objection");
      const announcement = await this.repo.latestAnnouncement(innovation.competitionId, tx);
      if (!announcement || announcement.closesAt <= now) {
        throw new Conflict('OBJECTION_WINDOW_CLOSED', announcement ? `the objection window closed at ${announcement.closesAt.toISOString()}` : 'no provisional results have been announced for this competition');
      }
      if ((await this.repo.objections(announcement.id, tx)).some((o) => o.innovationId === innovationId)) throw new Conflict('OBJECTION_EXISTS', 'an objection was already filed for this innovation in this window');
      const o = await this.repo.saveObjection(tx, { announcementId: announcement.id, competitionId: innovation.competitionId, innovationId, filedBy: actor.id, reason });
      await this.audit.record(tx, { actorId: actor.id, action: 'objection.file', entityType: 'objection', entityId: o.id, competitionId: innovation.competitionId, after: { innovationId, reason } });
      return o;
    });
  }

  async objections(actor: Actor, competitionId: string) {
    await this.competitions.assertManages(actor, competitionId);
    const announcement = await this.repo.latestAnnouncement(competitionId);
    if (!announcement) return { announcement: null, objections: [] };
    return { announcement: { id: announcement.id, opensAt: announcement.opensAt, closesAt: announcement.closesAt }, objections: await this.repo.objections(announcement.id) };
  }

  /** The innovation's objections: between its OPD side and the organizers; a juror gets 404 (as if not visible). */
  async objectionsOf(actor: Actor, innovationId: string) {
    await this.relateBeyondJury(actor, innovationId);
    return this.repo.objectionsOfInnovation(innovationId);
  }

  /** The innovation and the actor's relation, for what jurors reading its dossier may not see (404 to them). */
  private async relateBeyondJury(actor: Actor, innovationId: string) {
    const related = await this.innovations.relate(actor, innovationId);
    if (related.relation === 'reader') throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${innovationId} not found`);
    return related;
  }

  /** The organizer's answer: final (a second one is 409 OBJECTION_ALREADY_ANSWERED); the OPD is told. */
  async answerObjection(actor: Actor, objectionId: string, answer: string, decision: 'upheld' | 'rejected', now = this.clock.now()) {
    return this.db.transaction(async (tx) => {
      const o = await this.managedObjection(actor, objectionId, tx);
      assertUnanswered(o);
      Object.assign(o, { answer, decision, answeredBy: actor.id, answeredAt: now });
      const saved = await this.repo.saveObjection(tx, o);
      await this.audit.record(tx, { actorId: actor.id, action: 'objection.answer', entityType: 'objection', entityId: o.id, competitionId: o.competitionId, after: { decision, answer } });
      const { innovation } = await this.innovations.relate(actor, o.innovationId, tx);
      const competition = await this.competitions.snapshot(o.competitionId, tx);
      const opds = (await this.users.opdUsersOf([innovation.organizationId], tx)).get(innovation.organizationId) ?? [];
      await this.outbox.notify(tx, {
        type: 'objection_answered',
        // Whoever filed it hears the answer too (a coordinator for a region award's entry).
        recipients: [...new Set([...opds, o.filedBy])],
        payload: { competition: competition.name, innovation: innovation.title, innovationId: innovation.id, decision, answer },
        dedupeKey: eventKey('objection_answered', o.id),
        competitionId: o.competitionId,
      });
      return saved;
    });
  }

  /** The objection, locked, if the actor runs its competition (404 otherwise). */
  private async managedObjection(actor: Actor, objectionId: string, tx: EntityManager) {
    const o = await this.repo.objection(objectionId, tx);
    if (!o) throw new NotFound('OBJECTION_NOT_FOUND', `objection ${objectionId} not found`);
    await this.competitions.assertManages(actor, o.competitionId, tx).catch(() => {
      throw new NotFound('OBJECTION_NOT_FOUND', `objection ${objectionId} not found`);
    });
    return o;
  }

  /**
   * An upheld objection changes the outcome: the organizer reopens, with a reason (audited), the innovation's
   * sheets of a scored stage — back to draft for its jurors, who are notified. Publication (the next snapshot
   * version) waits until they are submitted again.
   */
  async reopenForObjection(actor: Actor, objectionId: string, stage: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const o = await this.managedObjection(actor, objectionId, tx);
      assertUpheld(o);
      await this.competitions.lockManaged(actor, tx, o.competitionId);
      const competition = await this.competitions.snapshot(o.competitionId, tx);
      if (!competition.plan.stages.some((st) => st.key === stage)) throw new ValidationFailed([{ field: 'stage', message: `not a stage of this competition (${competition.plan.stages.map((st) => st.key).join(', ')})` }], 'OBJECTION_REOPEN_INVALID');
      const reopened = await this.jury.reopenForCorrection(tx, actor.id, competition, o.innovationId, stage, o.id, reason);
      if (!reopened) throw new Conflict('OBJECTION_NOTHING_TO_REOPEN', `the innovation has no submitted score sheet in stage "${stage}"`, { stage });
      await this.audit.record(tx, { actorId: actor.id, action: 'objection.reopen', entityType: 'objection', entityId: o.id, competitionId: o.competitionId, after: { innovationId: o.innovationId, stage, sheets: reopened }, reason });
      return { objectionId: o.id, innovationId: o.innovationId, stage, reopened };
    });
  }

  /**
   * Publishes version n+1 of the competition's ranking: the whole scoring input and output with its hash,
   * never changed afterwards. Refused while stages are open, the objection window runs, or objections
   * wait for an answer; a re-publication needs a reason. Everyone involved is notified.
   */
  async publish(actor: Actor, competitionId: string, reason: string | undefined, now = this.clock.now()) {
    const snapshot = await this.db.transaction(async (tx) => {
      const locked = await this.competitions.lockManaged(actor, tx, competitionId);
      const competition = await this.competitions.snapshot(competitionId, tx);
      this.assertAllStagesClosed(competition);
      const announcement = await this.repo.latestAnnouncement(competitionId, tx);
      const unanswered = announcement ? (await this.repo.objections(announcement.id, tx)).filter((o) => !o.answeredAt).length : 0;
      assertPublishable({ planDays: competition.plan.objectionWindowDays, announcement, unanswered, openCorrections: await this.jury.openCorrections(competitionId, tx), now });
      const previous = await this.repo.latestSnapshot(competitionId, tx);
      if (previous && !reason?.trim()) throw new ValidationFailed([{ field: 'reason', message: `version ${previous.version} is published; say why you publish a correction` }], 'RESULTS_REASON_REQUIRED');
      const { input, innovations } = await this.buildInput(competition, undefined, tx);
      const made = createSnapshot(input);
      const labels = Object.fromEntries(innovations.map((i) => [i.id, { title: i.title, organization: i.organization, region: i.region, category: i.category } satisfies InnovationLabel]));
      const row = await this.repo.insertSnapshot(tx, { competitionId, version: (previous?.version ?? 0) + 1, input: made.input as object, output: made.output as object, hash: made.hash, reason: reason ?? null, labels, publishedBy: actor.id });
      if (locked.status === 'judging') await this.competitions.setStatus(tx, actor.id, locked, 'published', `ranking v${row.version} published`);
      await this.audit.record(tx, { actorId: actor.id, action: 'results.publish', entityType: 'ranking_snapshot', entityId: row.id, competitionId, after: { version: row.version, hash: row.hash }, reason: reason ?? null });
      const ranked = innovations.filter((i) => !excludedFromRanking(i.status));
      const opds = await this.users.opdUsersOf([...new Set(ranked.map((i) => i.organizationId))], tx);
      const jurors: { juror_id: string }[] = await tx.query(`SELECT DISTINCT juror_id FROM assignments WHERE competition_id = $1 AND removed_at IS NULL`, [competitionId]);
      await this.outbox.notify(tx, {
        type: 'results_published',
        recipients: [...[...opds.values()].flat(), ...jurors.map((j) => j.juror_id)],
        payload: { competition: competition.name, slug: competition.slug },
        dedupeKey: eventKey('results_published', competitionId, row.version),
        competitionId,
      });
      // Every instance drops the slug's cached versions when this commits.
      await this.changes.announce('rankings', competition.slug, tx);
      return row;
    });
    return { id: snapshot.id, version: snapshot.version, hash: snapshot.hash, publishedAt: snapshot.publishedAt, url: `${this.publicUrl}/api/public/rankings/${snapshot.id}` };
  }

  // ── public reads ───────────────────────────────────────────────────────────
  publicCompetitions() {
    return this.repo.publicCompetitions();
  }

  /** The snapshot JSON exactly as `npm run -s cli -- verify` checks it (plus `meta`, which verify ignores). */
  async snapshotJson(id: string) {
    const s = await this.snapshotOr404(id);
    return { input: s.input, output: s.output, hash: s.hash, meta: { snapshotId: s.id, competitionId: s.competitionId, version: s.version, publishedAt: s.publishedAt, reason: s.reason } };
  }

  private async snapshotOr404(id: string): Promise<RankingSnapshotEntity> {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.snapshot(id) : null;
    if (!s) throw new NotFound('SNAPSHOT_NOT_FOUND', `ranking snapshot ${id} not found`);
    return s;
  }

  /** The latest published ranking of a competition, by slug (404 before the first publication). */
  async rankingsBySlug(slug: string, version?: number): Promise<RankingView> {
    const { versions } = await this.published(slug);
    const chosen = version ? versions.find((v) => v.version === version) : versions[0];
    if (!chosen) throw new NotFound('RANKING_NOT_PUBLISHED', version ? `version ${version} of ${slug} does not exist` : `the results of ${slug} are not published yet`);
    return { ...(await this.view(chosen.id)), versions };
  }

  /** A competition's published versions by slug, newest first; a slug with versions is kept LATEST_CACHE_MS. */
  private async published(slug: string): Promise<{ competitionId: string; versions: RankingView['versions'] }> {
    const cached = this.latestBySlug.get(slug);
    if (cached && cached.until > Date.now()) return cached;
    const competition = await this.competitions.bySlug(slug);
    if (!competition || competition.status === 'draft') throw new NotFound('COMPETITION_NOT_FOUND', `competition ${slug} not found`);
    const entry = { until: Date.now() + LATEST_CACHE_MS, competitionId: competition.id, versions: await this.repo.versions(competition.id) };
    if (entry.versions.length) {
      this.latestBySlug.set(slug, entry);
    }
    return entry;
  }

  /**
   * The rankings JSON (or, given `page`, the server-rendered page), made once per (snapshot, latest version) and kept with
   * its gzip and an ETag: results day is a traffic spike on exactly these routes, and a snapshot never changes.
   */
  async publicBody(slug: string, version: number | undefined, page?: (view: RankingView) => string): Promise<PrecompressedBody> {
    const view = await this.rankingsBySlug(slug, version);
    const key = `${page ? 'html' : 'json'}:${view.snapshot.id}:${view.versions[0]?.id}`;
    let body = this.bodies.get(key);
    if (!body) {
      const raw = Buffer.from(page ? page(view) : JSON.stringify(view));
      body = { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
      this.bodies.set(key, body);
    }
    return body;
  }

  /** One page of a published ranking's unranked innovations, optionally of one category. */
  async unrankedPage(slug: string, version: number | undefined, category: string | undefined, page: number, pageSize: number) {
    const view = await this.rankingsBySlug(slug, version);
    const all = this.allUnranked.get(view.snapshot.id) ?? [];
    const rows = category ? all.filter((u) => u.category === category) : all;
    return { snapshot: { id: view.snapshot.id, version: view.snapshot.version }, items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
  }

  /** The rendered view of an immutable snapshot (computed once per process; `versions` as of that time). */
  async view(snapshotId: string): Promise<RankingView> {
    const cached = this.views.get(snapshotId);
    if (cached) return cached;
    const s = await this.snapshotOr404(snapshotId);
    const competition = await this.competitions.snapshot(s.competitionId);
    const labels = s.labels as Record<string, InnovationLabel>;
    const output = s.output as RankOutput;
    const unranked: UnrankedRow[] = output.unranked.map((u) => ({ innovationId: u.submission, title: labels[u.submission]?.title ?? u.submission, organization: labels[u.submission]?.organization ?? '', category: u.category, reachedStage: u.reachedStage }));
    const unrankedCounts: RankingView['unrankedCounts'] = {};
    const inline: UnrankedRow[] = [];
    for (const u of unranked) {
      const counts = (unrankedCounts[u.category] ??= { total: 0, byStage: {} });
      if (counts.total++ < UNRANKED_INLINE) inline.push(u);
      const stage = u.reachedStage ?? 'none';
      counts.byStage[stage] = (counts.byStage[stage] ?? 0) + 1;
    }
    const view: RankingView = {
      competition: { id: competition.id, slug: competition.slug, name: competition.name, year: competition.year },
      snapshot: { id: s.id, version: s.version, hash: s.hash, inputsDigest: output.inputsDigest, publishedAt: s.publishedAt, reason: s.reason },
      categories: Object.fromEntries(Object.entries(output.categories).map(([cat, rows]) => [cat, rows.map((r) => ({ rank: r.rank, innovationId: r.submission, title: labels[r.submission]?.title ?? r.submission, organization: labels[r.submission]?.organization ?? '', region: labels[r.submission]?.region ?? '', final: r.final, band: r.band, stages: r.stages }))])),
      unranked: inline,
      unrankedCounts,
      stages: competition.plan.stages.filter((st) => st.rubric.length > 0 || st.given === true).map((st) => ({ key: st.key, label: st.label, weight: st.weight })),
      versions: await this.repo.versions(s.competitionId),
    };
    this.allUnranked.set(snapshotId, unranked);
    this.views.set(snapshotId, view);
    return view;
  }

  /** Rows for CSV and XLSX: one per ranked innovation, category by category. */
  table(view: RankingView): { header: string[]; rows: (string | number | null)[][] } {
    const stageKeys = view.stages.map((s) => s.key);
    const header = ['category', 'rank', 'innovation', 'organization', 'region', 'final', 'band', ...stageKeys.map((k) => `stage_${k}`), 'innovation_id'];
    const rows = Object.entries(view.categories).flatMap(([cat, list]) => list.map((r) => [cat, r.rank, r.title, r.organization, r.region, r.final, r.band, ...stageKeys.map((k) => r.stages[k] ?? null), r.innovationId]));
    return { header, rows };
  }

  /** Data for a ranked innovation's certificate. */
  async certificate(snapshotId: string, innovationId: string) {
    const view = await this.view(snapshotId);
    for (const [key, rows] of Object.entries(view.categories)) {
      const row = rows.find((r) => r.innovationId === innovationId);
      if (row) {
        const label = (await this.competitions.snapshot(view.competition.id)).plan.categories.find((c) => c.key === key)?.label;
        const category = label ?? { id: key, en: key };
        return {
          competition: view.competition.name,
          innovation: row.title,
          organization: row.organization,
          region: row.region,
          rank: row.rank,
          category,
          band: row.band,
          final: row.final,
          snapshotHash: view.snapshot.hash,
          snapshotVersion: view.snapshot.version,
          publishedAt: view.snapshot.publishedAt,
          verifyUrl: `${this.publicUrl}/api/public/rankings/${view.snapshot.id}`,
        };
      }
    }
    throw new NotFound('RANKED_INNOVATION_NOT_FOUND', `innovation ${innovationId} is not ranked in snapshot ${snapshotId}`);
  }

  catalogue(f: CatalogueFilter, page = 1, pageSize = 20) {
    const tsq = f.q ? prefixQuery(f.q) : null;
    if (f.q && !tsq) return Promise.resolve({ items: [], total: 0, page, pageSize });
    return this.repo.catalogue(f, tsq, page, pageSize).then((r) => ({ ...r, page, pageSize }));
  }

  /** An innovation's public page, with its published rank when there is one. */
  async publicInnovation(id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.publicInnovation(id) : undefined;
    if (!row) throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${id} not found`);
    const latest = await this.repo.latestSnapshot(String(row.competitionId));
    let ranking = null;
    if (latest) {
      const view = await this.view(latest.id);
      for (const [category, rows] of Object.entries(view.categories)) {
        const r = rows.find((x) => x.innovationId === id);
        if (r) ranking = { snapshotId: latest.id, version: latest.version, category, rank: r.rank, final: r.final, band: r.band };
      }
    }
    return { ...row, ranking };
  }

  /**
   * "Why this score": the innovation's per-stage and per-criterion breakdown from the latest snapshot, for
   * its OPD only after publication (jurors appear as J01, J02 …).
   */
  async breakdown(actor: Actor, innovationId: string) {
    const { innovation } = await this.relateBeyondJury(actor, innovationId);
    const latest = await this.repo.latestSnapshot(innovation.competitionId);
    if (!latest) throw new Conflict('RESULTS_NOT_PUBLISHED', 'the score breakdown is available once the results are published');
    const input = latest.input as ScoringInput;
    const explanation = explain(input).find((e) => e.submission === innovationId);
    const sheets = input.sheets.filter((s) => s.submission === innovationId);
    const competition = await this.competitions.snapshot(innovation.competitionId);
    return {
      snapshot: { id: latest.id, version: latest.version, hash: latest.hash },
      explanation: explanation ?? null,
      criteria: competition.plan.stages
        .filter((st) => st.rubric.length > 0)
        .map((st) => ({
          stage: st.key,
          label: st.label,
          criteria: st.rubric.map((c) => ({ key: c.key, label: c.label, weight: c.weight, min: c.min, max: c.max, values: sheets.filter((s) => s.stage === st.key).map((s) => ({ juror: s.juror, value: s.scores[c.key] })) })),
        })),
    };
  }
}
