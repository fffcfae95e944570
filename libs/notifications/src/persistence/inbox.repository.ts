import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, type QueryDeepPartialEntity } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** The in-app inbox; every read is scoped to its user. */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(NotificationEntity);
  }

  /** Idempotent per outbox row. */
  async insert(
    tx: EntityManager,
    row: Pick<NotificationEntity, 'userId' | 'type' | 'title' | 'body' | 'link' | 'payload' | 'outboxId'>,
  ): Promise<void> {
    await this.repo(tx)
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(row as QueryDeepPartialEntity<NotificationEntity>)
      .orIgnore()
      .execute();
  }

  list(userId: string, unreadOnly: boolean, page: number, pageSize: number): Promise<[NotificationEntity[], number]> {
    return this.repo().findAndCount({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  countUnread(userId: string): Promise<number> {
    return this.repo().countBy({ userId, readAt: IsNull() });
  }

  /** Marks the user's own notification read (kept as first read); null when it is not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<NotificationEntity | null> {
    await this.repo()
      .createQueryBuilder()
      .update()
      .set({ readAt: now })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
    return this.repo().findOneBy({ id, userId });
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ readAt: now })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}
