import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DocumentsService } from './documents.service';

/** Staged uploads and interrupted deletions older than this are settled (no upload or delete lasts an hour). */
export const STORAGE_STALE_AFTER_MS = 3600_000;
const SWEEP_EVERY_MS = 15 * 60_000;

/** Sweeps evidence storage on start and every 15 minutes (see DocumentsService.sweepStorage). */
@Injectable()
export class StorageSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('StorageSweeper');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly documents: DocumentsService) {}

  async onModuleInit(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sweep; a failure is logged and left for the next one. */
  async sweep(now = new Date()): Promise<{ staged: number; restored: number; purged: number } | null> {
    try {
      const swept = await this.documents.sweepStorage(new Date(now.getTime() - STORAGE_STALE_AFTER_MS));
      if (swept.staged + swept.restored + swept.purged) this.logger.log(`storage sweep: ${swept.staged} staged upload(s) deleted, ${swept.restored} file(s) restored, ${swept.purged} purged`);
      return swept;
    } catch (err) {
      this.logger.warn(`storage sweep failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
