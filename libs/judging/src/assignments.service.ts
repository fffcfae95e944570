import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, KeptPages, NotFound, phaseReporter, ValidationFailed, type Actor, type OnProgress } from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService } from '@app/competitions';
import { UsersService } from '@app/identity';
import { InnovationsRepository, InnovationsService } from '@app/submissions';
import { JudgingRepository, type JurorListStamp } from './persistence/judging.repository';
import { AssignmentEntity } from './persistence/judging.entities';
import { assertNoConflict, assignJurors, progressCounts, sheetProgress, type Affiliation } from './domain';
import { JudgingEvents } from './judging.events';
import type { MyAssignmentsView } from './dto/judging.view';
import { scoredStage } from './jury.service';

/** The phases an automatic assignment reports (GET /api/operations/:id). */
const ASSIGN_PHASES = ['waiting', 'reading', 'assigning', 'storing', 'notifying'] as const;

export interface JurorProfile {
  id: string;
  name: string;
  affiliations: Affiliation[];
  declarations: { innovationId: string }[];
}

/** Who scores what: conflict-aware assignment (automatic and by hand), declared conflicts, the juror's dashboard and progress. */
/** A juror's dashboard shows this many assignments a page (to-do first); `?pageSize=` up to 200. */
export const MY_ASSIGNMENTS_PAGE = 50;

/** The juror's dashboard pages one process keeps (`mineJson`): at most this many, of at most this many bytes together. */
const MY_LISTS_KEPT = 5_000;
const MY_LISTS_MAX_BYTES = 16 * 1024 * 1024;

@Injectable()
export class AssignmentsService {
  private readonly myLists = new KeptPages<JurorListStamp>(MY_LISTS_KEPT, MY_LISTS_MAX_BYTES);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly innovationRows: InnovationsRepository,
    private readonly users: UsersService,
    private readonly repo: JudgingRepository,
    private readonly events: JudgingEvents,
    private readonly audit: AuditService,
  ) {}

  /** Active jurors (all, or these ids) with their affiliations and declared conflicts. */
  async jurorProfiles(tx: EntityManager, ids?: string[]): Promise<JurorProfile[]> {
    const jurors = ids ? (await this.users.findByIds(ids, tx)).filter((u) => u.role === 'juror' && u.active) : await this.users.jurors(tx);
    const declarations = await this.repo.declarationsOf(
      jurors.map((j) => j.id),
      tx,
    );
    return jurors.map((j) => ({
      id: j.id,
      name: j.name,
      affiliations: j.affiliations ?? [],
      declarations: declarations.filter((d) => d.jurorId === j.id).map((d) => ({ innovationId: d.innovationId })),
    }));
  }

  /**
   * k jurors per innovation of the stage, never in conflict, loads balanced, deterministic; existing
   * assignments are kept (top-up). A field verifier does not score that innovation's field stage unless
   * allowed. Innovations that cannot get k conflict-free jurors are listed with the reason.
   */
  async autoAssign(
    actor: Actor,
    competitionId: string,
    key: string,
    opts: { k?: number; allowVerifiersAsScorers?: boolean },
    onProgress?: OnProgress,
  ) {
    const step = phaseReporter(onProgress, ASSIGN_PHASES);
    step('waiting');
    return this.db.transaction(async (tx) => {
      await this.competitions.lockManaged(actor, tx, competitionId);
      step('reading');
      const competition = await this.competitions.snapshot(competitionId, tx);
      const stage = scoredStage(competition, key);
      const state = competition.stages.find((s) => s.key === key)!;
      if (state.status === 'closed') throw new Conflict('STAGE_CLOSED', `stage "${key}" is closed`);
      const innovations = await this.innovationRows.inStage(tx, competitionId, key);
      if (!innovations.length) throw new Conflict('STAGE_EMPTY', `no innovation has reached "${key}" yet: close the previous stage first`);
      const jurors = await this.jurorProfiles(tx);
      const existing = await this.repo.activeAssignments(competitionId, key, tx);
      const excluded = [];
      if (stage.kind === 'field_verification' && !opts.allowVerifiersAsScorers) {
        for (const i of innovations)
          for (const v of (await this.repo.currentVisit(i.id, tx))?.verifiers ?? [])
            excluded.push({ innovationId: i.id, jurorId: v, reason: 'field verifier' });
      }
      const k = opts.k ?? stage.jurorsPerInnovation ?? 3;
      step('assigning');
      const result = assignJurors({
        innovations: innovations.map((i) => ({
          id: i.id,
          organizationId: i.organizationId,
          regionId: i.regionId,
          provinceId: i.provinceId,
          category: i.category,
        })),
        jurors,
        k,
        existing: existing.map((a) => ({ innovationId: a.innovationId, jurorId: a.jurorId })),
        excluded,
      });
      step('storing');
      const created = await this.repo.insertAssignments(
        tx,
        result.assignments.map((p) => ({
          competitionId,
          stageKey: key,
          innovationId: p.innovationId,
          jurorId: p.jurorId,
          source: 'auto' as const,
          createdBy: actor.id,
        })),
      );
      const titles = new Map(innovations.map((i) => [i.id, i.title]));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'assignment.auto',
        entityType: 'stage',
        entityId: `${competitionId}:${key}`,
        competitionId,
        after: { k, created: created.length, shortfalls: result.shortfalls.length, avoidedConflicts: result.avoidedConflicts },
      });
      step('notifying');
      await this.events.jurorsAssigned(tx, competition, key, created);
      return {
        stage: key,
        k,
        created: created.length,
        total: existing.length + created.length,
        avoidedConflicts: result.avoidedConflicts,
        loads: Object.entries(result.loads).map(([jurorId, load]) => ({
          jurorId,
          name: jurors.find((j) => j.id === jurorId)?.name ?? jurorId,
          load,
        })),
        shortfalls: result.shortfalls.map((s) => ({ ...s, title: titles.get(s.innovationId) ?? s.innovationId })),
      };
    });
  }

  /** Manual add: refused (409) when the juror is in conflict with the innovation. */
  async addAssignment(actor: Actor, competitionId: string, key: string, innovationId: string, jurorId: string): Promise<AssignmentEntity> {
    return this.db.transaction(async (tx) => {
      await this.competitions.lockManaged(actor, tx, competitionId);
      const competition = await this.competitions.snapshot(competitionId, tx);
      const stage = scoredStage(competition, key);
      const { innovation } = await this.innovations.relate(actor, innovationId, tx);
      if (innovation.competitionId !== competitionId || innovation.currentStage !== key || innovation.status !== 'submitted') {
        throw new Conflict(
          'ASSIGNMENT_NOT_IN_STAGE',
          `"${innovation.title}" is not in stage "${key}" (at ${innovation.currentStage}, ${innovation.status})`,
        );
      }
      // A closed stage's jurors are the record of its close; only an innovation reinstated by an upheld objection
      // after it closed is judged there late (its sheets then hold publication until the organizer settles it).
      if (
        competition.stages.find((st) => st.key === key)?.status === 'closed' &&
        !(await this.repo.isCorrectionEntrant(innovation.id, key, tx))
      )
        throw new Conflict('ASSIGNMENT_STAGE_CLOSED', `stage "${key}" is closed; jurors are assigned there only to a correction entrant`, {
          stage: key,
        });
      const [juror] = await this.jurorProfiles(tx, [jurorId]);
      if (!juror) throw new ValidationFailed([{ field: 'jurorId', message: `no active juror ${jurorId}` }], 'ASSIGNMENT_INVALID');
      assertNoConflict(juror, {
        id: innovation.id,
        organizationId: innovation.organizationId,
        regionId: innovation.regionId,
        provinceId: innovation.provinceId,
      });
      // As in automatic assignment: who verifies the innovation in the field does not also score that stage.
      if (stage.kind === 'field_verification' && (await this.repo.currentVisit(innovation.id, tx))?.verifiers.includes(jurorId))
        throw new Conflict(
          'ASSIGNMENT_FIELD_VERIFIER',
          `${juror.name} verifies "${innovation.title}" in the field and cannot also score its ${key} stage`,
          { jurorId, innovationId, stage: key },
        );
      if (
        (await this.repo.activeAssignments(competitionId, key, tx)).some((a) => a.innovationId === innovationId && a.jurorId === jurorId)
      ) {
        throw new Conflict('ASSIGNMENT_EXISTS', `${juror.name} is already assigned to "${innovation.title}" in ${key}`);
      }
      const [created] = await this.repo.insertAssignments(tx, [
        { competitionId, stageKey: key, innovationId, jurorId, source: 'manual', createdBy: actor.id },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'assignment.add',
        entityType: 'assignment',
        entityId: created.id,
        competitionId,
        after: { stage: key, innovationId, jurorId },
      });
      await this.events.jurorsAssigned(tx, competition, key, [created]);
      return created;
    });
  }

  async removeAssignment(actor: Actor, assignmentId: string, reason: string, now = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const a = await this.repo.assignment(assignmentId, tx, true);
      if (!a || a.removedAt) throw new NotFound('ASSIGNMENT_NOT_FOUND', `assignment ${assignmentId} not found`);
      await this.competitions.assertManages(actor, a.competitionId, tx).catch(() => {
        throw new NotFound('ASSIGNMENT_NOT_FOUND', `assignment ${assignmentId} not found`);
      });
      // A closed stage's assignments and sheets are the record its decisions were made from: removing one
      // would silently drop a submitted score from the published ranking.
      const status = (await this.competitions.holdSnapshot(tx, a.competitionId)).stages.find((s) => s.key === a.stageKey)?.status;
      if (status === 'closed')
        throw new Conflict('STAGE_CLOSED', `stage "${a.stageKey}" is closed; its assignments can no longer change`, {
          status,
          allowed: ['scheduled', 'open'],
        });
      await this.repo.removeAssignment(tx, a.id, now);
      await this.events.rescheduleReminders(tx, a.competitionId, a.stageKey, now);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'assignment.remove',
        entityType: 'assignment',
        entityId: a.id,
        competitionId: a.competitionId,
        before: { stage: a.stageKey, innovationId: a.innovationId, jurorId: a.jurorId },
        reason,
      });
    });
  }

  /**
   * A juror declares a conflict with an innovation: it blocks scoring it from now on. The juror's assignments
   * on it in stages not yet closed leave their list (removed, their reminders cancelled) and the competition's
   * organizers are told, to assign someone else (the automatic assignment tops it up).
   */
  async declareConflict(actor: Actor, innovationId: string, reason: string | undefined, now = new Date()) {
    return this.db.transaction(async (tx) => {
      const { innovation } = await this.innovations.relate(actor, innovationId, tx);
      await this.repo.declare(tx, actor.id, innovationId, reason ?? null);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'conflict.declare',
        entityType: 'innovation',
        entityId: innovationId,
        competitionId: innovation.competitionId,
        reason: reason ?? null,
      });
      const competition = await this.competitions.holdSnapshot(tx, innovation.competitionId);
      const released: AssignmentEntity[] = [];
      for (const stage of competition.stages.filter((st) => st.status !== 'closed')) {
        for (const a of (await this.repo.activeAssignments(competition.id, stage.key, tx)).filter(
          (x) => x.innovationId === innovationId && x.jurorId === actor.id,
        )) {
          await this.repo.removeAssignment(tx, a.id, now);
          await this.audit.record(tx, {
            actorId: actor.id,
            action: 'assignment.remove',
            entityType: 'assignment',
            entityId: a.id,
            competitionId: a.competitionId,
            before: { stage: a.stageKey, innovationId, jurorId: actor.id },
            after: { needsReassignment: true },
            reason: 'conflict of interest declared by the juror',
          });
          await this.events.rescheduleReminders(tx, a.competitionId, a.stageKey, now);
          released.push(a);
        }
      }
      await this.events.conflictDeclared(tx, competition, innovation, actor, released, reason ?? null);
      return { innovationId, declared: true, released: released.map((a) => ({ assignmentId: a.id, stage: a.stageKey })) };
    });
  }

  /**
   * The juror's dashboard as the JSON of `MyAssignmentsView` (UTF-8): assignments with stage, due date and sheet
   * status (made by PostgreSQL, sent as it is), plus progress counts. A page once made is kept with the juror's
   * list stamp it was made with (read in the same snapshot) and sent again while the stamp, one index lookup, is
   * unchanged: the stamp moves in the transaction of any change the list shows, whichever instance, worker or
   * hand made it, so a kept page is never served after a change (bench/RESULTS.md, the juror's list).
   */
  async mineJson(actor: Actor, page = 1, pageSize = MY_ASSIGNMENTS_PAGE): Promise<Buffer> {
    return this.myLists.get(`${actor.id}:${page}:${pageSize}`, async (kept) => {
      if (kept && kept.value === (await this.repo.jurorListStamp(actor.id, kept.competitionIds))) return { stamp: kept, json: null };
      const { itemsJson, total, submitted, draft, stamp } = await this.repo.assignmentsOfJurorJson(
        actor.id,
        pageSize,
        (page - 1) * pageSize,
      );
      const progress = JSON.stringify(progressCounts(total, submitted, draft));
      return { stamp, json: `{"progress":${progress},"items":${itemsJson},"total":${total},"page":${page},"pageSize":${pageSize}}` };
    });
  }

  /** All of the juror's assignments at once (for the demo seeder). */
  async mine(actor: Actor): Promise<MyAssignmentsView> {
    const { itemsJson, total, submitted, draft } = await this.repo.assignmentsOfJurorJson(actor.id, null, 0);
    return {
      progress: progressCounts(total, submitted, draft),
      items: JSON.parse(itemsJson),
      total,
      page: 1,
      pageSize: Math.max(total, 1),
    };
  }

  /** Per juror: sheets submitted / due in the stage; with names for the organizer. */
  async progress(actor: Actor, competitionId: string, key: string) {
    await this.competitions.assertManages(actor, competitionId);
    const assignments = await this.repo.activeAssignments(competitionId, key);
    const sheets = new Map((await this.repo.sheetsOf(assignments.map((a) => a.id))).map((s) => [s.assignmentId, s]));
    const p = sheetProgress(assignments.map((a) => ({ jurorId: a.jurorId, status: sheets.get(a.id)?.status ?? null })));
    const names = new Map((await this.users.findByIds(Object.keys(p.byJuror))).map((u) => [u.id, u.name]));
    return {
      stage: key,
      overall: p.overall,
      jurors: Object.entries(p.byJuror).map(([jurorId, counts]) => ({ jurorId, name: names.get(jurorId) ?? jurorId, ...counts })),
    };
  }
}
