import type { Job } from 'bullmq';

/** Queues, kebab-case. */
export enum QueueName {
  Notifications = 'notifications',
}

/** Jobs, kebab-case; each belongs to one queue ({@link QUEUE_OF}). */
export enum JobName {
  /** Deliver one outbox row (e-mail or inbox); data: the row id. */
  DeliverNotification = 'deliver-notification',
}

/** Every job the system runs (add a member per new job): a new one is a compile error in the processors until they route it. */
export type JobItem = { name: JobName.DeliverNotification; data: { outboxId: string } };

export const QUEUE_OF: Readonly<Record<JobName, QueueName>> = {
  [JobName.DeliverNotification]: QueueName.Notifications,
};

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
/** A BullMQ job of the union, narrowed by `switch (job.name)`. */
export type AnyJob = { [N in JobName]: Job<JobData<N>, unknown, N> }[JobName];

/** A job to add: the item, its id (the outbox dedupe key plus attempt, so a repeat add is a no-op) and a delay. */
export type QueuedJob = JobItem & { jobId: string; delayMs?: number };
