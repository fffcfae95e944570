import type { Job } from 'bullmq';

/** Queues, kebab-case. */
export enum QueueName {
  Notifications = 'notifications',
}

/** Jobs, kebab-case; each belongs to one queue ({@link QUEUE_OF}). */
export enum JobName {
  /** Deliver a batch of outbox rows (e-mails and inbox items); data: the row ids. What the relay adds. */
  DeliverNotifications = 'deliver-notifications',
  /** Deliver one outbox row; data: the row id. Jobs of this name are the ones queued before batches (still handled). */
  DeliverNotification = 'deliver-notification',
}

/** Every job the system runs (add a member per new job): a new one is a compile error in the processors until they route it. */
export type JobItem =
  { name: JobName.DeliverNotifications; data: { outboxIds: string[] } } | { name: JobName.DeliverNotification; data: { outboxId: string } };

export const QUEUE_OF: Readonly<Record<JobName, QueueName>> = {
  [JobName.DeliverNotifications]: QueueName.Notifications,
  [JobName.DeliverNotification]: QueueName.Notifications,
};

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];
/** A BullMQ job of the union, narrowed by `switch (job.name)`. */
export type AnyJob = { [N in JobName]: Job<JobData<N>, unknown, N> }[JobName];

/** A job to add: the item, its id (derived from its rows and their attempts, so a repeat add is a no-op) and a delay. */
export type QueuedJob = JobItem & { jobId: string; delayMs?: number };
