import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DigestMode } from '../domain';

/** A user's notification settings; no row means the defaults (e-mail immediately). */
@Entity('notification_preferences')
@Check('notification_preferences_digest_ck', `digest IN ('immediate','daily')`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'varchar', length: 10, default: 'immediate' }) digest: DigestMode;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
