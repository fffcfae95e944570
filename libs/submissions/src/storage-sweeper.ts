import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { claimScheduledRun } from '@app/database';
import { DocumentsService } from './documents.service';
import { FileStorage } from './storage/file-storage';

/** Staged uploads and interrupted deletions older than this are settled (no upload or delete lasts an hour). */
export const STORAGE_STALE_AFTER_MS = 3600_000;
export const SWEEP_EVERY_MS = 15 * 60_000;

/**
 * Sweeps evidence storage on start and every 15 minutes (see DocumentsService.sweepStorage). Each instance
 * sweeps its own staged uploads (they are on its disk); the trash of a store is settled by one instance per
 * period (scheduled task `storage-sweep:<store>`), however many share the store.
 */
@Injectable()
export class StorageSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('StorageSweeper');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly documents: DocumentsService,
    private readonly storage: FileStorage,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The scheduled task of this store's trash settlement. */
  get task(): string {
    return `storage-sweep:${this.storage.scope}`;
  }

  async onModuleInit(): Promise<void> {
    await this.scheduled();
    this.timer = setInterval(() => void this.scheduled(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** What the timer runs: this instance's staged uploads always, the shared trash only when this instance claims the period. */
  async scheduled(now = new Date()): Promise<void> {
    const before = new Date(now.getTime() - STORAGE_STALE_AFTER_MS);
    await this.guard(async () => {
      const staged = await this.documents.sweepStaged(before);
      const settled = (await claimScheduledRun(this.db, this.task, SWEEP_EVERY_MS))
        ? await this.documents.settleTrash(before)
        : { restored: 0, purged: 0 };
      return { staged, ...settled };
    });
  }

  /** One full sweep now, whatever the schedule (tests and operators); a failure is logged and left for the next one. */
  sweep(now = new Date()): Promise<{ staged: number; restored: number; purged: number } | null> {
    return this.guard(() => this.documents.sweepStorage(new Date(now.getTime() - STORAGE_STALE_AFTER_MS)));
  }

  private async guard(run: () => Promise<{ staged: number; restored: number; purged: number }>) {
    try {
      const swept = await run();
      if (swept.staged + swept.restored + swept.purged)
        this.logger.log(
          `storage sweep: ${swept.staged} staged upload(s) deleted, ${swept.restored} file(s) restored, ${swept.purged} purged`,
        );
      return swept;
    } catch (err) {
      this.logger.warn(`storage sweep failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
