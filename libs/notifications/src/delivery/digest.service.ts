import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { jakartaDate } from '@app/common';
import type { AppEnv } from '@app/config';
import { DIGEST_TYPE, digestEventKey, rowKey, type DigestItem, type NotificationType } from '../domain';
import type { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { OutboxRepository } from '../persistence/outbox.repository';
import { NotificationGuards } from './notification-guards';

const BATCH = 5000;

/** Daily digest: combines each user's held e-mails that are due into one outbox row of type `digest`. */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);
  private readonly maxAttempts: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly guards: NotificationGuards,
    config: ConfigService<AppEnv, true>,
  ) {
    this.maxAttempts = config.get('notify', { infer: true }).maxAttempts;
  }

  /** Returns how many digests it wrote. `now` decides which held rows are due (tests pass a later one). */
  async compose(now: Date = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const held = await this.outbox.heldDue(tx, now, BATCH);
      const byUser = new Map<string, OutboxMessageEntity[]>();
      for (const row of held) byUser.set(row.recipientId, [...(byUser.get(row.recipientId) ?? []), row]);
      let written = 0;
      for (const rows of byUser.values()) written += (await this.combine(tx, rows, now)) ? 1 : 0;
      return written;
    });
  }

  private async combine(tx: EntityManager, rows: OutboxMessageEntity[], now: Date): Promise<boolean> {
    const stale: string[] = [];
    const items: OutboxMessageEntity[] = [];
    for (const row of rows) {
      if (await this.relevant(row)) items.push(row);
      else stale.push(row.id);
    }
    await this.outbox.markSent(tx, stale, now, 'skipped: stale before the digest');
    if (items.length === 0) return false;
    const last = items[items.length - 1];
    const [digestId] = await this.outbox.insert(tx, [
      {
        type: DIGEST_TYPE,
        recipientId: last.recipientId,
        channel: 'email',
        address: last.address,
        locale: last.locale,
        payload: { items: items.map((r): DigestItem => ({ type: r.type as NotificationType, payload: r.payload })) },
        dedupeKey: rowKey(digestEventKey(jakartaDate(now), items[0].id), last.recipientId, 'email'),
        competitionId: null,
        // Due at once on the real clock, also when a test composes with a later `now`.
        availableAt: new Date(Math.min(now.getTime(), Date.now())),
        guard: null,
        held: false,
        maxAttempts: this.maxAttempts,
      },
    ]);
    if (!digestId) return false;
    await this.outbox.markSent(
      tx,
      items.map((r) => r.id),
      now,
      `combined into digest ${digestId}`,
    );
    return true;
  }

  /** A guard that fails here counts as "still relevant": better one line too many than a lost notice. */
  private async relevant(row: OutboxMessageEntity): Promise<boolean> {
    if (!row.guard) return true;
    try {
      return await this.guards.isRelevant(row.guard, row.payload, row);
    } catch (err) {
      this.logger.warn(`digest: guard ${row.guard} failed for outbox ${row.id}: ${(err as Error).message}`);
      return true;
    }
  }
}
