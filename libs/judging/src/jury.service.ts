import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Batcher, Conflict, NotFound, ValidationFailed, type Actor } from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService, isScoredStage, type CompetitionSnapshot, type StagePlan } from '@app/competitions';
import { UsersService } from '@app/identity';
import { DocumentsService, InnovationEntity, InnovationsRepository, InnovationsService } from '@app/submissions';
import { explain, jurorReport } from '@app/scoring';
import { JudgingRepository, type DraftSaveContext, type DraftWrite } from './persistence/judging.repository';
import { AssignmentEntity, ScoreSheetEntity } from './persistence/judging.entities';
import {
  assertNoConflict,
  assertSheetEditable,
  assertValidSheetValues,
  conflictReasons,
  flagDisagreement,
  scoringInputFor,
  validateSheetValues,
} from './domain';
import { JudgingEvents } from './judging.events';
import type { SaveSheetDto } from './dto/judging.dto';

/** How many draft-save contexts are kept (a few KB each, the rubric included); past it the set starts again. */
const DRAFT_CONTEXTS_KEPT = 5_000;

/**
 * One draft-save batch written at a time, of 64 saves at most: on the bench's 2 cores one at a time gave the
 * largest batches and the best latency (2 or 4 in flight: smaller batches, more PostgreSQL work per save, 8:
 * half the throughput; bench/RESULTS.md). A batch never waits on a row lock (`writeDrafts` skips locked sheets).
 */
const DRAFT_BATCHING = { maxInFlight: 1, maxBatch: 64, key: (d: DraftWrite) => d.sheetId };

/** The stage `key` of the competition, which jurors score: 404 without it, 409 when it has no rubric. */
export function scoredStage(competition: CompetitionSnapshot, key: string): StagePlan {
  const stage = competition.plan.stages.find((s) => s.key === key);
  if (!stage) throw new NotFound('STAGE_NOT_FOUND', `competition has no stage "${key}"`);
  if (!isScoredStage(stage)) throw new Conflict('STAGE_NOT_SCORED', `stage "${key}" has no rubric; it is not scored by jurors`);
  return stage;
}

/** Blind, versioned score sheets: read, save (the draft fast path), submit, reopen, corrections, calibration. */
@Injectable()
export class JuryService {
  /** Draft-save contexts by assignment and juror (only the parts `DRAFT_BASIS` vouches for are used again). */
  private readonly draftContexts = new Map<string, DraftSaveContext>();
  /**
   * Draft saves from kept contexts go to PostgreSQL together when they arrive while others are being written:
   * one statement and one commit for many jurors' saves under load, a save alone when it is quiet.
   */
  private readonly draftWrites = new Batcher<DraftWrite, ScoreSheetEntity | null>(
    (drafts) => this.repo.writeDrafts(drafts),
    DRAFT_BATCHING,
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly innovationRows: InnovationsRepository,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly repo: JudgingRepository,
    private readonly events: JudgingEvents,
    private readonly audit: AuditService,
  ) {}

  /** The juror's own assignment (404 for anyone else's); organizers of the competition may read it too. */
  private async ownAssignment(
    actor: Actor,
    id: string,
    tx?: EntityManager,
    lock = false,
  ): Promise<{ assignment: AssignmentEntity; asOrganizer: boolean }> {
    const a = await this.repo.assignment(id, tx, lock);
    const notFound = () => new NotFound('ASSIGNMENT_NOT_FOUND', `assignment ${id} not found`);
    if (!a || a.removedAt) throw notFound();
    if (actor.role === 'juror' && a.jurorId === actor.id) return { assignment: a, asOrganizer: false };
    if (actor.role === 'organizer' || actor.role === 'admin') {
      await this.competitions.assertManages(actor, a.competitionId, tx).catch(() => {
        throw notFound();
      });
      return { assignment: a, asOrganizer: true };
    }
    throw notFound();
  }

  /** The sheet with the rubric and the dossier; blind: no other juror's scores or names. */
  async getSheet(actor: Actor, id: string) {
    const { assignment } = await this.ownAssignment(actor, id);
    const competition = await this.competitions.snapshot(assignment.competitionId);
    const stage = scoredStage(competition, assignment.stageKey);
    const innovation = await this.innovationRows.findById(assignment.innovationId);
    const sheet = await this.repo.sheet(assignment.id);
    const view = await this.innovations.view(innovation!);
    const stageStatus = competition.stages.find((s) => s.key === stage.key)?.status;
    return {
      assignment: {
        id: assignment.id,
        stage: assignment.stageKey,
        stageLabel: stage.label,
        dueAt: stage.closesAt,
        stageStatus,
        // Only a closed stage's sheet can be a correction: an open one asks nothing more.
        correction:
          stageStatus !== 'open' && (!!sheet?.correctionOf || (await this.repo.isCorrectionEntrant(assignment.innovationId, stage.key))),
      },
      innovation: { ...view, version: undefined },
      documents: await this.documents.listFor(assignment.innovationId),
      rubric: stage.rubric,
      sheet: sheet
        ? this.sheetView(sheet)
        : { status: 'not_started', scores: {}, comment: null, version: 0, submittedAt: null, noConflictConfirmedAt: null },
    };
  }

  private sheetView(s: ScoreSheetEntity) {
    return {
      status: s.status,
      scores: s.scores,
      comment: s.comment,
      version: s.version,
      submittedAt: s.submittedAt,
      noConflictConfirmedAt: s.noConflictConfirmedAt,
      updatedAt: s.updatedAt,
    };
  }

  private async sheetContext(actor: Actor, id: string, tx: EntityManager) {
    const { assignment, asOrganizer } = await this.ownAssignment(actor, id, tx, true);
    if (asOrganizer) throw new NotFound('ASSIGNMENT_NOT_FOUND', `assignment ${id} not found`);
    // Held until commit: a stage close waits for this save, or this save sees the stage closed (never both).
    const competition = await this.competitions.holdSnapshot(tx, assignment.competitionId);
    const stage = scoredStage(competition, assignment.stageKey);
    const status = competition.stages.find((s) => s.key === stage.key)?.status;
    const sheet = await this.repo.sheet(assignment.id, tx, true);
    // A sheet reopened for an upheld objection is corrected while its stage stays closed, and an innovation
    // reinstated by one after the stage closed is scored there late.
    if (status !== 'open' && !sheet?.correctionOf && !(await this.repo.isCorrectionEntrant(assignment.innovationId, stage.key, tx)))
      throw new Conflict('STAGE_NOT_OPEN', `stage "${stage.key}" is ${status}; sheets are edited while it is open`, {
        status,
        allowed: ['open'],
      });
    return { assignment, stage, sheet, competition };
  }

  /** The conflict rules, checked again on every save and submit (a declaration made meanwhile blocks scoring). */
  private async assertNoConflictNow(tx: EntityManager, jurorId: string, innovationId: string): Promise<void> {
    const context = await this.repo.conflictContext(tx, jurorId, innovationId);
    if (context?.juror) assertNoConflict(context.juror, context.innovation);
  }

  /**
   * Saves a draft (values may be partial). The first save confirms "no conflict of interest"; later saves
   * carry the version they edited, and a stale version is a 409 — concurrent saves never overwrite silently.
   */
  async saveSheet(actor: Actor, id: string, dto: SaveSheetDto) {
    return (await this.trySaveDraft(actor, id, dto)) ?? this.saveSheetLocked(actor, id, dto);
  }

  /**
   * The common save — a juror's draft, edited from the version they hold, while the stage is open — as a
   * conditional write (batched with other jurors' under load: `draftWrites`) and no explicit transaction: the
   * sheet and its version row are written only if the sheet is still that version and a draft, the assignment
   * still the juror's, the stage open, no conflict declared and nothing else the checks below read has changed
   * (`DRAFT_BASIS`). What those checks read (rubric, conflict inputs) comes from one query the first time and is
   * then kept per assignment, so a juror typing away costs one statement a save, shared with the saves that
   * arrive meanwhile. Null whenever anything is off (and the kept context is dropped): the locked path below then
   * decides, with its errors. Submits and first saves always take the locked path (a stage close must count
   * exactly the submitted sheets; a draft saved while a close runs is kept as a draft and changes nothing the
   * close decides).
   */
  private async trySaveDraft(actor: Actor, id: string, dto: SaveSheetDto) {
    if (actor.role !== 'juror' || dto.version === undefined) return null;
    const key = `${id}:${actor.id}`;
    let ctx = this.draftContexts.get(key);
    if (!ctx) {
      const read = await this.repo.draftSaveContext(id, actor.id);
      if (!read || read.stageStatus !== 'open' || read.sheet.status !== 'draft' || read.sheet.version !== dto.version) return null;
      // Checked once, on what was read; a kept context passed them, and the write's basis vouches they still hold.
      if (!isScoredStage(read.stage) || (read.juror && conflictReasons(read.juror, read.innovation).length)) return null;
      ctx = read;
    }
    if (validateSheetValues(ctx.stage.rubric, dto.scores ?? {}, { requireAll: false }).length) return null;
    const saved = await this.draftWrites.submit({
      sheetId: ctx.sheet.id,
      scores: (dto.scores ?? {}) as Record<string, number>,
      comment: dto.comment ?? null,
      version: dto.version,
      jurorId: actor.id,
      basis: ctx.basis,
    });
    if (!saved) {
      this.draftContexts.delete(key);
      return null;
    }
    if (!this.draftContexts.has(key)) {
      if (this.draftContexts.size >= DRAFT_CONTEXTS_KEPT) this.draftContexts.clear();
      this.draftContexts.set(key, ctx);
    }
    return this.sheetView(saved);
  }

  private async saveSheetLocked(actor: Actor, id: string, dto: SaveSheetDto) {
    return this.db.transaction(async (tx) => {
      const { assignment, stage, sheet } = await this.sheetContext(actor, id, tx);
      if (!sheet && !dto.confirmNoConflict)
        throw new ValidationFailed(
          [
            {
              field: 'confirmNoConflict',
              message: 'confirm that you have no conflict of interest with this innovation before scoring it',
              code: 'CONFIRM_NO_CONFLICT',
              params: {},
            },
          ],
          'JUDGING_CONFIRM_NO_CONFLICT',
        );
      if (sheet) {
        if (dto.version === undefined)
          throw new ValidationFailed(
            [{ field: 'version', message: 'send the version of the sheet you edited' }],
            'JUDGING_VERSION_REQUIRED',
          );
        assertSheetEditable(sheet.status, dto.version, sheet.version);
      } else if (dto.version !== undefined && dto.version !== 0) {
        assertSheetEditable('draft', dto.version, 0);
      }
      await this.assertNoConflictNow(tx, actor.id, assignment.innovationId);
      assertValidSheetValues(stage.rubric, dto.scores ?? {}, { requireAll: false });
      const scores = (dto.scores ?? {}) as Record<string, number>;
      const comment = dto.comment ?? sheet?.comment ?? null;
      if (sheet)
        return this.sheetView(
          await this.repo.writeSheet(
            tx,
            sheet.id,
            { status: 'draft', scores, comment, submittedAt: null },
            { status: 'draft', by: actor.id },
          ),
        );
      const saved = await this.repo.saveSheet(tx, {
        assignmentId: assignment.id,
        noConflictConfirmedAt: new Date(),
        status: 'draft',
        scores,
        comment,
        version: 1,
      });
      await this.repo.appendVersion(tx, {
        sheetId: saved.id,
        version: saved.version,
        status: 'draft',
        scores: saved.scores,
        comment: saved.comment,
        savedBy: actor.id,
      });
      return this.sheetView(saved);
    });
  }

  /** Submit locks the sheet: every criterion in range, a comment, and no conflict (checked again now). */
  async submitSheet(actor: Actor, id: string, version: number | undefined, now = new Date()) {
    return this.db.transaction(async (tx) => {
      const { assignment, stage, sheet } = await this.sheetContext(actor, id, tx);
      if (!sheet)
        throw new ValidationFailed([{ field: 'scores', message: 'save the sheet before submitting it' }], 'JUDGING_INVALID_SCORES');
      assertSheetEditable(sheet.status, version, sheet.version);
      await this.assertNoConflictNow(tx, actor.id, assignment.innovationId);
      const errors = validateSheetValues(stage.rubric, sheet.scores, { requireAll: true });
      if (!sheet.comment?.trim()) errors.push({ field: 'comment', message: 'a comment explaining the scores is required' });
      if (errors.length) throw new ValidationFailed(errors, 'JUDGING_INVALID_SCORES', 'The sheet cannot be submitted');
      const saved = await this.repo.writeSheet(
        tx,
        sheet.id,
        { status: 'submitted', scores: sheet.scores, comment: sheet.comment, submittedAt: now },
        { status: 'submitted', by: actor.id },
      );
      if (sheet.correctionOf) await this.repo.setCorrection(tx, [sheet.id], null);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'sheet.submit',
        entityType: 'score_sheet',
        entityId: saved.id,
        competitionId: assignment.competitionId,
        after: { assignmentId: assignment.id, version: saved.version, ...(sheet.correctionOf ? { correctionOf: sheet.correctionOf } : {}) },
      });
      return this.sheetView(saved);
    });
  }

  /** An organizer reopens a submitted sheet with a reason; the juror can edit it again. */
  async reopenSheet(actor: Actor, id: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const { assignment, asOrganizer } = await this.ownAssignment(actor, id, tx, true);
      if (!asOrganizer) throw new NotFound('ASSIGNMENT_NOT_FOUND', `assignment ${id} not found`);
      // Only while the stage is open: the juror could not submit again after it closed, and the score would
      // drop out of the ranking without anyone noticing.
      const status = (await this.competitions.holdSnapshot(tx, assignment.competitionId)).stages.find(
        (s) => s.key === assignment.stageKey,
      )?.status;
      if (status !== 'open')
        throw new Conflict(
          'STAGE_NOT_OPEN',
          `stage "${assignment.stageKey}" is ${status}; a sheet is reopened only while its stage is open`,
          { status, allowed: ['open'] },
        );
      const sheet = await this.repo.sheet(assignment.id, tx, true);
      if (!sheet || sheet.status !== 'submitted')
        throw new Conflict(
          'JUDGING_SHEET_NOT_SUBMITTED',
          `the sheet is ${sheet?.status ?? 'not started'}; only a submitted sheet is reopened`,
          { status: sheet?.status ?? 'not_started', allowed: ['submitted'] },
        );
      const saved = await this.repo.writeSheet(
        tx,
        sheet.id,
        { status: 'draft', scores: sheet.scores, comment: sheet.comment, submittedAt: null },
        { status: 'reopened', by: actor.id, reason },
      );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'sheet.reopen',
        entityType: 'score_sheet',
        entityId: saved.id,
        competitionId: assignment.competitionId,
        after: { assignmentId: assignment.id, version: saved.version },
        reason,
      });
      await this.events.sheetsReopened(
        tx,
        await this.competitions.snapshot(assignment.competitionId, tx),
        [{ assignment, version: saved.version }],
        reason,
      );
      return this.sheetView(saved);
    });
  }

  /**
   * An upheld objection reopens the innovation's submitted sheets of a scored stage, closed or not: back to
   * draft for their jurors (who are notified), marked as corrections until submitted again; publication waits
   * for them. Runs in the caller's transaction (which holds the competition row). Returns the sheets reopened.
   */
  async reopenForCorrection(
    tx: EntityManager,
    actorId: string,
    competition: CompetitionSnapshot,
    innovationId: string,
    stageKey: string,
    objectionId: string,
    reason: string,
  ): Promise<number> {
    const stage = scoredStage(competition, stageKey);
    const assignments = (await this.repo.activeAssignments(competition.id, stage.key, tx)).filter((a) => a.innovationId === innovationId);
    const sheets = new Map(
      (
        await this.repo.sheetsOf(
          assignments.map((a) => a.id),
          tx,
        )
      ).map((sh) => [sh.assignmentId, sh]),
    );
    const reopened: { assignment: AssignmentEntity; version: number }[] = [];
    for (const a of assignments) {
      const sheet = sheets.get(a.id);
      if (!sheet || sheet.status !== 'submitted') continue;
      const saved = await this.repo.writeSheet(
        tx,
        sheet.id,
        { status: 'draft', scores: sheet.scores, comment: sheet.comment, submittedAt: null },
        { status: 'reopened', by: actorId, reason },
      );
      await this.repo.setCorrection(tx, [sheet.id], objectionId);
      await this.audit.record(tx, {
        actorId,
        action: 'sheet.reopen',
        entityType: 'score_sheet',
        entityId: saved.id,
        competitionId: competition.id,
        after: { assignmentId: a.id, version: saved.version, correctionOf: objectionId },
        reason,
      });
      reopened.push({ assignment: a, version: saved.version });
    }
    await this.events.sheetsReopened(tx, competition, reopened, reason);
    return reopened.length;
  }

  /** Sheets reopened for an upheld objection and not yet submitted again. */
  openCorrections(competitionId: string, tx?: EntityManager): Promise<number> {
    return this.repo.openCorrections(competitionId, tx);
  }

  async sheetVersions(actor: Actor, id: string) {
    const { assignment } = await this.ownAssignment(actor, id);
    const sheet = await this.repo.sheet(assignment.id);
    if (!sheet) return [];
    return (await this.repo.versions(sheet.id)).map((v) => ({
      version: v.version,
      status: v.status,
      scores: v.scores,
      comment: v.comment,
      reason: v.reason,
      savedAt: v.savedAt,
      savedBy: v.savedBy === actor.id ? 'you' : v.savedBy,
    }));
  }

  /** The scoring library's juror calibration report and the innovations whose jurors disagree most. */
  async calibration(actor: Actor, competitionId: string, key: string, threshold?: number) {
    await this.competitions.assertManages(actor, competitionId);
    const competition = await this.competitions.snapshot(competitionId);
    scoredStage(competition, key);
    const sheets = await this.repo.submittedSheets(competitionId, key);
    const ids = [...new Set(sheets.map((s) => s.innovationId))];
    const innovations = (await Promise.all(ids.map((id) => this.innovationRows.findById(id)))).filter((i): i is InnovationEntity => !!i);
    const input = scoringInputFor(
      competition.plan,
      innovations,
      sheets.map((s) => ({ stage: key, juror: s.jurorId, submission: s.innovationId, scores: s.scores })),
    );
    const report = jurorReport(input, key);
    const names = new Map((await this.users.findByIds(report.jurors.map((j) => j.juror))).map((u) => [u.id, u.name]));
    const byInnovation: Record<string, number[]> = {};
    for (const e of explain(input)) {
      const st = e.stages.find((s) => s.stage === key);
      if (st?.sheets.length) byInnovation[e.submission] = st.sheets.map((s) => s.score);
    }
    const titles = new Map(innovations.map((i) => [i.id, i.title]));
    return {
      ...report,
      jurors: report.jurors.map((j) => ({ ...j, name: names.get(j.juror) ?? j.juror })),
      disagreements: flagDisagreement(byInnovation, threshold).map((f) => ({ ...f, title: titles.get(f.innovationId) ?? f.innovationId })),
    };
  }
}
