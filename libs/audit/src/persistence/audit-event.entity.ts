import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_events')
@Index('audit_events_entity_idx', ['entityType', 'entityId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 80 }) action: string;
  @Column({ type: 'varchar', length: 60, name: 'entity_type' }) entityType: string;
  @Column({ type: 'varchar', length: 100, name: 'entity_id' }) entityId: string;
  @Index('audit_events_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id', nullable: true })
  competitionId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
