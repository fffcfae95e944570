export * from './job.types';
export { JobQueue, QueueUnavailable, type QueueCounts, type QueueHealthProbe } from './job-queue';
export * from './jobs.module';
