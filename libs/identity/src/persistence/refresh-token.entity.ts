import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rotating refresh token, stored as an HMAC. All tokens of one login share a family (= session). */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('refresh_tokens_user_idx')
  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;
  @Index('refresh_tokens_family_idx')
  @Column({ type: 'uuid', name: 'family_id' })
  familyId: string;
  @Index('refresh_tokens_hash_uq', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  /** Set when the token was exchanged for a new one; presenting it again is reuse. */
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
