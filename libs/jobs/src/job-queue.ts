import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { AppEnv } from '@app/config';
import { QUEUE_OF, QueueName, type AnyJob, type QueuedJob } from './job.types';

/** Redis did not answer in time: the caller keeps its rows and tries again later. */
export class QueueUnavailable extends Error {
  constructor(reason: string) {
    super(`queue unavailable: ${reason}`);
    this.name = 'QueueUnavailable';
  }
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** `{name, check}` as apps/api's HEALTH_PROBES expect. */
export interface QueueHealthProbe {
  readonly name: string;
  check(): Promise<Record<string, unknown>>;
}

const READY_TIMEOUT_MS = 1000;
const COMMAND_TIMEOUT_MS = 5000;
/**
 * BullMQ-level retries are for a handler that threw (database down, row busy); delivery failures are
 * retried by the outbox itself. Completed jobs go at once so a later re-add of the same id is not ignored.
 */
const JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
};

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new QueueUnavailable(`${what} timed out after ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The only producer of jobs (STYLE rule 6), and the factory of the workers that consume them. Inactive
 * without REDIS_URL (`enabled` is false): notifications are then delivered in process.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly redisUrl: string | null;
  private readonly settings: AppEnv['queue'];

  constructor(config: ConfigService<AppEnv, true>) {
    this.redisUrl = config.get('redisUrl', { infer: true });
    this.settings = config.get('queue', { infer: true });
  }

  get enabled(): boolean {
    return this.redisUrl !== null;
  }

  /** Adds the jobs in one round trip. Throws {@link QueueUnavailable} when Redis is not reachable. */
  async enqueue(jobs: readonly QueuedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const byQueue = new Map<QueueName, QueuedJob[]>();
    for (const job of jobs) byQueue.set(QUEUE_OF[job.name], [...(byQueue.get(QUEUE_OF[job.name]) ?? []), job]);
    for (const [name, items] of byQueue) {
      const queue = await this.ready(name);
      const bulk = items.map(({ name: jobName, data, jobId, delayMs }) => ({
        name: jobName,
        data,
        opts: { jobId, ...(delayMs ? { delay: delayMs } : {}) },
      }));
      await withTimeout(queue.addBulk(bulk), COMMAND_TIMEOUT_MS, 'adding jobs');
    }
  }

  /**
   * Of these jobs that should exist (a lease ran out), those that are gone: finished (removed here, so the same
   * id can be added again) or vanished (Redis flushed). Jobs still waiting, delayed or active are not lost.
   */
  async lost(name: QueueName, jobIds: readonly string[]): Promise<Set<string>> {
    const lost = new Set<string>();
    if (jobIds.length === 0) return lost;
    const queue = await this.ready(name);
    await Promise.all(
      jobIds.map(async (jobId) => {
        const state = await withTimeout(queue.getJobState(jobId), COMMAND_TIMEOUT_MS, 'reading a job');
        if (state === 'completed' || state === 'failed') await withTimeout(queue.remove(jobId), COMMAND_TIMEOUT_MS, 'removing a job');
        if (state === 'completed' || state === 'failed' || state === 'unknown') lost.add(jobId);
      }),
    );
    return lost;
  }

  async counts(name: QueueName): Promise<QueueCounts> {
    const queue = await this.ready(name);
    const c = await withTimeout(queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), COMMAND_TIMEOUT_MS, 'counting jobs');
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  /** `redis` (a PING) and `queue` (job counts and live workers), for /health; none without REDIS_URL. */
  healthProbes(): QueueHealthProbe[] {
    if (!this.enabled) return [];
    return [
      {
        name: 'redis',
        check: async () => {
          const queue = await this.ready(QueueName.Notifications);
          const client = await queue.getBackend().client;
          return { ping: await withTimeout(client.runCommand('ping', []) as Promise<string>, COMMAND_TIMEOUT_MS, 'PING') };
        },
      },
      {
        name: 'queue',
        check: async () => {
          const queue = await this.ready(QueueName.Notifications);
          return {
            ...(await this.counts(QueueName.Notifications)),
            workers: await withTimeout(queue.getWorkersCount(), COMMAND_TIMEOUT_MS, 'listing workers'),
          };
        },
      },
    ];
  }

  /**
   * A worker on `name` that hands every job to `process`. A worker that dies mid-job loses its lock after
   * QUEUE_LOCK_MS; another one then takes the job again (handlers are idempotent).
   */
  createWorker(
    name: QueueName,
    process: (job: AnyJob) => Promise<unknown>,
    options: { concurrency?: number; autorun?: boolean } = {},
  ): Worker {
    if (!this.redisUrl) throw new Error('REDIS_URL is not set: there is no queue to consume');
    const worker = new Worker(name, (job) => process(job as AnyJob), {
      connection: { url: this.redisUrl, maxRetriesPerRequest: null },
      prefix: this.settings.prefix,
      concurrency: options.concurrency ?? 1,
      lockDuration: this.settings.lockMs,
      stalledInterval: this.settings.lockMs,
      autorun: options.autorun ?? true,
    });
    worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
    return worker;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }

  /** The queue, connected; Redis unreachable → {@link QueueUnavailable} at once instead of a hanging add. */
  private async ready(name: QueueName): Promise<Queue> {
    if (!this.redisUrl) throw new QueueUnavailable('REDIS_URL is not set');
    let queue = this.queues.get(name);
    if (!queue) {
      // Fail fast while Redis is down: callers keep their rows and retry on their next tick.
      const connection: ConnectionOptions = { url: this.redisUrl, enableOfflineQueue: false };
      queue = new Queue(name, { connection, prefix: this.settings.prefix, defaultJobOptions: JOB_DEFAULTS });
      queue.on('error', (err) => this.logger.debug(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    await withTimeout(queue.waitUntilReady(), READY_TIMEOUT_MS, 'connecting to Redis');
    return queue;
  }
}
