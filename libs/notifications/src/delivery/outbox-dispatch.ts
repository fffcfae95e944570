import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { JobName, JobQueue, type QueuedJob } from '@app/jobs';
import { jobIdFor } from '../domain';
import { OutboxRepository } from '../persistence/outbox.repository';
import { DeliveryService, OutboxRowBusy } from './delivery.service';

/** Rows one tick takes; a full batch makes the pump tick again at once. */
export const DISPATCH_BATCH = 500;
/** Queue mode: a row handed to BullMQ is not handed again until its due time plus this (then checked). */
export const RELAY_LEASE_MS = 2 * 60_000;

/** How due outbox rows move on: the port, with a BullMQ and an in-process implementation. */
export interface OutboxDispatch {
  readonly mode: 'queue' | 'in-process';
  /** Moves a batch on; returns how many rows it took. An aborted `signal` ends the batch early (shutdown). */
  tick(now: Date, signal?: AbortSignal): Promise<number>;
}
export const OUTBOX_DISPATCH = Symbol('OUTBOX_DISPATCH');

/** Without REDIS_URL: the API delivers due rows itself, a few at a time. */
@Injectable()
export class InProcessDispatch implements OutboxDispatch {
  readonly mode = 'in-process';
  private readonly logger = new Logger(InProcessDispatch.name);
  private readonly concurrency: number;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly delivery: DeliveryService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.concurrency = config.get('notify', { infer: true }).concurrency;
  }

  async tick(now: Date, signal?: AbortSignal): Promise<number> {
    const ids = await this.outbox.dueIds(now, DISPATCH_BATCH);
    let next = 0;
    const lane = async () => {
      while (next < ids.length && !signal?.aborted) {
        const id = ids[next++];
        await this.delivery.deliver(id, now).catch((err: unknown) => {
          if (!(err instanceof OutboxRowBusy)) this.logger.warn(`delivering outbox ${id}: ${(err as Error).message}`);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, ids.length) }, lane));
    return ids.length;
  }
}

/**
 * With REDIS_URL: the relay. It locks a batch of rows (SKIP LOCKED), adds one job per row (delayed until the
 * row is due) and records the hand-over in the same transaction, so a Redis failure leaves the rows as
 * they were. Job ids are the dedupe key plus the attempt: adding twice is a no-op.
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
      const job = (r: (typeof rows)[number]): QueuedJob => ({
        name: JobName.DeliverNotification,
        data: { outboxId: r.id },
        jobId: jobIdFor(r.dedupeKey, r.attempts),
        delayMs: Math.max(0, r.availableAt.getTime() - now.getTime()),
      });
      await this.jobs.enqueue(rows.filter((r) => r.claimedUntil === null).map(job));
      await this.jobs.ensure(rows.filter((r) => r.claimedUntil !== null).map(job));
      await this.outbox.claim(
        tx,
        rows.map((r) => r.id),
        now,
        RELAY_LEASE_MS,
      );
      return rows.length;
    });
  }
}
