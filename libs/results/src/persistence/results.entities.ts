import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A published ranking: the exact scoring input and output for the whole competition (all categories: z-scores
 * span them) and the hash of {input, output}. Never updated (a trigger refuses it); a correction is version n+1.
 */
@Entity('ranking_snapshots')
@Unique('ranking_snapshots_competition_version_uq', ['competitionId', 'version'])
export class RankingSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ranking_snapshots_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id' })
  competitionId: string;
  @Column({ type: 'int' }) version: number;
  /** `json`, not `jsonb`: stored as text, never queried inside (migration 1795760000000). */
  @Column({ type: 'json' }) input: object;
  @Column({ type: 'jsonb' }) output: object;
  @Column({ type: 'varchar', length: 80 }) hash: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** Titles, organizations and regions of the ranked innovations at publication (the public read model). */
  @Column({ type: 'jsonb' }) labels: object;
  @Column({ type: 'uuid', name: 'published_by' }) publishedBy: string;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
}

/** A provisional announcement: OPDs may object until `closesAt`. */
@Entity('ranking_announcements')
export class RankingAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ranking_announcements_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id' })
  competitionId: string;
  @Column({ type: 'jsonb' }) output: object;
  @Column({ type: 'timestamptz', name: 'opens_at' }) opensAt: Date;
  @Column({ type: 'timestamptz', name: 'closes_at' }) closesAt: Date;
  @Column({ type: 'uuid', name: 'announced_by' }) announcedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('objections')
@Unique('objections_announcement_innovation_uq', ['announcementId', 'innovationId'])
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'announcement_id' }) announcementId: string;
  @Index('objections_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id' })
  competitionId: string;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'uuid', name: 'filed_by' }) filedBy: string;
  @Column({ type: 'text' }) reason: string;
  @CreateDateColumn({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) decision: 'upheld' | 'rejected' | null;
  @Column({ type: 'uuid', name: 'answered_by', nullable: true }) answeredBy: string | null;
  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true }) answeredAt: Date | null;
}

export const RESULTS_ENTITIES = [RankingSnapshotEntity, RankingAnnouncementEntity, ObjectionEntity];
