import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Worker } from 'bullmq';
import type { AppEnv } from '@app/config';
import { JobName, JobQueue, QueueName, type AnyJob } from '@app/jobs';
import { DeliveryService } from '@app/notifications';

/** Consumes the notifications queue: routes each job by name to its handler, nothing more. */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: Worker | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly delivery: DeliveryService,
    private readonly config: ConfigService<AppEnv, true>,
  ) {}

  process(job: AnyJob): Promise<unknown> {
    switch (job.name) {
      case JobName.DeliverNotification:
        return this.delivery.deliver(job.data.outboxId);
    }
  }

  onApplicationBootstrap(): void {
    this.worker = this.jobs.createWorker(QueueName.Notifications, (job) => this.process(job), {
      concurrency: this.config.get('notify', { infer: true }).concurrency,
    });
  }

  /** Lets running jobs finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
