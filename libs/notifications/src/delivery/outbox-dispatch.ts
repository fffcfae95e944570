import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, JobQueue, QueueName, type QueuedJob } from '@app/jobs';
import { deliveryBatches, jobIdFor } from '../domain';
import type { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { OutboxRepository } from '../persistence/outbox.repository';
import { DeliveryService } from './delivery.service';

/** Rows one tick takes; a full batch makes the pump tick again at once. */
export const DISPATCH_BATCH = 500;
/** Queue mode: rows per job (one claim statement, their outcomes recorded together as they come). */
export const JOB_BATCH = 100;
/** Queue mode: a row handed to BullMQ is not handed again until its due time plus this (then checked). */
export const RELAY_LEASE_MS = 2 * 60_000;

/** How due outbox rows move on: the port, with a BullMQ and an in-process implementation. */
export interface OutboxDispatch {
  readonly mode: 'queue' | 'in-process';
  /** Moves a batch on; returns how many rows it took. An aborted `signal` ends the batch early (shutdown). */
  tick(now: Date, signal?: AbortSignal): Promise<number>;
}
export const OUTBOX_DISPATCH = Symbol('OUTBOX_DISPATCH');

/** Without REDIS_URL: the API delivers due rows itself, a batch at a time (DeliveryService.deliverDue). */
@Injectable()
export class InProcessDispatch implements OutboxDispatch {
  readonly mode = 'in-process';

  constructor(private readonly delivery: DeliveryService) {}

  tick(now: Date, signal?: AbortSignal): Promise<number> {
    return this.delivery.deliverDue(now, DISPATCH_BATCH, signal);
  }
}

/**
 * With REDIS_URL: the relay. It locks a batch of rows (SKIP LOCKED), adds one job per JOB_BATCH of them (delayed
 * until they are due) and records the hand-over (the lease and the job of each row) in the same transaction, so
 * a Redis failure leaves the rows as they were. A job's id derives from its rows and their attempts: adding it
 * twice is a no-op. Rows whose lease ran out are handed over again only when their job is gone.
 */
@Injectable()
export class QueueRelay implements OutboxDispatch {
  readonly mode = 'queue';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobQueue,
  ) {}

  tick(now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await this.outbox.claimable(tx, now, DISPATCH_BATCH);
      if (rows.length === 0) return 0;
      // A row handed over before carries its job's id (rows from before batches: their own job's).
      const jobOf = (r: OutboxMessageEntity) => r.jobId ?? jobIdFor(r.dedupeKey, r.attempts);
      const handedBefore = rows.filter((r) => r.claimedUntil !== null);
      const lost = await this.jobs.lost(QueueName.Notifications, [...new Set(handedBefore.map(jobOf))]);
      const queued = handedBefore.filter((r) => !lost.has(jobOf(r)));
      const batches = deliveryBatches(
        rows.filter((r) => r.claimedUntil === null || lost.has(jobOf(r))),
        now,
        JOB_BATCH,
      );
      await this.jobs.enqueue(
        batches.map((b): QueuedJob => ({
          name: JobName.DeliverNotifications,
          data: { outboxIds: b.rows.map((r) => r.id) },
          jobId: b.jobId,
          delayMs: b.delayMs,
        })),
      );
      await this.outbox.claim(
        tx,
        [
          ...queued.map((r) => ({ id: r.id, jobId: jobOf(r) })),
          ...batches.flatMap((b) => b.rows.map((r) => ({ id: r.id, jobId: b.jobId }))),
        ],
        now,
        RELAY_LEASE_MS,
      );
      return rows.length;
    });
  }
}
