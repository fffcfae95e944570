import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { claimScheduledRun } from '@app/database';
import { DigestService } from './digest.service';
import { DISPATCH_BATCH, OUTBOX_DISPATCH, type OutboxDispatch } from './outbox-dispatch';

export const DIGEST_EVERY_MS = 60_000;
/** The scheduled task of digest composition: one instance composes per minute, however many run. */
export const DIGEST_TASK = 'notification-digest';

/**
 * The API's background loop: every NOTIFY_POLL_MS it moves due outbox rows on (to BullMQ, or delivers them
 * in process) and once a minute composes the daily digests that are due — on one instance per minute
 * (scheduled_tasks lease); moving rows on is shared out by row locks (SKIP LOCKED), so every row moves once.
 * Stops before the database closes.
 */
@Injectable()
export class OutboxPump implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxPump.name);
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private lastDigestAt = 0;
  private failing = false;

  constructor(
    @Inject(OUTBOX_DISPATCH) private readonly dispatch: OutboxDispatch,
    private readonly digests: DigestService,
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<AppEnv, true>,
  ) {
    this.pollMs = config.get('notify', { infer: true }).pollMs;
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass now (also what the timer runs); resolves with the rows it moved. */
  async runOnce(now: Date = new Date()): Promise<number> {
    if (now.getTime() - this.lastDigestAt >= DIGEST_EVERY_MS) {
      this.lastDigestAt = now.getTime();
      if (await claimScheduledRun(this.db, DIGEST_TASK, DIGEST_EVERY_MS)) await this.digests.compose(now);
    }
    return this.dispatch.tick(now, this.stopping.signal);
  }

  private schedule(ms: number): void {
    if (!this.stopping.signal.aborted) this.timer = setTimeout(() => void this.loop(), ms);
  }

  private async loop(): Promise<void> {
    let delay = this.pollMs;
    this.running = this.runOnce().then(
      (moved) => {
        if (this.failing) this.logger.log(`notifications: ${this.dispatch.mode} dispatch works again`);
        this.failing = false;
        if (moved >= DISPATCH_BATCH) delay = 0;
      },
      (err: unknown) => {
        // Logged once per outage: the rows stay pending and the next ticks retry.
        if (!this.failing)
          this.logger.warn(`notifications: ${this.dispatch.mode} dispatch failed, rows stay pending: ${(err as Error).message}`);
        this.failing = true;
      },
    );
    await this.running;
    this.running = null;
    this.schedule(delay);
  }
}
