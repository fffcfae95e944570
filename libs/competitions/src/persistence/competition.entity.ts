import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CompetitionPlan, CompetitionStatus, StageStatus } from '../domain';

@Entity('competitions')
export class CompetitionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('competitions_slug_uq', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'varchar', length: 20, default: 'draft' }) status: CompetitionStatus;
  /** Categories, stage plan with rubrics, bands, tie-break, proposal form, eligibility (plain JSON). */
  @Column({ type: 'jsonb' }) plan: CompetitionPlan;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** Organizers run the competitions they are members of; admins run all. */
@Entity('competition_organizers')
export class CompetitionOrganizerEntity {
  @PrimaryColumn({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Index('competition_organizers_user_idx')
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;
}

/** The run-time status of each stage of a competition's plan. */
@Entity('competition_stages')
export class CompetitionStageEntity {
  @PrimaryColumn({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) key: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 20, default: 'scheduled' }) status: StageStatus;
  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true }) openedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
}
