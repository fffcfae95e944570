import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { JobName, JobQueue, QueueName, type AnyJob } from '@app/jobs';
import { DeliveryService, type DeliveryOutcome } from '@app/notifications';

/**
 * Jobs taken at once: each is a batch of rows whose sends share the process's NOTIFY_CONCURRENCY SMTP lanes
 * (DeliveryService), so a second job keeps the lanes busy while the first claims its rows or records the last ones.
 */
export const JOBS_AT_ONCE = 2;

/** How many rows of a job ended how (the job's return value). */
function tally(outcomes: Map<string, DeliveryOutcome>): Partial<Record<DeliveryOutcome, number>> {
  const counts: Partial<Record<DeliveryOutcome, number>> = {};
  for (const outcome of outcomes.values()) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** Consumes the notifications queue: routes each job by name to its handler, nothing more. */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: Worker | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly delivery: DeliveryService,
  ) {}

  async process(job: AnyJob): Promise<unknown> {
    switch (job.name) {
      case JobName.DeliverNotifications:
        return tally(await this.delivery.deliverBatch(job.data.outboxIds));
      case JobName.DeliverNotification:
        return this.delivery.deliver(job.data.outboxId);
    }
  }

  onApplicationBootstrap(): void {
    this.worker = this.jobs.createWorker(QueueName.Notifications, (job) => this.process(job), { concurrency: JOBS_AT_ONCE });
  }

  /** Lets running jobs finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
