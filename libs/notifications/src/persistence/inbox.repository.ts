import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** An inbox item as delivery writes it. */
export type InboxItem = Pick<NotificationEntity, 'userId' | 'type' | 'title' | 'body' | 'link' | 'payload' | 'outboxId'>;

/** The in-app inbox; every read is scoped to its user. */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(NotificationEntity);
  }

  /** One statement for many items; idempotent per outbox row (a repeated delivery inserts nothing). */
  async insert(tx: EntityManager, rows: readonly InboxItem[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO notifications (user_id, type, title, body, link, payload, outbox_id)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::jsonb[], $7::uuid[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.type),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => r.link),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => r.outboxId),
      ],
    );
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
