import { Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { claimScheduledRun } from '@app/database';
import { retentionCutoff } from './domain/operation';
import { OperationsService } from './operations.service';

export const OPERATIONS_SWEEP_EVERY_MS = 3600_000;
/** The scheduled task of the sweep: one instance sweeps per hour, however many run. */
export const OPERATIONS_SWEEP_TASK = 'operations-sweep';

/**
 * Deletes finished operations older than OPERATIONS_RETENTION_DAYS (running ones never), on start and every
 * hour, on one instance per period (scheduled_tasks lease). Loaded with the API's background loops only: the CLI
 * and the worker never sweep.
 */
@Injectable()
export class OperationsSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OperationsSweeper');
  private readonly retentionDays: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly operations: OperationsService,
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<AppEnv, true>,
  ) {
    this.retentionDays = config.get('operationsRetentionDays', { infer: true });
  }

  async onModuleInit(): Promise<void> {
    await this.scheduled();
    this.timer = setInterval(() => void this.scheduled(), OPERATIONS_SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** What the timer runs: a sweep when this instance claims the period; null when another one has it (or it failed). */
  async scheduled(now = new Date()): Promise<number | null> {
    try {
      if (!(await claimScheduledRun(this.db, OPERATIONS_SWEEP_TASK, OPERATIONS_SWEEP_EVERY_MS))) return null;
    } catch (err) {
      this.logger.warn(`operations sweep not claimed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
    return this.sweep(now);
  }

  /** One sweep now, whatever the schedule (tests and operators): the number of rows deleted; a failure is logged. */
  async sweep(now = new Date()): Promise<number | null> {
    try {
      const deleted = await this.operations.sweepFinished(retentionCutoff(now, this.retentionDays));
      if (deleted) this.logger.log(`operations sweep: ${deleted} finished operation(s) older than ${this.retentionDays} days deleted`);
      return deleted;
    } catch (err) {
      this.logger.warn(`operations sweep failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}

/** The sweep of finished operations, for the API's BACKGROUND_MODULES (OperationsModule, global, gives the service). */
@Module({ providers: [OperationsSweeper], exports: [OperationsSweeper] })
export class OperationsSweepModule {}
