import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ChangeBus } from '@app/database';
import { RefreshTokenEntity } from './refresh-token.entity';

/**
 * How long a session seen live is taken as live without asking the database again. Every authenticated
 * request checks its session; this saves that query on all but one request per session per window.
 * Revocations through this repository (logout, refresh-token reuse) evict at once here and are announced
 * (ChangeBus, topic `sessions`) to every other API instance, which drops the entry when the revocation commits.
 */
export const SESSION_CHECK_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 50_000;

@Injectable()
export class RefreshTokensRepository {
  private readonly liveUntil = new Map<string, { userId: string; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ChangeBus,
  ) {
    changes.on('sessions', (key) => {
      if (key === null) this.liveUntil.clear();
      else if (key.startsWith('user:')) this.forgetUser(key.slice('user:'.length));
      else this.liveUntil.delete(key);
    });
  }

  private forgetUser(userId: string): void {
    for (const [sid, entry] of this.liveUntil) if (entry.userId === userId) this.liveUntil.delete(sid);
  }

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(RefreshTokenEntity);
  }

  insert(tx: EntityManager, row: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<RefreshTokenEntity> {
    return this.repo(tx).save(this.repo(tx).create(row));
  }

  /** Locks the token row so two concurrent refreshes with one token cannot both win. */
  findByHashForUpdate(tx: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo(tx).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(tx: EntityManager, id: string, at: Date): Promise<void> {
    await this.repo(tx).update({ id }, { usedAt: at });
  }

  async revokeFamily(familyId: string, at: Date, tx?: EntityManager): Promise<void> {
    await this.repo(tx).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
    await this.changes.announce('sessions', familyId, tx);
  }

  async revokeAllOfUser(userId: string, at: Date, tx?: EntityManager): Promise<void> {
    await this.repo(tx).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    await this.changes.announce('sessions', `user:${userId}`, tx);
  }

  /** A session (family) is live while it has a token that is neither revoked nor expired. */
  async isSessionLive(familyId: string, userId: string, now: Date): Promise<boolean> {
    const cached = this.liveUntil.get(familyId);
    if (cached && cached.userId === userId && cached.until > now.getTime()) return true;
    const row = await this.repo()
      .createQueryBuilder('t')
      .select('1')
      .where('t.family_id = :familyId AND t.revoked_at IS NULL AND t.expires_at > :now', { familyId, now })
      .limit(1)
      .getRawOne();
    if (!row) {
      this.liveUntil.delete(familyId);
      return false;
    }
    if (this.liveUntil.size >= SESSION_CACHE_MAX) this.prune(now.getTime());
    this.liveUntil.set(familyId, { userId, until: now.getTime() + SESSION_CHECK_CACHE_MS });
    return true;
  }

  private prune(now: number): void {
    for (const [sid, entry] of this.liveUntil) if (entry.until <= now) this.liveUntil.delete(sid);
    if (this.liveUntil.size >= SESSION_CACHE_MAX) this.liveUntil.clear();
  }
}
