import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import { ChangeBus } from '@app/database';
import { Clock, collectGarbageNow, Conflict, Forbidden, NotFound, phaseReporter, ValidationFailed, type Actor } from '@app/common';
import { AuditService } from '@app/audit';
import { AGGREGATIONS, CompetitionsService, type CompetitionSnapshot } from '@app/competitions';
import { UsersService } from '@app/identity';
import { eventKey, OutboxService } from '@app/notifications';
import { InnovationsService } from '@app/submissions';
import {
  excludedFromRanking,
  JudgingRepository,
  GivenScoresRegistry,
  JuryService,
  PipelineService,
  scoringInputFor,
  STATUSES_IN_STATISTICS,
} from '@app/judging';
import { createPublishedSnapshot, explain, rank, type ScoringInput } from '@app/scoring';
import { ResultsRepository, type RankableInnovation } from './persistence/results.repository';
import { jurorAliases } from './domain/juror-aliases';
import { assertPublishable, assertUnanswered, assertUpheld, objectionWindowDays } from './domain/objection-window';

export interface InnovationLabel {
  title: string;
  organization: string;
  region: string;
  category: string;
}

/**
 * Results: preview, provisional announcement with objections, publication of immutable snapshots, the score
 * breakdown. The public read model of published snapshots is RankingsReadModel.
 */
/** The phases a publication reports, in order (GET /api/operations/:id; `done` = the index of the phase just started). */
export const PUBLISH_PHASES = ['waiting', 'reading', 'scoring', 'storing', 'notifying'] as const;
@Injectable()
export class ResultsService {
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
    private readonly pipeline: PipelineService,
    private readonly givenScores: GivenScoresRegistry,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
  }

  /**
   * The scoring input of the whole competition (all categories), jurors replaced by aliases. A disqualified
   * innovation enters as `excluded` with its sheets (DESIGN §4.11): it is not ranked, and no other score moves.
   */
  async buildInput(
    competition: CompetitionSnapshot,
    aggregation?: string,
    tx?: EntityManager,
    meanwhile?: () => void,
  ): Promise<{ input: ScoringInput; innovations: RankableInnovation[] }> {
    const rankable = this.repo.rankable(competition.id, STATUSES_IN_STATISTICS, tx);
    if (meanwhile) {
      // `meanwhile` blocks the thread (a forced collection): it runs once the first query is on its way, while
      // PostgreSQL answers it, instead of before it. Its failure is awaited below, not left unhandled meanwhile.
      rankable.catch(() => undefined);
      await new Promise<void>((resolve) => setImmediate(resolve));
      meanwhile();
    }
    const innovations = await rankable;
    const idOf = new Map(innovations.map((i) => [i.id, i.id]));
    const scored = new Set(competition.plan.stages.filter((s) => s.rubric.length > 0).map((s) => s.key));
    // DESIGN §4 rule 10: a region award's given stage (the verified IID), for the innovations in the input.
    const given = (await this.givenScores.scoresFor(competition, tx)).filter((g) => idOf.has(g.submission));
    // Read in batches, each row kept as the input's sheet (its innovation's id string shared, the juror's id as a
    // number until the aliases are known), so the rows of a national edition are never all in memory at once.
    const stageOf = new Map([...scored].map((key) => [key, key]));
    const sheets: { stage: string; juror: string; submission: string; scores: Record<string, number> }[] = [];
    const jurorIds = new Map<string, number>();
    const jurorOf: number[] = [];
    await this.judging.eachSubmittedSheetBatch(competition.id, tx, (rows) => {
      for (const r of rows) {
        const submission = idOf.get(r.innovationId);
        const stage = stageOf.get(r.stageKey);
        if (submission === undefined || stage === undefined) continue;
        let juror = jurorIds.get(r.jurorId);
        if (juror === undefined) jurorIds.set(r.jurorId, (juror = jurorIds.size));
        jurorOf.push(juror);
        sheets.push({ stage, juror: '', submission, scores: r.scores });
      }
    });
    const alias = jurorAliases(jurorIds.keys());
    const aliasOf = [...jurorIds.keys()].map((id) => alias.get(id)!);
    for (let k = 0; k < sheets.length; k++) sheets[k].juror = aliasOf[jurorOf[k]];
    const submissions = innovations.map((i) => ({
      id: i.id,
      category: i.category,
      submittedAt: i.submittedAt,
      excluded: excludedFromRanking(i.status),
    }));
    const input = scoringInputFor(competition.plan, submissions, sheets, { aggregation, given });
    return { input, innovations };
  }

  /**
   * The ranking per category from the current stage scores, with names and each row's explanation. With
   * another `aggregation` the organizer sees "what if"; `rawRank` is the rank under plain `mean`.
   */
  async preview(actor: Actor, competitionId: string, aggregation?: string) {
    await this.competitions.assertManages(actor, competitionId);
    if (aggregation && !(AGGREGATIONS as readonly string[]).includes(aggregation))
      throw new ValidationFailed([{ field: 'aggregation', message: `must be one of ${AGGREGATIONS.join(', ')}` }], 'RESULTS_INVALID');
    const competition = await this.competitions.snapshot(competitionId);
    const { input, innovations } = await this.buildInput(competition, aggregation);
    const output = rank(input);
    // The same sheets under plain mean, without loading them again.
    const raw = rank({ ...input, stages: input.stages.map((s) => ({ ...s, aggregation: 'mean' as const })) });
    const rawRank = new Map(
      Object.values(raw.categories)
        .flat()
        .map((r) => [r.submission, r.rank]),
    );
    const explanations = new Map(explain(input).map((e) => [e.submission, e]));
    const label = new Map(innovations.map((i) => [i.id, i]));
    return {
      aggregation: aggregation ?? 'plan',
      inputsDigest: output.inputsDigest,
      stagesOpen: competition.stages.filter((s) => s.status !== 'closed').map((s) => s.key),
      categories: Object.fromEntries(
        Object.entries(output.categories).map(([cat, rows]) => [
          cat,
          rows.map((r) => ({
            ...r,
            rawRank: rawRank.get(r.submission) ?? null,
            title: label.get(r.submission)?.title,
            organization: label.get(r.submission)?.organization,
            region: label.get(r.submission)?.region,
            explanation: explanations.get(r.submission),
          })),
        ]),
      ),
      unranked: output.unranked.map((u) => ({
        ...u,
        title: label.get(u.submission)?.title,
        organization: label.get(u.submission)?.organization,
      })),
    };
  }

  private assertAllStagesClosed(competition: CompetitionSnapshot): void {
    const open = competition.stages.filter((s) => s.status !== 'closed');
    if (open.length)
      throw new Conflict('RESULTS_STAGES_OPEN', `close every stage first; still ${open.map((s) => `${s.key} (${s.status})`).join(', ')}`, {
        open: open.map((s) => s.key),
      });
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
      const announcement = await this.repo.insertAnnouncement(tx, {
        competitionId,
        output: rank(input),
        opensAt: now,
        closesAt: new Date(now.getTime() + window * 86400_000),
        announcedBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'results.announce',
        entityType: 'competition',
        entityId: competitionId,
        competitionId,
        after: { closesAt: announcement.closesAt, days: window },
      });
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
      if (relation !== 'owner' && relation !== 'coordinator')
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', "Only the innovation's OPD or its region's coordinator files an objection");
      const announcement = await this.repo.latestAnnouncement(innovation.competitionId, tx);
      if (!announcement || announcement.closesAt <= now) {
        throw new Conflict(
          'OBJECTION_WINDOW_CLOSED',
          announcement
            ? `the objection window closed at ${announcement.closesAt.toISOString()}`
            : 'no provisional results have been announced for this competition',
        );
      }
      if ((await this.repo.objections(announcement.id, tx)).some((o) => o.innovationId === innovationId))
        throw new Conflict('OBJECTION_EXISTS', 'an objection was already filed for this innovation in this window');
      const o = await this.repo.saveObjection(tx, {
        announcementId: announcement.id,
        competitionId: innovation.competitionId,
        innovationId,
        filedBy: actor.id,
        reason,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'objection.file',
        entityType: 'objection',
        entityId: o.id,
        competitionId: innovation.competitionId,
        after: { innovationId, reason },
      });
      return o;
    });
  }

  async objections(actor: Actor, competitionId: string) {
    await this.competitions.assertManages(actor, competitionId);
    const announcement = await this.repo.latestAnnouncement(competitionId);
    if (!announcement) return { announcement: null, objections: [] };
    const objections = await this.repo.objections(announcement.id);
    const { plan } = await this.competitions.snapshot(competitionId);
    const corrections = await this.pipeline.corrections(
      plan,
      objections.filter((o) => o.decision === 'upheld').map((o) => o.id),
    );
    return {
      announcement: { id: announcement.id, opensAt: announcement.opensAt, closesAt: announcement.closesAt },
      objections: objections.map((o) => ({ ...o, corrections: corrections.get(o.id) ?? [] })),
    };
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
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'objection.answer',
        entityType: 'objection',
        entityId: o.id,
        competitionId: o.competitionId,
        after: { decision, answer },
      });
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
   * sheets of a scored stage — back to draft for its jurors, who are notified — or its failed screening
   * decision, which the screener takes again (the OPD and the organizers are notified). Publication (the next
   * snapshot version) waits until the correction is done.
   */
  async reopenForObjection(actor: Actor, objectionId: string, stage: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const o = await this.managedObjection(actor, objectionId, tx);
      assertUpheld(o);
      await this.competitions.lockManaged(actor, tx, o.competitionId);
      const competition = await this.competitions.snapshot(o.competitionId, tx);
      const target = competition.plan.stages.find((st) => st.key === stage);
      if (!target)
        throw new ValidationFailed(
          [{ field: 'stage', message: `not a stage of this competition (${competition.plan.stages.map((st) => st.key).join(', ')})` }],
          'OBJECTION_REOPEN_INVALID',
        );
      if (target.kind === 'screening') return this.reopenScreening(tx, actor, o, competition, target, reason);
      const reopened = await this.jury.reopenForCorrection(tx, actor.id, competition, o.innovationId, stage, o.id, reason);
      if (!reopened)
        throw new Conflict('OBJECTION_NOTHING_TO_REOPEN', `the innovation has no submitted score sheet in stage "${stage}"`, { stage });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'objection.reopen',
        entityType: 'objection',
        entityId: o.id,
        competitionId: o.competitionId,
        after: { innovationId: o.innovationId, stage, sheets: reopened },
        reason,
      });
      return { objectionId: o.id, innovationId: o.innovationId, stage, reopened };
    });
  }

  /**
   * An innovation reinstated by an upheld objection after later stages closed is judged late, stage by stage: the
   * organizer assigns jurors to it in the closed stage (`POST …/assignments/manual`), they score, and settling
   * decides the stage as its close would have (the advance rule among that stage's contenders, whose decisions
   * stand). A pass enters the next closed stage the same way; publication waits until the last one is settled.
   */
  async settleForObjection(actor: Actor, objectionId: string, stage: string) {
    return this.db.transaction(async (tx) => {
      const o = await this.managedObjection(actor, objectionId, tx);
      assertUpheld(o);
      await this.competitions.lockManaged(actor, tx, o.competitionId);
      const competition = await this.competitions.snapshot(o.competitionId, tx);
      const settled = await this.pipeline.settleCorrection(tx, actor, competition, o.innovationId, stage, o.id);
      if (!settled)
        throw new Conflict(
          'OBJECTION_NOTHING_TO_SETTLE',
          `the innovation waits for no correction of this objection in stage "${stage}" (only an innovation reinstated after that stage closed is settled there)`,
          { stage },
        );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'objection.settle',
        entityType: 'objection',
        entityId: o.id,
        competitionId: o.competitionId,
        after: { innovationId: o.innovationId, stage, ...settled },
      });
      return { objectionId: o.id, innovationId: o.innovationId, stage, ...settled };
    });
  }

  /** The screening half of `reopenForObjection`: the failed decision goes back to the screener. */
  private async reopenScreening(
    tx: EntityManager,
    actor: Actor,
    o: { id: string; competitionId: string; innovationId: string },
    competition: CompetitionSnapshot,
    stage: CompetitionSnapshot['plan']['stages'][number],
    reason: string,
  ) {
    const before = await this.pipeline.reopenScreeningForCorrection(tx, actor, o.competitionId, o.innovationId, stage.key, o.id, reason);
    if (!before)
      throw new Conflict(
        'OBJECTION_NOTHING_TO_REOPEN',
        `the innovation has no failed ${stage.key} decision to reopen (it passed, or it is reopened already)`,
        { stage: stage.key },
      );
    await this.audit.record(tx, {
      actorId: actor.id,
      action: 'objection.reopen',
      entityType: 'objection',
      entityId: o.id,
      competitionId: o.competitionId,
      after: { innovationId: o.innovationId, stage: stage.key, decision: before },
      reason,
    });
    const { innovation } = await this.innovations.relate(actor, o.innovationId, tx);
    const opds = (await this.users.opdUsersOf([innovation.organizationId], tx)).get(innovation.organizationId) ?? [];
    await this.outbox.notify(tx, {
      type: 'screening_reopened',
      recipients: [...opds, ...(await this.competitions.organizerIds(o.competitionId, tx))],
      payload: { competition: competition.name, innovation: innovation.title, innovationId: innovation.id, stage: stage.label, reason },
      dedupeKey: eventKey('screening_reopened', o.id),
      competitionId: o.competitionId,
    });
    return { objectionId: o.id, innovationId: o.innovationId, stage: stage.key, reopened: 1 };
  }

  /**
   * Publishes version n+1 of the competition's ranking: the whole scoring input and output with its hash,
   * never changed afterwards. Refused while stages are open, the objection window runs, or objections
   * wait for an answer; a re-publication needs a reason. Everyone involved is notified.
   */
  async publish(
    actor: Actor,
    competitionId: string,
    reason: string | undefined,
    now = this.clock.now(),
    onProgress?: (p: { phase: string; done: number; total: number }) => void,
  ) {
    const step = phaseReporter(onProgress, PUBLISH_PHASES);
    step('waiting');
    let built = false;
    const snapshot = await this.db
      .transaction(async (tx) => {
        const locked = await this.competitions.lockManaged(actor, tx, competitionId);
        const competition = await this.competitions.snapshot(competitionId, tx);
        this.assertAllStagesClosed(competition);
        const announcement = await this.repo.latestAnnouncement(competitionId, tx);
        const unanswered = announcement ? (await this.repo.objections(announcement.id, tx)).filter((o) => !o.answeredAt).length : 0;
        assertPublishable({
          planDays: competition.plan.objectionWindowDays,
          announcement,
          unanswered,
          openCorrections: await this.jury.openCorrections(competitionId, tx),
          now,
        });
        const previous = await this.repo.latestVersion(competitionId, tx);
        if (previous && !reason?.trim())
          throw new ValidationFailed(
            [{ field: 'reason', message: `version ${previous.version} is published; say why you publish a correction` }],
            'RESULTS_REASON_REQUIRED',
          );
        step('reading');
        built = true;
        const { row, rankedOrganizations } = await this.storeSnapshot(tx, competition, {
          version: (previous?.version ?? 0) + 1,
          reason: reason ?? null,
          publishedBy: actor.id,
          step,
        });
        if (locked.status === 'judging')
          await this.competitions.setStatus(tx, actor.id, locked, 'published', `ranking v${row.version} published`);
        await this.audit.record(tx, {
          actorId: actor.id,
          action: 'results.publish',
          entityType: 'ranking_snapshot',
          entityId: row.id,
          competitionId,
          after: { version: row.version, hash: row.hash },
          reason: reason ?? null,
        });
        step('notifying');
        const opds = await this.users.opdUsersOf(rankedOrganizations, tx);
        const jurors = await this.judging.jurorsOf(competitionId, tx);
        await this.outbox.notify(tx, {
          type: 'results_published',
          recipients: [...[...opds.values()].flat(), ...jurors],
          payload: { competition: competition.name, slug: competition.slug },
          dedupeKey: eventKey('results_published', competitionId, row.version),
          competitionId,
        });
        // Every instance drops the slug's cached versions when this commits.
        await this.changes.announce('rankings', competition.slug, tx);
        return row;
      })
      // The input, output and rows of a national edition are garbage now: collected at once (see collectGarbageNow);
      // a publication refused by its checks built nothing and costs no collection.
      .finally(() => built && collectGarbageNow());
    return {
      id: snapshot.id,
      version: snapshot.version,
      hash: snapshot.hash,
      publishedAt: snapshot.publishedAt,
      url: `${this.publicUrl}/api/public/rankings/${snapshot.id}`,
    };
  }

  /**
   * Reads, ranks and stores the next snapshot; answers only what the rest of the publication needs, so the input,
   * the output and the rows they came from (a national edition's: ≈ 100 MB of objects) are garbage before the
   * notifications are written.
   */
  private async storeSnapshot(
    tx: EntityManager,
    competition: CompetitionSnapshot,
    next: { version: number; reason: string | null; publishedBy: string; step: (phase: (typeof PUBLISH_PHASES)[number]) => void },
  ) {
    const { snapshot, innovations } = await this.scoreSnapshot(tx, competition, next.step);
    next.step('storing');
    const labels: Record<string, InnovationLabel> = {};
    const rankedOrganizations = new Set<string>();
    for (const i of innovations) {
      labels[i.id] = { title: i.title, organization: i.organization, region: i.region, category: i.category };
      if (!excludedFromRanking(i.status)) rankedOrganizations.add(i.organizationId);
    }
    const row = await this.repo.insertSnapshot(tx, {
      competitionId: competition.id,
      version: next.version,
      ...snapshot,
      reason: next.reason,
      labels,
      publishedBy: next.publishedBy,
    });
    return { row, rankedOrganizations: [...rankedOrganizations] };
  }

  /**
   * The input read and ranked into what is stored: its canonical JSON, the output and the hash. The input's objects
   * (130,773 sheets of a national edition) are not part of the answer, so they are garbage while the row is stored.
   */
  private async scoreSnapshot(tx: EntityManager, competition: CompetitionSnapshot, step: (phase: (typeof PUBLISH_PHASES)[number]) => void) {
    // What ran before (other requests' garbage) is collected as the reading starts, so the publication reuses that
    // memory; the collection (≈ 0.1 s) runs while PostgreSQL reads the innovations.
    const { input, innovations } = await this.buildInput(competition, undefined, tx, collectGarbageNow);
    step('scoring');
    const { inputJson, output, hash } = createPublishedSnapshot(input);
    // Only an upheld objection rescores a closed stage (reopened sheets, an innovation judged late).
    if (await this.repo.hasUpheldObjection(competition.id, tx)) await this.pipeline.followCorrectedStageScores(tx, competition, input);
    return { snapshot: { inputJson, output, hash }, innovations };
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
          criteria: st.rubric.map((c) => ({
            key: c.key,
            label: c.label,
            weight: c.weight,
            min: c.min,
            max: c.max,
            values: sheets.filter((s) => s.stage === st.key).map((s) => ({ juror: s.juror, value: s.scores[c.key] })),
          })),
        })),
    };
  }
}
