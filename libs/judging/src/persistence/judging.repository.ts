import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { StagePlan } from '@app/competitions';
import { copyOutBinary, PreparedStatements, uuidBytes } from '@app/database';
import type { InnovationConflictProfile, JurorConflictProfile } from '../domain';
import {
  AssignmentEntity,
  ConflictDeclarationEntity,
  FieldVisitEntity,
  PresentationSlotEntity,
  ScoreSheetEntity,
  ScoreSheetVersionEntity,
  StageResultEntity,
  type StageOutcome,
} from './judging.entities';

export interface DraftSaveContext {
  competitionId: string;
  stageKey: string;
  stageStatus: string;
  stage: StagePlan;
  sheet: Pick<ScoreSheetEntity, 'id' | 'status' | 'version'>;
  juror: (JurorConflictProfile & { id: string }) | null;
  innovation: InnovationConflictProfile;
  /** `DRAFT_BASIS` as read with the rest: a conditional write given it fails once any of its inputs changed. */
  basis: string;
}

/**
 * What a juror's draft-save context rests on besides the sheet and the stage, as one value: the competition
 * row's last change (its plan, hence the rubric), the innovation's organization and region, and the juror's
 * role, activity and affiliations (the conflict rules' inputs). Read with the context, compared again by the
 * conditional write, so a context kept in memory is never trusted once something under it changed. The conflict
 * rule itself is only the domain's (`conflictReasons`): `test/conflict-rule.e2e-spec.ts` checks on generated cases
 * that a save through this write (else the locked path) is refused exactly when the rule finds a conflict, so a
 * rule that reads a new input fails there until the input is added here.
 * Aliases: c competitions, i innovations, u users (the juror).
 */
/**
 * What a juror's assignment list was made from, as stamps (migration 1795870000000): the juror's own stamp moves
 * with the juror's assignments and sheets, each competition's with what every juror of it sees (stage status,
 * name, due dates, the assigned innovations' titles and categories), all in the transaction of the change. The
 * competitions are those of the juror's active assignments, a set only an assignment change (the juror's stamp)
 * alters: while `value` reads the same, so does the list.
 */
export interface JurorListStamp {
  value: string;
  competitionIds: string[];
}

/** The stamps of the competitions whose id matches `condition`, as one text in id order ('' for none). */
const competitionStampsSql = (condition: string) =>
  `(SELECT coalesce(string_agg(c.competition_id::text || '=' || c.stamp::text, ',' ORDER BY c.competition_id), '')
      FROM competition_list_stamps c WHERE c.competition_id ${condition})`;

const DRAFT_BASIS = `md5(row(c.updated_at, i.organization_id, i.region_id, i.province_id, u.role, u.active, u.affiliations)::text)`;

/** A juror's draft save from a kept context (`writeDrafts`). */
export interface DraftWrite {
  sheetId: string;
  scores: Record<string, number>;
  /** Null keeps the sheet's comment. */
  comment: string | null;
  /** The version the juror edited. */
  version: number;
  jurorId: string;
  /** `DRAFT_BASIS` as read with the context. */
  basis: string;
}

export interface SubmittedSheetRow {
  assignmentId: string;
  innovationId: string;
  jurorId: string;
  stageKey: string;
  scores: Record<string, number>;
}

export interface OpenSheetRow {
  assignmentId: string;
  innovationId: string;
  innovationTitle: string;
  jurorId: string;
  jurorName: string;
  status: 'not_started' | 'draft';
}

/** SQL of the judging context: stage results, schedules, assignments and sheets. */
/** A row of a juror's dashboard (GET /api/assignments/mine). */
@Injectable()
export class JudgingRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  // ── stage results ───────────────────────────────────────────────────────────
  results(competitionId: string, stageKey: string, tx?: EntityManager, status?: StageOutcome): Promise<StageResultEntity[]> {
    return this.m(tx).find(StageResultEntity, {
      where: { competitionId, stageKey, ...(status ? { status } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  resultsOf(innovationId: string, tx?: EntityManager): Promise<StageResultEntity[]> {
    return this.m(tx).find(StageResultEntity, { where: { innovationId }, order: { createdAt: 'ASC' } });
  }

  result(innovationId: string, stageKey: string, tx?: EntityManager): Promise<StageResultEntity | null> {
    return this.m(tx).findOne(StageResultEntity, { where: { innovationId, stageKey } });
  }

  /** Pending rows for innovations entering a stage (idempotent). */
  async createPending(tx: EntityManager, competitionId: string, stageKey: string, innovationIds: string[]): Promise<void> {
    for (let i = 0; i < innovationIds.length; i += 5000) {
      await tx
        .createQueryBuilder()
        .insert()
        .into(StageResultEntity)
        .values(
          innovationIds.slice(i, i + 5000).map((innovationId) => ({ competitionId, stageKey, innovationId, status: 'pending' as const })),
        )
        .orIgnore()
        .execute();
    }
  }

  /** Every decision of a stage close in one statement (a national edition closes tens of thousands at once). */
  async upsertDecisions(
    tx: EntityManager,
    competitionId: string,
    stageKey: string,
    decisions: {
      id: string;
      outcome: StageOutcome;
      score: number | null;
      rank: number | null;
      reason: string;
      reasonCode?: string | null;
      reasonParams?: object | null;
    }[],
    decidedBy: string,
    at: Date,
  ): Promise<void> {
    if (!decisions.length) return;
    await tx.query(
      `INSERT INTO stage_results (competition_id, stage_key, innovation_id, status, score, rank, reason, reason_code, reason_params, decided_by, decided_at)
       SELECT $1, $2, d.innovation_id, d.status, d.score, d.rank, d.reason, d.reason_code, d.reason_params, $3, $4
         FROM unnest($5::uuid[], $6::varchar[], $7::float8[], $8::int[], $9::text[], $10::varchar[], $11::jsonb[]) AS d(innovation_id, status, score, rank, reason, reason_code, reason_params)
       ON CONFLICT (innovation_id, stage_key) DO UPDATE
         SET status = excluded.status, score = excluded.score, rank = excluded.rank, reason = excluded.reason, reason_code = excluded.reason_code, reason_params = excluded.reason_params,
             decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      [
        competitionId,
        stageKey,
        decidedBy,
        at,
        decisions.map((d) => d.id),
        decisions.map((d) => d.outcome),
        decisions.map((d) => d.score),
        decisions.map((d) => d.rank),
        decisions.map((d) => d.reason),
        decisions.map((d) => d.reasonCode ?? null),
        decisions.map((d) => (d.reasonParams ? JSON.stringify(d.reasonParams) : null)),
      ],
    );
  }

  /**
   * An innovation reinstated by a correction (an upheld objection) enters a stage that closed without it: a pending
   * row marked as that objection's correction, which holds publication until the organizer settles it.
   */
  async enterCorrection(
    tx: EntityManager,
    competitionId: string,
    stageKey: string,
    innovationId: string,
    objectionId: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO stage_results (competition_id, stage_key, innovation_id, status, correction_of) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT (innovation_id, stage_key) DO UPDATE SET status = 'pending', score = NULL, rank = NULL, correction_of = excluded.correction_of`,
      [competitionId, stageKey, innovationId, objectionId],
    );
  }

  /** What each objection's corrections still wait for: reopened decisions or entrants (stage results) and reopened sheets, per stage. */
  async correctionsOf(
    objectionIds: readonly string[],
    tx?: EntityManager,
  ): Promise<{ objectionId: string; stage: string; kind: 'decision' | 'sheets'; open: number }[]> {
    if (!objectionIds.length) return [];
    return this.m(tx).query(
      `SELECT correction_of AS "objectionId", stage_key AS stage, 'decision' AS kind, count(*)::int AS open
         FROM stage_results WHERE correction_of = ANY($1::uuid[]) GROUP BY 1, 2
       UNION ALL
       SELECT s.correction_of, a.stage_key, 'sheets', count(*)::int
         FROM score_sheets s JOIN assignments a ON a.id = s.assignment_id
        WHERE s.correction_of = ANY($1::uuid[]) AND a.removed_at IS NULL GROUP BY 1, 2
       ORDER BY 1, 2`,
      [objectionIds],
    );
  }

  /** A correction entrant waiting in this stage (pending, marked with an objection): it is judged there although the stage closed. */
  async isCorrectionEntrant(innovationId: string, stageKey: string, tx?: EntityManager): Promise<boolean> {
    const result = await this.result(innovationId, stageKey, tx);
    return result?.status === 'pending' && !!result.correctionOf;
  }

  /** The scored stages (of those given, with when they closed) with a sheet submitted after they closed: a correction's. */
  async stagesRescoredAfterClose(competitionId: string, closed: { key: string; closedAt: Date }[], tx?: EntityManager): Promise<string[]> {
    if (!closed.length) return [];
    const rows: { stage_key: string }[] = await this.m(tx).query(
      `SELECT DISTINCT a.stage_key FROM assignments a
         JOIN score_sheets s ON s.assignment_id = a.id
         JOIN unnest($2::varchar[], $3::timestamptz[]) AS c(stage_key, closed_at) ON c.stage_key = a.stage_key
        WHERE a.competition_id = $1 AND a.removed_at IS NULL AND s.status = 'submitted' AND s.submitted_at > c.closed_at`,
      [competitionId, closed.map((c) => c.key), closed.map((c) => c.closedAt)],
    );
    return rows.map((r) => r.stage_key);
  }

  /** Stored stage scores set to these numbers (the ones the ranking uses), where they differ. */
  async recordStageScores(
    tx: EntityManager,
    competitionId: string,
    rows: { innovationId: string; stageKey: string; score: number }[],
  ): Promise<number> {
    if (!rows.length) return 0;
    const [, changed] = await tx.query(
      `UPDATE stage_results r SET score = d.score
         FROM unnest($2::uuid[], $3::varchar[], $4::float8[]) AS d(innovation_id, stage_key, score)
        WHERE r.competition_id = $1 AND r.innovation_id = d.innovation_id AND r.stage_key = d.stage_key AND r.score IS DISTINCT FROM d.score`,
      [competitionId, rows.map((r) => r.innovationId), rows.map((r) => r.stageKey), rows.map((r) => r.score)],
    );
    return Number(changed ?? 0);
  }

  saveResult(tx: EntityManager, row: StageResultEntity): Promise<StageResultEntity> {
    return tx.save(row);
  }

  async saveResults(tx: EntityManager, rows: StageResultEntity[]): Promise<void> {
    if (rows.length) await tx.save(rows, { chunk: 500 });
  }

  // ── presentation slots and field visits ─────────────────────────────────────
  currentSlot(innovationId: string, tx?: EntityManager): Promise<PresentationSlotEntity | null> {
    return this.m(tx).findOne(PresentationSlotEntity, { where: { innovationId, supersededAt: IsNull() } });
  }

  slotHistory(innovationId: string): Promise<PresentationSlotEntity[]> {
    return this.m().find(PresentationSlotEntity, { where: { innovationId }, order: { createdAt: 'ASC' } });
  }

  slots(competitionId: string): Promise<PresentationSlotEntity[]> {
    return this.m().find(PresentationSlotEntity, { where: { competitionId, supersededAt: IsNull() }, order: { startsAt: 'ASC' } });
  }

  /** Current slots of other innovations overlapping [start, end) that seat any of these jurors. */
  async overlappingSlots(
    tx: EntityManager,
    jurorIds: string[],
    start: Date,
    end: Date,
    exceptInnovationId: string,
  ): Promise<PresentationSlotEntity[]> {
    if (!jurorIds.length) return [];
    return tx
      .createQueryBuilder(PresentationSlotEntity, 's')
      .where(
        's.superseded_at IS NULL AND s.innovation_id <> :except AND s.panel && :jurors::uuid[] AND s.starts_at < :end AND s.ends_at > :start',
        { except: exceptInnovationId, jurors: jurorIds, start, end },
      )
      .getMany();
  }

  async supersede(tx: EntityManager, entity: typeof PresentationSlotEntity | typeof FieldVisitEntity, id: string, at: Date): Promise<void> {
    await tx.update(entity, { id }, { supersededAt: at });
  }

  insertSlot(tx: EntityManager, row: Partial<PresentationSlotEntity>): Promise<PresentationSlotEntity> {
    return tx.save(tx.create(PresentationSlotEntity, row));
  }

  currentVisit(innovationId: string, tx?: EntityManager): Promise<FieldVisitEntity | null> {
    return this.m(tx).findOne(FieldVisitEntity, { where: { innovationId, supersededAt: IsNull() } });
  }

  visitHistory(innovationId: string): Promise<FieldVisitEntity[]> {
    return this.m().find(FieldVisitEntity, { where: { innovationId }, order: { createdAt: 'ASC' } });
  }

  saveVisit(tx: EntityManager, row: Partial<FieldVisitEntity>): Promise<FieldVisitEntity> {
    return tx.save(tx.create(FieldVisitEntity, row));
  }

  // ── assignments and sheets ──────────────────────────────────────────────────
  /** The ids of a stage's assignments, removed and active. */
  async stageAssignmentIds(competitionId: string, stageKey: string, tx?: EntityManager): Promise<{ removed: string[]; active: string[] }> {
    const rows = await this.m(tx).find(AssignmentEntity, { select: { id: true, removedAt: true }, where: { competitionId, stageKey } });
    return { removed: rows.filter((a) => a.removedAt).map((a) => a.id), active: rows.filter((a) => !a.removedAt).map((a) => a.id) };
  }

  /** Whether the juror reads the innovation's dossier: assigned to it, on its current panel, or verifying its visit. */
  async jurorReadsInnovation(jurorId: string, innovationId: string): Promise<boolean> {
    const rows: unknown[] = await this.m().query(
      `SELECT 1 FROM assignments WHERE juror_id = $1 AND innovation_id = $2 AND removed_at IS NULL
       UNION ALL SELECT 1 FROM presentation_slots WHERE innovation_id = $2 AND superseded_at IS NULL AND $1 = ANY(panel)
       UNION ALL SELECT 1 FROM field_visits WHERE innovation_id = $2 AND superseded_at IS NULL AND $1 = ANY(verifiers)
       LIMIT 1`,
      [jurorId, innovationId],
    );
    return rows.length > 0;
  }

  /**
   * Whether a scoring reminder still matters: its assignment active, the stage open with the deadline the
   * reminder names (`dueAt`, not moved since), and the sheet not submitted.
   */
  async reminderStillDue(assignmentId: string, dueAt: string | null): Promise<boolean> {
    const rows: unknown[] = await this.m().query(
      `SELECT 1 FROM assignments a
         JOIN competition_stages cs ON cs.competition_id = a.competition_id AND cs.key = a.stage_key
         JOIN competitions c ON c.id = a.competition_id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.id = $1 AND a.removed_at IS NULL AND cs.status = 'open' AND (s.id IS NULL OR s.status <> 'submitted')
          AND ($2::timestamptz IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.plan->'stages') st WHERE st->>'key' = a.stage_key AND (st->>'closesAt')::timestamptz = $2::timestamptz))`,
      [assignmentId, dueAt],
    );
    return rows.length > 0;
  }

  activeAssignments(competitionId: string, stageKey: string, tx?: EntityManager): Promise<AssignmentEntity[]> {
    return this.m(tx).find(AssignmentEntity, { where: { competitionId, stageKey, removedAt: IsNull() } });
  }

  assignment(id: string, tx?: EntityManager, lock = false): Promise<AssignmentEntity | null> {
    return this.m(tx).findOne(AssignmentEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async isAssigned(jurorId: string, innovationId: string): Promise<boolean> {
    return (await this.m().count(AssignmentEntity, { where: { jurorId, innovationId, removedAt: IsNull() } })) > 0;
  }

  async insertAssignments(tx: EntityManager, rows: Partial<AssignmentEntity>[]): Promise<AssignmentEntity[]> {
    if (!rows.length) return [];
    return tx.save(
      rows.map((r) => tx.create(AssignmentEntity, r)),
      { chunk: 500 },
    );
  }

  async removeAssignment(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(AssignmentEntity, { id }, { removedAt: at });
  }

  sheet(assignmentId: string, tx?: EntityManager, lock = false): Promise<ScoreSheetEntity | null> {
    return this.m(tx).findOne(ScoreSheetEntity, {
      where: { assignmentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  sheetsOf(assignmentIds: string[], tx?: EntityManager): Promise<ScoreSheetEntity[]> {
    return assignmentIds.length ? this.m(tx).find(ScoreSheetEntity, { where: { assignmentId: In(assignmentIds) } }) : Promise.resolve([]);
  }

  saveSheet(tx: EntityManager, row: ScoreSheetEntity | Partial<ScoreSheetEntity>): Promise<ScoreSheetEntity> {
    return tx.save(tx.create(ScoreSheetEntity, row));
  }

  /**
   * Writes an existing sheet and appends its version in one statement, the caller holding the sheet's lock and
   * having checked the version it replaces. A null comment keeps the sheet's comment.
   */
  async writeSheet(
    m: EntityManager,
    sheetId: string,
    next: Pick<ScoreSheetEntity, 'status' | 'scores' | 'comment' | 'submittedAt'>,
    saved: { status: ScoreSheetVersionEntity['status']; by: string; reason?: string | null },
  ): Promise<ScoreSheetEntity> {
    const [row] = await this.prepared.query<Record<string, any>>(
      m,
      `WITH s AS (
         UPDATE score_sheets SET status = $2, scores = $3, comment = COALESCE($4, comment), submitted_at = $5, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING *
       ), v AS (
         INSERT INTO score_sheet_versions (sheet_id, version, status, scores, comment, saved_by, reason)
         SELECT id, version, $6, scores, comment, $7, $8 FROM s
       )
       SELECT * FROM s`,
      [sheetId, next.status, JSON.stringify(next.scores), next.comment, next.submittedAt, saved.status, saved.by, saved.reason ?? null],
    );
    return this.sheetOf(row);
  }

  /**
   * Juror's draft saves from kept contexts, many in one statement (a save is on every juror's keystroke path:
   * bench/RESULTS.md): each sheet is written, with its version row, only if it is still the version the juror
   * edited and a draft, its assignment still the juror's, the stage open, no conflict declared, and
   * `DRAFT_BASIS` unchanged. A null comment keeps the sheet's comment. One result per draft, in order: the
   * sheet written, or null when its conditions no longer hold. The drafts must be of different sheets. A sheet
   * another transaction holds (a submit, a reopen) is skipped, not waited for (null: its save takes the locked
   * path and waits there alone), so one busy sheet never holds up the other jurors' saves.
   */
  async writeDrafts(drafts: DraftWrite[]): Promise<(ScoreSheetEntity | null)[]> {
    const rows = await this.prepared.query<Record<string, any>>(
      this.db.manager,
      `WITH x AS (
         SELECT * FROM unnest($1::int[], $2::uuid[], $3::jsonb[], $4::text[], $5::int[], $6::uuid[], $7::text[]) AS x(ord, sheet_id, scores, comment, version, juror_id, basis)
       ), free AS (
         SELECT id FROM score_sheets WHERE id IN (SELECT sheet_id FROM x) FOR UPDATE SKIP LOCKED
       ), s AS (
         UPDATE score_sheets SET status = 'draft', scores = x.scores, comment = COALESCE(x.comment, score_sheets.comment), submitted_at = NULL,
                version = score_sheets.version + 1, updated_at = now()
           FROM x JOIN free ON free.id = x.sheet_id
          WHERE score_sheets.id = x.sheet_id AND score_sheets.version = x.version AND score_sheets.status = 'draft' AND EXISTS (
             SELECT 1 FROM assignments a
               JOIN competition_stages cs ON cs.competition_id = a.competition_id AND cs.key = a.stage_key AND cs.status = 'open'
               JOIN competitions c ON c.id = a.competition_id
               JOIN innovations i ON i.id = a.innovation_id
               JOIN users u ON u.id = a.juror_id
              WHERE a.id = score_sheets.assignment_id AND a.juror_id = x.juror_id AND a.removed_at IS NULL AND ${DRAFT_BASIS} = x.basis
                AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.juror_id = a.juror_id AND d.innovation_id = a.innovation_id))
         RETURNING score_sheets.*, x.ord, x.juror_id
       ), v AS (
         INSERT INTO score_sheet_versions (sheet_id, version, status, scores, comment, saved_by, reason)
         SELECT id, version, 'draft', scores, comment, juror_id, NULL FROM s
       )
       SELECT * FROM s`,
      [
        drafts.map((_, i) => i),
        drafts.map((d) => d.sheetId),
        drafts.map((d) => JSON.stringify(d.scores)),
        drafts.map((d) => d.comment),
        drafts.map((d) => d.version),
        drafts.map((d) => d.jurorId),
        drafts.map((d) => d.basis),
      ],
    );
    const written: (ScoreSheetEntity | null)[] = drafts.map(() => null);
    for (const row of rows) written[row.ord] = this.sheetOf(row);
    return written;
  }

  /** Marks sheets as reopened for an upheld objection (null: corrected, submitted again). */
  async setCorrection(m: EntityManager, sheetIds: string[], objectionId: string | null): Promise<void> {
    if (sheetIds.length) await m.query(`UPDATE score_sheets SET correction_of = $2 WHERE id = ANY($1::uuid[])`, [sheetIds, objectionId]);
  }

  /** Sheets of the competition reopened for an upheld objection and not submitted again, and screening decisions reopened and not taken again. */
  async openCorrections(competitionId: string, m?: EntityManager): Promise<number> {
    const [row] = await (m ?? this.db.manager).query(
      `SELECT (SELECT count(*) FROM score_sheets s JOIN assignments a ON a.id = s.assignment_id WHERE a.competition_id = $1 AND a.removed_at IS NULL AND s.correction_of IS NOT NULL)
            + (SELECT count(*) FROM stage_results WHERE competition_id = $1 AND correction_of IS NOT NULL) AS n`,
      [competitionId],
    );
    row.n = Number(row.n);
    return row.n;
  }

  private sheetOf(row: Record<string, any>): ScoreSheetEntity {
    return this.db.manager.create(ScoreSheetEntity, {
      id: row.id,
      assignmentId: row.assignment_id,
      status: row.status,
      scores: row.scores,
      comment: row.comment,
      version: row.version,
      noConflictConfirmedAt: row.no_conflict_confirmed_at,
      submittedAt: row.submitted_at,
      correctionOf: row.correction_of ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }

  /**
   * Everything a juror's draft save checks, in one query: the assignment (theirs, not removed), the stage's
   * plan and status, the sheet, and the conflict rules' inputs. Null when any part is missing.
   */
  async draftSaveContext(assignmentId: string, jurorId: string): Promise<DraftSaveContext | null> {
    const [row] = await this.prepared.query<Record<string, any>>(
      this.db.manager,
      `SELECT a.competition_id, a.stage_key, a.innovation_id, cs.status AS stage_status,
              (SELECT st FROM jsonb_array_elements(c.plan->'stages') st WHERE st->>'key' = a.stage_key LIMIT 1) AS stage,
              s.id AS sheet_id, s.status AS sheet_status, s.version,
              i.organization_id, i.region_id, i.province_id,
              u.affiliations, (u.role = 'juror' AND u.active) AS juror,
              EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.juror_id = $2 AND d.innovation_id = a.innovation_id) AS declared,
              ${DRAFT_BASIS} AS basis
         FROM assignments a
         JOIN competitions c ON c.id = a.competition_id
         JOIN competition_stages cs ON cs.competition_id = a.competition_id AND cs.key = a.stage_key
         JOIN score_sheets s ON s.assignment_id = a.id
         JOIN innovations i ON i.id = a.innovation_id
         LEFT JOIN users u ON u.id = $2
        WHERE a.id = $1 AND a.juror_id = $2 AND a.removed_at IS NULL`,
      [assignmentId, jurorId],
    );
    if (!row || !row.stage) return null;
    return {
      competitionId: row.competition_id,
      stageKey: row.stage_key,
      stageStatus: row.stage_status,
      stage: row.stage,
      sheet: { id: row.sheet_id, status: row.sheet_status, version: row.version },
      juror: row.juror
        ? { id: jurorId, affiliations: row.affiliations ?? [], declarations: row.declared ? [{ innovationId: row.innovation_id }] : [] }
        : null,
      innovation: { id: row.innovation_id, organizationId: row.organization_id, regionId: row.region_id, provinceId: row.province_id },
      basis: row.basis,
    };
  }

  /** What the conflict rules need of one juror and one innovation, in one query (juror null: not an active juror). */
  async conflictContext(
    tx: EntityManager,
    jurorId: string,
    innovationId: string,
  ): Promise<{ juror: (JurorConflictProfile & { id: string }) | null; innovation: InnovationConflictProfile } | null> {
    const [row] = await tx.query(
      `SELECT i.id, i.organization_id, i.region_id, i.province_id, u.affiliations, (u.role = 'juror' AND u.active) AS juror,
              EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.juror_id = $1 AND d.innovation_id = i.id) AS declared
         FROM innovations i LEFT JOIN users u ON u.id = $1
        WHERE i.id = $2`,
      [jurorId, innovationId],
    );
    if (!row) return null;
    return {
      juror: row.juror ? { id: jurorId, affiliations: row.affiliations ?? [], declarations: row.declared ? [{ innovationId }] : [] } : null,
      innovation: { id: row.id, organizationId: row.organization_id, regionId: row.region_id, provinceId: row.province_id },
    };
  }

  async appendVersion(tx: EntityManager, row: Partial<ScoreSheetVersionEntity>): Promise<void> {
    await tx.insert(ScoreSheetVersionEntity, row);
  }

  versions(sheetId: string): Promise<ScoreSheetVersionEntity[]> {
    return this.m().find(ScoreSheetVersionEntity, { where: { sheetId }, order: { version: 'ASC' } });
  }

  /** Submitted sheets of a stage (or of every stage), straight from SQL. */
  async submittedSheets(competitionId: string, stageKey?: string, tx?: EntityManager): Promise<SubmittedSheetRow[]> {
    return this.m(tx).query(
      `SELECT a.id AS "assignmentId", a.innovation_id AS "innovationId", a.juror_id AS "jurorId", a.stage_key AS "stageKey", s.scores
         FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.competition_id = $1 AND a.removed_at IS NULL AND s.status = 'submitted' ${stageKey ? 'AND a.stage_key = $2' : ''}`,
      stageKey ? [competitionId, stageKey] : [competitionId],
    );
  }

  /**
   * The competition's submitted sheets (as {@link submittedSheets}, without the assignment id) in the order of their
   * assignment ids, handed to `each` `batch` rows at a time: a national edition's 130,773 rows as objects at once were
   * ≈ 50 MB of transient memory while publishing; a batch is garbage once `each` has taken what it keeps. Read by one
   * binary COPY (ids and stage as text, the scores' jsonb text parsed per row) that PostgreSQL streams while the rows
   * are taken: a cursor's FETCH of 10,000 rows at a time waited for each batch, PostgreSQL and the API by turns (14
   * round trips, ≈ 0.5 s of a national publication; bench/RESULTS.md, item 21). Runs in `tx`, or in a read
   * transaction of its own.
   */
  async eachSubmittedSheetBatch(
    competitionId: string,
    tx: EntityManager | undefined,
    each: (rows: Omit<SubmittedSheetRow, 'assignmentId'>[]) => void,
    batch = 10_000,
  ): Promise<void> {
    // COPY takes no parameters: the id goes into the text, checked to be a uuid first.
    if (!uuidBytes(competitionId)) throw new Error(`not a competition id: ${competitionId}`);
    const read = async (m: EntityManager) => {
      let rows: Omit<SubmittedSheetRow, 'assignmentId'>[] = [];
      await copyOutBinary(
        m,
        `SELECT a.innovation_id::text, a.juror_id::text, a.stage_key, s.scores
           FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id
          WHERE a.competition_id = '${competitionId}' AND a.removed_at IS NULL AND s.status = 'submitted'
          ORDER BY a.id`,
        4,
        (bytes, f) => {
          rows.push({
            innovationId: bytes.toString('latin1', f[0], f[0] + f[1]),
            jurorId: bytes.toString('latin1', f[2], f[2] + f[3]),
            stageKey: bytes.toString('utf8', f[4], f[4] + f[5]),
            // jsonb's binary form: a version byte (1), then the JSON text.
            scores: JSON.parse(bytes.toString('utf8', f[6] + 1, f[6] + f[7])),
          });
          if (rows.length === batch) {
            each(rows);
            rows = [];
          }
        },
      );
      if (rows.length) each(rows);
    };
    if (tx) await read(tx);
    else await this.db.transaction(read);
  }

  /**
   * A page of a juror's active assignments as the JSON array of `MyAssignmentView` (open stages first, then by
   * assignment time and title; `limit` null: all of them), made by PostgreSQL in one prepared statement, with the
   * sheet counts of all of them for the progress. The stage of each (competition, stage) pair — its status, the
   * competition's name, the due date (`closesAt` of the plan) — is looked up once per pair, not per row: a national
   * juror has hundreds of assignments, and reading the plan per row detoasted it every time (bench/RESULTS.md,
   * item 12). The API sends the text as it is. With it, read in the same snapshot, the juror's list stamp
   * (`jurorListStamp`): the text is current while the stamp is.
   */
  async assignmentsOfJurorJson(
    jurorId: string,
    limit: number | null,
    offset: number,
  ): Promise<{ itemsJson: string; total: number; submitted: number; draft: number; stamp: JurorListStamp | null }> {
    const [row] = await this.prepared.query<{
      items: string;
      total: number;
      submitted: number;
      draft: number;
      juror_stamp: string | null;
      competition_stamps: string;
      competitions: string[];
    }>(
      this.db.manager,
      `WITH mine AS MATERIALIZED (
              SELECT a.id, a.competition_id, a.stage_key, a.innovation_id, a.created_at FROM assignments a WHERE a.juror_id = $1 AND a.removed_at IS NULL),
            stages AS MATERIALIZED (
              SELECT k.competition_id, k.stage_key, c.name, cs.status,
                     (SELECT st->>'closesAt' FROM jsonb_array_elements(c.plan->'stages') st WHERE st->>'key' = k.stage_key LIMIT 1) AS closes_at
                FROM (SELECT DISTINCT competition_id, stage_key FROM mine) k
                JOIN competitions c ON c.id = k.competition_id
                JOIN competition_stages cs ON cs.competition_id = k.competition_id AND cs.key = k.stage_key),
            items AS MATERIALIZED (
              SELECT m.id, m.competition_id, g.name, m.stage_key, g.status AS stage_status, g.closes_at, m.innovation_id, i.title, i.category,
                     coalesce(s.status, 'not_started') AS sheet_status, coalesce(s.version, 0) AS version, m.created_at,
                     -- as the sheet view's correction: a closed stage's reopened sheet, or its correction entrant
                     (g.status <> 'open' AND (s.correction_of IS NOT NULL OR EXISTS (
                        SELECT 1 FROM stage_results r WHERE r.innovation_id = m.innovation_id AND r.stage_key = m.stage_key
                           AND r.status = 'pending' AND r.correction_of IS NOT NULL))) AS correction
                FROM mine m
                JOIN stages g ON g.competition_id = m.competition_id AND g.stage_key = m.stage_key
                JOIN innovations i ON i.id = m.innovation_id
                LEFT JOIN score_sheets s ON s.assignment_id = m.id),
            page AS (
              SELECT x.*, row_number() OVER (ORDER BY (x.stage_status = 'open' OR (x.correction AND x.sheet_status <> 'submitted')) DESC, x.created_at, x.title, x.id) AS ord FROM items x
               ORDER BY ord LIMIT $2 OFFSET $3)
       SELECT (SELECT '[' || coalesce(string_agg(row_to_json(v)::text, ',' ORDER BY p.ord), '') || ']'
                 FROM page p
                 CROSS JOIN LATERAL (
                   SELECT p.id, p.competition_id AS "competitionId", p.name AS "competitionName", p.stage_key AS stage, p.stage_status AS "stageStatus",
                          p.closes_at AS "dueAt", p.innovation_id AS "innovationId", p.title, p.category, p.sheet_status AS "sheetStatus", p.version,
                          p.correction
                 ) v) AS items,
              count(*)::int AS total, count(*) FILTER (WHERE sheet_status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE sheet_status = 'draft')::int AS draft,
              (SELECT t.stamp::text FROM juror_list_stamps t WHERE t.juror_id = $1) AS juror_stamp,
              ${competitionStampsSql('IN (SELECT competition_id FROM mine)')} AS competition_stamps,
              ARRAY(SELECT DISTINCT competition_id::text FROM mine ORDER BY 1) AS competitions
         FROM items`,
      [jurorId, limit, offset],
    );
    const stamp =
      row.juror_stamp === null ? null : { value: `${row.juror_stamp}|${row.competition_stamps}`, competitionIds: row.competitions };
    return { itemsJson: row.items, total: row.total, submitted: row.submitted, draft: row.draft, stamp };
  }

  /**
   * The juror's list stamp now, given the competitions of the juror's active assignments when it was last read
   * (`assignmentsOfJurorJson`): two index lookups, one for the juror and one per competition. Null for a juror
   * who never had an assignment.
   */
  async jurorListStamp(jurorId: string, competitionIds: readonly string[]): Promise<string | null> {
    const [row] = await this.prepared.query<{ juror_stamp: string; competition_stamps: string }>(
      this.db.manager,
      `SELECT j.stamp::text AS juror_stamp, ${competitionStampsSql('= ANY($2::uuid[])')} AS competition_stamps
         FROM juror_list_stamps j WHERE j.juror_id = $1`,
      [jurorId, competitionIds],
    );
    return row ? `${row.juror_stamp}|${row.competition_stamps}` : null;
  }

  /** The jurors with an active assignment in the competition (told when its results are published). */
  async jurorsOf(competitionId: string, tx?: EntityManager): Promise<string[]> {
    const rows: { juror_id: string }[] = await this.m(tx).query(
      `SELECT DISTINCT juror_id FROM assignments WHERE competition_id = $1 AND removed_at IS NULL`,
      [competitionId],
    );
    return rows.map((r) => r.juror_id);
  }

  /** The scoring profile (category, submission time) and status of innovations by id. */
  async scoringProfiles(
    ids: readonly string[],
    tx?: EntityManager,
  ): Promise<{ id: string; category: string; submittedAt: Date | null; status: string }[]> {
    if (!ids.length) return [];
    return this.m(tx).query(
      `SELECT id, category, submitted_at AS "submittedAt", status FROM innovations WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
  }

  /** Active assignments of a stage whose sheet is not submitted, for the close check. */
  async openSheets(competitionId: string, stageKey: string, tx?: EntityManager): Promise<OpenSheetRow[]> {
    return this.m(tx).query(
      `SELECT a.id AS "assignmentId", a.innovation_id AS "innovationId", i.title AS "innovationTitle", a.juror_id AS "jurorId", u.name AS "jurorName",
              CASE WHEN s.id IS NULL THEN 'not_started' ELSE 'draft' END AS status
         FROM assignments a
         JOIN innovations i ON i.id = a.innovation_id
         JOIN users u ON u.id = a.juror_id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.competition_id = $1 AND a.stage_key = $2 AND a.removed_at IS NULL AND i.status = 'submitted'
          AND (s.id IS NULL OR s.status <> 'submitted')
        ORDER BY u.name, i.title`,
      [competitionId, stageKey],
    );
  }

  // ── conflict declarations ───────────────────────────────────────────────────
  declarationsOf(jurorIds: string[], tx?: EntityManager): Promise<ConflictDeclarationEntity[]> {
    return jurorIds.length ? this.m(tx).find(ConflictDeclarationEntity, { where: { jurorId: In(jurorIds) } }) : Promise.resolve([]);
  }

  async declare(tx: EntityManager, jurorId: string, innovationId: string, reason: string | null): Promise<void> {
    await tx.createQueryBuilder().insert().into(ConflictDeclarationEntity).values({ jurorId, innovationId, reason }).orIgnore().execute();
  }
}
