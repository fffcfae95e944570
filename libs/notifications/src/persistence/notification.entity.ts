import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxType } from '../domain';

/** The in-app inbox: one row per delivered inbox message. */
@Entity('notifications')
@Index('notifications_user_created_idx', ['userId', 'createdAt'])
@Index('notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'varchar', length: 40 }) type: OutboxType;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) link: string | null;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  /** The outbox row it came from: a repeated delivery inserts nothing. */
  @Index('notifications_outbox_uq', { unique: true })
  @Column({ type: 'uuid', name: 'outbox_id', nullable: true })
  outboxId: string | null;
  @Column({ type: 'timestamptz', name: 'read_at', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
