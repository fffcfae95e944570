import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import {
  afterFailure,
  DIGEST_TYPE,
  isDeliverable,
  isDue,
  renderDigest,
  renderMessage,
  type BackoffPolicy,
  type DigestItem,
  type RenderedMessage,
} from '../domain';
import { InboxRepository } from '../persistence/inbox.repository';
import type { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { OutboxRepository } from '../persistence/outbox.repository';
import { MailSender } from './mail-sender';
import { NotificationGuards } from './notification-guards';
import { withAccountToken } from './account-mail.writer';

/** Another delivery holds the row right now; try again later (a queued job is retried by BullMQ). */
export class OutboxRowBusy extends Error {
  constructor(readonly outboxId: string) {
    super(`outbox row ${outboxId} is being delivered by someone else`);
    this.name = 'OutboxRowBusy';
  }
}

/** sent / skipped (stale guard) / failed (will retry) / dead; the rest leave the row as it was. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'dead' | 'not-due' | 'done' | 'held' | 'missing';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The one delivery handler, for the BullMQ worker and the in-process poller alike. Idempotent: a row that
 * is sent, dead, held for a digest or not due yet is left alone, so a repeated job is a no-op.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly backoff: BackoffPolicy;
  private readonly publicUrl: string;
  private readonly linkSecret: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly inbox: InboxRepository,
    private readonly mail: MailSender,
    private readonly guards: NotificationGuards,
    config: ConfigService<AppEnv, true>,
  ) {
    const notify = config.get('notify', { infer: true });
    this.backoff = { baseMs: notify.backoffMs, maxMs: notify.backoffMaxMs };
    this.publicUrl = config.get('publicUrl', { infer: true });
    this.linkSecret = config.get('jwt', { infer: true }).refreshSecret;
  }

  async deliver(outboxId: string, now: Date = new Date()): Promise<DeliveryOutcome> {
    return this.db.transaction(async (tx) => {
      const row = await this.outbox.lockForDelivery(tx, outboxId);
      if (row === 'busy') throw new OutboxRowBusy(outboxId);
      if (!row) return 'missing';
      if (!isDeliverable(row.status)) return 'done';
      if (row.held) return 'held';
      if (!isDue(row.availableAt, now)) {
        await this.outbox.release(tx, row.id);
        return 'not-due';
      }
      try {
        if (row.guard && !(await this.guards.isRelevant(row.guard, row.payload, row))) {
          await this.outbox.markSent(tx, [row.id], now, `skipped: guard ${row.guard} found it stale`);
          return 'skipped';
        }
        await this.send(tx, row);
      } catch (err) {
        const outcome = afterFailure(row, now, this.backoff);
        await this.outbox.markFailed(tx, row.id, outcome, errorText(err));
        if (outcome.status === 'dead')
          this.logger.warn(`outbox ${row.id} (${row.type} ${row.channel}) is dead after ${outcome.attempts} attempts: ${errorText(err)}`);
        return outcome.status;
      }
      await this.outbox.markSent(tx, [row.id], now);
      return 'sent';
    });
  }

  private async send(tx: EntityManager, row: OutboxMessageEntity): Promise<void> {
    const message = this.render(row);
    if (row.channel === 'inbox') {
      await this.inbox.insert(tx, {
        userId: row.recipientId,
        type: row.type,
        title: message.subject,
        body: message.body,
        link: message.link,
        payload: row.payload,
        outboxId: row.id,
      });
    } else {
      if (!row.address) throw new Error('the recipient has no e-mail address');
      await this.mail.send({ id: row.id, to: row.address, subject: message.subject, text: message.text, html: message.html });
    }
  }

  private render(row: OutboxMessageEntity): RenderedMessage {
    if (row.type === DIGEST_TYPE) return renderDigest((row.payload as { items: DigestItem[] }).items, row.locale, this.publicUrl);
    return renderMessage(row.type, withAccountToken(row.type, row.payload, this.linkSecret), row.locale, this.publicUrl);
  }
}
