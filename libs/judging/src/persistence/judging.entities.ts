import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export type StageOutcome = 'pending' | 'passed' | 'eliminated';

/** An innovation's outcome in one stage of the pipeline. */
@Entity('stage_results')
@Unique('stage_results_innovation_stage_uq', ['innovationId', 'stageKey'])
@Index('stage_results_competition_stage_idx', ['competitionId', 'stageKey', 'status'])
export class StageResultEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'varchar', length: 40, name: 'stage_key' }) stageKey: string;
  @Column({ type: 'varchar', length: 20, default: 'pending' }) status: StageOutcome;
  /** The rounded stage score (scored stages). */
  @Column({ type: 'double precision', nullable: true }) score: number | null;
  @Column({ type: 'int', nullable: true }) rank: number | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** A system reason as a code of the kernel's reason catalog and its parameters (null: a person's text, or an older row). */
  @Column({ type: 'varchar', length: 60, name: 'reason_code', nullable: true }) reasonCode: string | null;
  @Column({ type: 'jsonb', name: 'reason_params', nullable: true }) reasonParams: Record<string, string | number | boolean> | null;
  /** Screening: the checklist answers; scored stages: the explanation of the score. */
  @Column({ type: 'jsonb', nullable: true }) details: object | null;
  @Column({ type: 'uuid', name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt: Date | null;
  /** Screening: the upheld objection this decision was reopened for, until the screener decides again. */
  @Column({ type: 'uuid', name: 'correction_of', nullable: true }) correctionOf: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A presentation slot; rescheduling supersedes the old row, so the history stays. */
@Entity('presentation_slots')
@Index('presentation_slots_innovation_idx', ['innovationId'])
@Index('presentation_slots_competition_time_idx', ['competitionId', 'startsAt'])
export class PresentationSlotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'timestamptz', name: 'starts_at' }) startsAt: Date;
  @Column({ type: 'timestamptz', name: 'ends_at' }) endsAt: Date;
  @Column({ type: 'varchar', length: 300, nullable: true }) location: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) link: string | null;
  /** Juror user ids on the panel. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) panel: string[];
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'superseded_at', nullable: true }) supersededAt: Date | null;
}

/** A field verification visit: schedule, verifiers, checklist findings; photos are documents (field_photo). */
@Entity('field_visits')
@Index('field_visits_innovation_idx', ['innovationId'])
export class FieldVisitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'timestamptz', name: 'visit_at' }) visitAt: Date;
  @Column({ type: 'varchar', length: 500 }) address: string;
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) verifiers: string[];
  /** [{key, ok, note}] against the stage rubric's guidance. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) checklist: { key: string; ok: boolean | null; note: string | null }[];
  @Column({ type: 'text', nullable: true }) findings: string | null;
  @Column({ type: 'uuid', name: 'recorded_by' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', name: 'superseded_at', nullable: true }) supersededAt: Date | null;
}

/** A juror on an innovation in a stage. Removal keeps the row (removed_at) for the audit trail. */
@Entity('assignments')
@Index('assignments_active_uq', ['stageKey', 'innovationId', 'jurorId'], { unique: true, where: 'removed_at IS NULL' })
@Index('assignments_juror_idx', ['jurorId', 'competitionId'])
@Index('assignments_competition_stage_idx', ['competitionId', 'stageKey'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'varchar', length: 40, name: 'stage_key' }) stageKey: string;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'uuid', name: 'juror_id' }) jurorId: string;
  @Column({ type: 'varchar', length: 10, default: 'auto' }) source: 'auto' | 'manual';
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'removed_at', nullable: true }) removedAt: Date | null;
}

/** The current state of a juror's sheet; every save is also appended to score_sheet_versions. */
@Entity('score_sheets')
export class ScoreSheetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('score_sheets_assignment_uq', { unique: true })
  @Column({ type: 'uuid', name: 'assignment_id' })
  assignmentId: string;
  @Column({ type: 'varchar', length: 20, default: 'draft' }) status: 'draft' | 'submitted';
  @Column({ type: 'jsonb', default: () => `'{}'` }) scores: Record<string, number>;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'timestamptz', name: 'no_conflict_confirmed_at', nullable: true }) noConflictConfirmedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  /** The upheld objection this sheet was reopened for: editable while its stage is closed, until submitted again. */
  @Index('score_sheets_correction_idx', { where: 'correction_of IS NOT NULL' })
  @Column({ type: 'uuid', name: 'correction_of', nullable: true })
  correctionOf: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Append-only: who saved what, when; nothing a juror enters is ever lost. */
@Entity('score_sheet_versions')
@Unique('score_sheet_versions_sheet_version_uq', ['sheetId', 'version'])
export class ScoreSheetVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid', name: 'sheet_id' }) sheetId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 20 }) status: 'draft' | 'submitted' | 'reopened';
  @Column({ type: 'jsonb' }) scores: Record<string, number>;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'uuid', name: 'saved_by' }) savedBy: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz', name: 'saved_at', default: () => 'now()' }) savedAt: Date;
}

/** A juror's declaration of a conflict of interest with one innovation. */
@Entity('conflict_declarations')
@Unique('conflict_declarations_juror_innovation_uq', ['jurorId', 'innovationId'])
export class ConflictDeclarationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'juror_id' }) jurorId: string;
  @Index('conflict_declarations_innovation_idx')
  @Column({ type: 'uuid', name: 'innovation_id' })
  innovationId: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
}

export const JUDGING_ENTITIES = [
  StageResultEntity,
  PresentationSlotEntity,
  FieldVisitEntity,
  AssignmentEntity,
  ScoreSheetEntity,
  ScoreSheetVersionEntity,
  ConflictDeclarationEntity,
];
