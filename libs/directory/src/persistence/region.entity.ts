import { Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RegionKind } from '../domain/region-kind';

@Entity('regions')
@Index('regions_name_kind_uq', ['name', 'kind'], { unique: true })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** BPS/Kemendagri code, e.g. "32.75" for Kota Bekasi. */
  @Column({ type: 'varchar', length: 20, unique: true, nullable: true }) code: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: RegionKind;
  @Index('regions_parent_idx')
  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;
  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: RegionEntity | null;
  /** Tags for award and index groups across kinds (see domain/region-tag). */
  // A GIN index (the migration's): TypeORM cannot declare one, so it leaves it alone.
  @Index('regions_tags_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
