import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * A region's entry in a region award edition. The entry *is* an innovations row (owned by the organization of
 * the region's government, so stages, jurors, conflicts, slots, visits, objections and snapshots work as for
 * innovations); this row adds what only a region entry has: where it came from in the index, its award
 * groups, and what its coordinator prepared.
 */
@Entity('award_entries')
@Unique('award_entries_competition_region_uq', ['competitionId', 'regionId'])
export class AwardEntryEntity {
  /** The innovations row standing for the region in this competition. */
  @PrimaryColumn({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Index('award_entries_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id' })
  competitionId: string;
  @Index('award_entries_region_idx')
  @Column({ type: 'uuid', name: 'region_id' })
  regionId: string;
  @Column({ type: 'varchar', length: 40 }) category: string;
  /** Every award group whose selector takes the region, frozen at nomination. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) groups: string[];
  /** The categories and groups whose top N it made, with its rank by the index in each. */
  @Column({ type: 'jsonb', name: 'index_ranks' }) indexRanks: Record<string, number>;
  @Column({ type: 'uuid', name: 'index_snapshot_id' }) indexSnapshotId: string;
  /** The verified IID of the snapshot: the score of the given stage (DESIGN §4 rule 10). */
  @Column({ type: 'double precision' }) iid: number;
  @Column({ type: 'varchar', length: 200, name: 'presenter_name', nullable: true }) presenterName: string | null;
  @Column({ type: 'varchar', length: 200, name: 'presenter_position', nullable: true }) presenterPosition: string | null;
  @Column({ type: 'varchar', length: 1000, name: 'materials_url', nullable: true }) materialsUrl: string | null;
  /** The innovations shown, as the snapshot names them: [{id, title}] in order. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) showcase: { id: string; title: string }[];
  @Column({ type: 'uuid', name: 'prepared_by', nullable: true }) preparedBy: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;

  // The migration's foreign keys, declared so the entities match the schema. The other contexts' entities are named
  // (TypeORM resolves them from the data source), never imported: no relation is loaded through these.
  @ManyToOne('InnovationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'innovation_id', foreignKeyConstraintName: 'award_entries_innovation_fk' })
  private readonly innovationKey?: never;
  @ManyToOne('CompetitionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'award_entries_competition_fk' })
  private readonly competitionKey?: never;
  @ManyToOne('RegionEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'award_entries_region_fk' })
  private readonly regionKey?: never;
  @ManyToOne('IndexSnapshotEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'index_snapshot_id', foreignKeyConstraintName: 'award_entries_snapshot_fk' })
  private readonly indexSnapshotKey?: never;
}

export const AWARD_ENTITIES = [AwardEntryEntity];
