import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, Locale, OutboxStatus, OutboxType } from '../domain';

@Entity('outbox_messages')
@Check('outbox_messages_channel_ck', `channel IN ('email','inbox')`)
@Check('outbox_messages_status_ck', `status IN ('pending','sent','failed','dead')`)
@Index('outbox_messages_due_idx', ['availableAt'], { where: `status IN ('pending','failed')` })
@Index('outbox_messages_status_type_idx', ['status', 'type'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) type: OutboxType;
  @Index('outbox_messages_recipient_idx')
  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId: string;
  @Column({ type: 'varchar', length: 10 }) channel: Channel;
  /** The e-mail address when the event happened (email channel only). */
  @Column({ type: 'varchar', length: 320, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 2, default: 'id' }) locale: Locale;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  /** `<event key>@<recipient>/<channel>`: the same event never writes a second row. */
  @Index('outbox_messages_dedupe_key_uq', { unique: true })
  @Column({ type: 'varchar', length: 400, name: 'dedupe_key' })
  dedupeKey: string;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: OutboxStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'int', name: 'max_attempts' }) maxAttempts: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError: string | null;
  /** Not delivered before this (reminders, backoff, the daily digest). */
  @Column({ type: 'timestamptz', name: 'available_at', default: () => 'now()' }) availableAt: Date;
  /** Queue mode: the relay handed the row to BullMQ; until then it does not hand it again. */
  @Column({ type: 'timestamptz', name: 'claimed_until', nullable: true }) claimedUntil: Date | null;
  /** Queue mode: the job that carries the row (a batch of rows), as handed over by the relay. */
  @Column({ type: 'varchar', length: 200, name: 'job_id', nullable: true }) jobId: string | null;
  /** A delivery holds the row until then (renewed while it sends; cleared with the outcome): others skip it. */
  @Column({ type: 'timestamptz', name: 'delivering_until', nullable: true }) deliveringUntil: Date | null;
  /** An e-mail held for the recipient's daily digest. */
  @Column({ type: 'boolean', default: false }) held: boolean;
  /** A registered guard asked at delivery whether the event still matters. */
  @Column({ type: 'varchar', length: 100, nullable: true }) guard: string | null;
  /** Why a row counts as sent without its own mail: a stale guard, or combined into a digest. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Index('outbox_messages_competition_idx')
  @Column({ type: 'uuid', name: 'competition_id', nullable: true })
  competitionId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt: Date | null;
}
