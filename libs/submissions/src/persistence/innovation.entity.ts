import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { InnovationPhase, InnovationStatus } from '../domain';

/** The text searched by the catalogue and the organizer's list: title and summary, no stemming. */
export const SEARCH_EXPRESSION = `to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, ''))`;

@Entity('innovations')
@Index('innovations_competition_status_idx', ['competitionId', 'status'])
@Index('innovations_competition_org_idx', ['competitionId', 'organizationId'])
// An OPD's innovations across editions (GET /api/me/innovations).
@Index('innovations_organization_idx', ['organizationId', 'createdAt'])
@Index('innovations_competition_category_idx', ['competitionId', 'category', 'currentStage'])
// The organizer's list: filter by category and status, newest first (measured in bench/RESULTS.md).
@Index('innovations_list_idx', ['competitionId', 'category', 'status', 'createdAt', 'id'])
// GIN index over SEARCH_EXPRESSION, created by hand in the migration; TypeORM must leave it alone.
@Index('innovations_search_idx', { synchronize: false })
export class InnovationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'uuid', name: 'organization_id' }) organizationId: string;
  /** Denormalised from the organization, for scoping and filters. */
  @Index('innovations_region_idx')
  @Column({ type: 'uuid', name: 'region_id' })
  regionId: string;
  @Column({ type: 'uuid', name: 'province_id', nullable: true }) provinceId: string | null;
  @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({ type: 'varchar', length: 30, default: 'draft' }) status: InnovationStatus;
  /** The stage the innovation has reached (the key of its latest stage in the plan). */
  @Column({ type: 'varchar', length: 40, name: 'current_stage', nullable: true }) currentStage: string | null;
  @Column({ type: 'varchar', length: 300, default: '' }) title: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phase: InnovationPhase | null;
  @Column({ type: 'boolean', nullable: true }) digital: boolean | null;
  @Column({ type: 'varchar', length: 200, name: 'government_affair', nullable: true }) governmentAffair: string | null;
  @Column({ type: 'date', name: 'start_date', nullable: true }) startDate: string | null;
  @Column({ type: 'text', nullable: true }) problem: string | null;
  @Column({ type: 'text', nullable: true }) approach: string | null;
  @Column({ type: 'text', nullable: true }) results: string | null;
  @Column({ type: 'text', nullable: true }) replicability: string | null;
  @Column({ type: 'text', nullable: true }) sustainability: string | null;
  /** Proposal section texts by section key (the competition's proposal form). */
  @Column({ type: 'jsonb', default: () => `'{}'` }) sections: Record<string, string>;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** Every status change of an innovation: who, when, from, to, why. */
@Entity('innovation_status_history')
export class InnovationStatusHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Index('innovation_status_history_innovation_idx')
  @Column({ type: 'uuid', name: 'innovation_id' })
  innovationId: string;
  @Column({ type: 'varchar', length: 30, name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column({ type: 'varchar', length: 30, name: 'to_status' }) toStatus: string;
  /** The stage this change belongs to, for per-stage outcomes (passed, eliminated at a stage). */
  @Column({ type: 'varchar', length: 40, nullable: true }) stage: string | null;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 20, name: 'actor_role' }) actorRole: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** A system reason as a code of the kernel's reason catalog and its parameters (null: a person's text, or an older row). */
  @Column({ type: 'varchar', length: 60, name: 'reason_code', nullable: true }) reasonCode: string | null;
  @Column({ type: 'jsonb', name: 'reason_params', nullable: true }) reasonParams: Record<string, string | number | boolean> | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('documents_innovation_idx')
  @Column({ type: 'uuid', name: 'innovation_id' })
  innovationId: string;
  /** evidence (proposal) or field_photo (field verification). */
  @Column({ type: 'varchar', length: 20, default: 'evidence' }) kind: 'evidence' | 'field_photo';
  @Column({ type: 'varchar', length: 200, name: 'file_name' }) fileName: string;
  @Column({ type: 'varchar', length: 60, name: 'media_type' }) mediaType: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 200, name: 'storage_key' }) storageKey: string;
  @Column({ type: 'uuid', name: 'uploaded_by' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
