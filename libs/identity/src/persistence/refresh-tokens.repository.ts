import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
  }

  async revokeAllOfUser(userId: string, at: Date, tx?: EntityManager): Promise<void> {
    await this.repo(tx).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** A session (family) is live while it has a token that is neither revoked nor expired. */
  async isSessionLive(familyId: string, now: Date): Promise<boolean> {
    const row = await this.repo()
      .createQueryBuilder('t')
      .select('1')
      .where('t.family_id = :familyId AND t.revoked_at IS NULL AND t.expires_at > :now', { familyId, now })
      .limit(1)
      .getRawOne();
    return !!row;
  }
}
