import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from './region.entity';
import type { OrganizationKind } from '../domain/region-kind';

@Entity('organizations')
@Index('organizations_region_name_uq', ['regionId', 'name'], { unique: true })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40, unique: true, nullable: true }) code: string | null;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'varchar', length: 20, default: 'opd' }) kind: OrganizationKind;
  @Index('organizations_region_idx')
  @Column({ type: 'uuid', name: 'region_id' })
  regionId: string;
  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
