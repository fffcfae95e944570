import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound, toPage, type Actor, type Page } from '@app/common';
import { AuditService } from '@app/audit';
import { JobQueue, QueueName } from '@app/jobs';
import { assertOutboxTransition, NotificationErrorCode } from './domain';
import { OUTBOX_DISPATCH, type OutboxDispatch } from './delivery/outbox-dispatch';
import { toOutboxMessageView, type OutboxMessageView, type QueueStatsView } from './dto/notifications.dto';
import { OutboxRepository, type OutboxFilter } from './persistence/outbox.repository';

/** Dead letters and queue state for organizers and admins. */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    @Inject(OUTBOX_DISPATCH) private readonly dispatch: OutboxDispatch,
  ) {}

  /** Admins see every row; an organizer only the rows of the competitions they run. */
  async list(actor: Actor, filter: OutboxFilter, page = 1, pageSize = 20): Promise<Page<OutboxMessageView>> {
    const [rows, total] = await this.outbox.list({ ...filter, organizerId: actor.role === 'admin' ? undefined : actor.id }, page, pageSize);
    return toPage(rows.map(toOutboxMessageView), total, page, pageSize);
  }

  /** dead → pending with attempts reset; audited. Delivery picks it up on the next tick. */
  async replay(actor: Actor, id: string, now = new Date()): Promise<OutboxMessageView> {
    return this.db.transaction(async (tx) => {
      const row = await this.outbox.lock(tx, id);
      if (row && actor.role !== 'admin' && !(await this.outbox.organizerMayTouch(id, actor.id, tx)))
        throw new NotFound(NotificationErrorCode.OutboxNotFound, `outbox message ${id} not found`);
      if (!row) throw new NotFound(NotificationErrorCode.OutboxNotFound, `outbox message ${id} not found`);
      assertOutboxTransition(row.status, 'pending', 'operator');
      await this.outbox.replay(tx, id, now);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'outbox.replay',
        entityType: 'outbox_message',
        entityId: id,
        competitionId: row.competitionId,
        before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
        after: { status: 'pending', attempts: 0 },
      });
      return toOutboxMessageView((await this.outbox.lock(tx, id))!);
    });
  }

  async queues(): Promise<QueueStatsView> {
    const outbox = await this.outbox.countsByStatus();
    if (this.dispatch.mode === 'in-process') return { mode: 'in-process', queues: null, outbox };
    try {
      return { mode: 'queue', queues: { [QueueName.Notifications]: await this.jobs.counts(QueueName.Notifications) }, outbox };
    } catch (err) {
      return { mode: 'queue', queues: null, queueError: (err as Error).message, outbox };
    }
  }
}
