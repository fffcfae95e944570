import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Affiliation, Role } from '@app/common';

@Entity('users')
@Check('users_role_ck', `role IN ('admin','organizer','coordinator','opd','juror')`)
@Check('users_opd_org_ck', `role <> 'opd' OR organization_id IS NOT NULL`)
@Check('users_coordinator_region_ck', `role <> 'coordinator' OR region_id IS NOT NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('users_email_uq', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 200, name: 'password_hash', select: false }) passwordHash: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Index('users_organization_idx')
  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId: string | null;
  @Index('users_region_idx')
  @Column({ type: 'uuid', name: 'region_id', nullable: true })
  regionId: string | null;
  /** Jurors' declared affiliations (organizations, regions), used for conflicts of interest. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) affiliations: Affiliation[];
  @Column({ type: 'varchar', length: 2, default: 'id' }) locale: 'id' | 'en';
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
