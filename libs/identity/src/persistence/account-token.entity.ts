import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountTokenPurpose } from '@app/common';

/** A one-time link to set a password (invitation) or reset it; only the token's SHA-256 is stored. */
@Entity('account_tokens')
@Check('account_tokens_purpose_ck', `purpose IN ('invitation','password_reset')`)
@Index('account_tokens_user_idx', ['userId', 'purpose'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId: string;
  @Column({ type: 'varchar', length: 20 }) purpose: AccountTokenPurpose;
  @Index('account_tokens_hash_uq', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
