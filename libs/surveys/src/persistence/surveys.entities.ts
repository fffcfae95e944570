import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** A foreign key inside this context, named as the migration names it (no relation is ever loaded through it). */
const fk = (column: string, name: string) => JoinColumn({ name: column, foreignKeyConstraintName: name });

/** A public-service unit that surveys its users: an organization, or a named unit under it (e.g. a pharmacy). */
@Entity('survey_units')
@Unique('survey_units_organization_name_uq', ['organizationId', 'name'])
export class SurveyUnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'organization_id' }) organizationId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** Service users per year, the default population of its periods (for the sample size). */
  @Column({ type: 'int', nullable: true }) population: number | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

/** One survey run of a unit; `code` is the short link (/s/:code) printed at the counter. */
@Entity('survey_periods')
@Check('survey_periods_window_ck', `opens_at < closes_at`)
export class SurveyPeriodEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('survey_periods_unit_idx')
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;
  @ManyToOne(() => SurveyUnitEntity) @fk('unit_id', 'survey_periods_unit_id_fkey') unit?: SurveyUnitEntity;
  @Index('survey_periods_code_uq', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) label: string;
  @Column({ type: 'timestamptz', name: 'opens_at' }) opensAt: Date;
  @Column({ type: 'timestamptz', name: 'closes_at' }) closesAt: Date;
  /** Users served in the period; null = the unit's. */
  @Column({ type: 'int', nullable: true }) population: number | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

/** A person's decision to leave responses out of a period's IKM (e.g. a flagged burst), with the reason. */
@Entity('survey_exclusions')
export class SurveyExclusionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('survey_exclusions_period_idx')
  @Column({ type: 'uuid', name: 'period_id' })
  periodId: string;
  @ManyToOne(() => SurveyPeriodEntity) @fk('period_id', 'survey_exclusions_period_id_fkey') period?: SurveyPeriodEntity;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'int' }) responses: number;
  @Column({ type: 'uuid', name: 'decided_by' }) decidedBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'decided_at' }) decidedAt: Date;
}

/** One respondent's answers; no name. The respondent identifier and the address are kept only as hashes. */
@Entity('survey_responses')
@Index('survey_responses_period_at_idx', ['periodId', 'submittedAt'])
@Index('survey_responses_respondent_uq', ['periodId', 'respondentHash'], { unique: true, where: `respondent_hash IS NOT NULL` })
@Check(
  'survey_responses_answers_ck',
  `u1 BETWEEN 1 AND 4 AND u2 BETWEEN 1 AND 4 AND u3 BETWEEN 1 AND 4 AND u4 BETWEEN 1 AND 4 AND u5 BETWEEN 1 AND 4 AND u6 BETWEEN 1 AND 4 AND u7 BETWEEN 1 AND 4 AND u8 BETWEEN 1 AND 4 AND u9 BETWEEN 1 AND 4`,
)
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'period_id' }) periodId: string;
  @ManyToOne(() => SurveyPeriodEntity) @fk('period_id', 'survey_responses_period_id_fkey') period?: SurveyPeriodEntity;
  @Column({ type: 'smallint' }) u1: number;
  @Column({ type: 'smallint' }) u2: number;
  @Column({ type: 'smallint' }) u3: number;
  @Column({ type: 'smallint' }) u4: number;
  @Column({ type: 'smallint' }) u5: number;
  @Column({ type: 'smallint' }) u6: number;
  @Column({ type: 'smallint' }) u7: number;
  @Column({ type: 'smallint' }) u8: number;
  @Column({ type: 'smallint' }) u9: number;
  @Column({ type: 'text', nullable: true }) suggestion: string | null;
  @Column({ type: 'smallint', nullable: true }) age: number | null;
  @Column({ type: 'varchar', length: 1, nullable: true }) sex: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) education: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) occupation: string | null;
  /** `form` (the public form) or `import` (a CSV of paper or other-tool results). */
  @Column({ type: 'varchar', length: 10 }) source: 'form' | 'import';
  @Column({ type: 'varchar', length: 64, name: 'respondent_hash', nullable: true }) respondentHash: string | null;
  @Column({ type: 'varchar', length: 64, name: 'address_hash', nullable: true }) addressHash: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', default: () => 'now()' }) submittedAt: Date;
  /** Set by an exclusion decision (survey_exclusions); an excluded response counts nowhere. */
  @Column({ type: 'uuid', name: 'exclusion_id', nullable: true }) exclusionId: string | null;
  @ManyToOne(() => SurveyExclusionEntity) @fk('exclusion_id', 'survey_responses_exclusion_id_fkey') exclusion?: SurveyExclusionEntity;
}

/** An innovation's claim that it changed a unit's service, with the periods before and after its start. */
@Entity('survey_evidence')
@Unique('survey_evidence_innovation_unit_uq', ['innovationId', 'unitId'])
export class SurveyEvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('survey_evidence_innovation_idx')
  @Column({ type: 'uuid', name: 'innovation_id' })
  innovationId: string;
  @Column({ type: 'uuid', name: 'unit_id' }) unitId: string;
  @Column({ type: 'uuid', name: 'before_period_id' }) beforePeriodId: string;
  @Column({ type: 'uuid', name: 'after_period_id' }) afterPeriodId: string;
  @ManyToOne(() => SurveyUnitEntity) @fk('unit_id', 'survey_evidence_unit_id_fkey') unit?: SurveyUnitEntity;
  @ManyToOne(() => SurveyPeriodEntity) @fk('before_period_id', 'survey_evidence_before_period_id_fkey') beforePeriod?: SurveyPeriodEntity;
  @ManyToOne(() => SurveyPeriodEntity) @fk('after_period_id', 'survey_evidence_after_period_id_fkey') afterPeriod?: SurveyPeriodEntity;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

/** Fixed-window hit counters per hashed address and purpose, shared by every API instance. */
@Entity('citizen_rate_limits')
export class CitizenRateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) key: string;
  @PrimaryColumn({ type: 'timestamptz', name: 'window_start' }) windowStart: Date;
  @Column({ type: 'int' }) hits: number;
}

export const SURVEY_ENTITIES = [
  SurveyUnitEntity,
  SurveyPeriodEntity,
  SurveyResponseEntity,
  SurveyExclusionEntity,
  SurveyEvidenceEntity,
  CitizenRateLimitEntity,
];
