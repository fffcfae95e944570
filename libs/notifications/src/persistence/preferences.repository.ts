import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DigestMode } from '../domain';
import { NotificationPreferenceEntity } from './notification-preference.entity';

export const DEFAULT_DIGEST: DigestMode = 'immediate';

@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(NotificationPreferenceEntity);
  }

  /** Each user's digest mode (the default for users without a row). */
  async digestOf(userIds: string[], tx?: EntityManager): Promise<Map<string, DigestMode>> {
    const rows = userIds.length ? await this.repo(tx).findBy({ userId: In(userIds) }) : [];
    const byUser = new Map(rows.map((r) => [r.userId, r.digest]));
    return new Map(userIds.map((id) => [id, byUser.get(id) ?? DEFAULT_DIGEST]));
  }

  async save(userId: string, digest: DigestMode): Promise<void> {
    await this.repo().upsert({ userId, digest }, ['userId']);
  }
}
