import type { ConfigService } from '@nestjs/config';
import type { AppEnv } from '@app/config';
import { JobQueue, QueueUnavailable } from './job-queue';
import { JobName, QUEUE_OF, QueueName } from './job.types';

const config = (redisUrl: string | null) =>
  ({
    get: (key: keyof AppEnv) => ({ redisUrl, queue: { prefix: 'spec', lockMs: 1000 } })[key as 'redisUrl' | 'queue'],
  }) as unknown as ConfigService<AppEnv, true>;

describe('jobs', () => {
  it.each(Object.values(JobName))('%s belongs to a queue', (name) => {
    expect(Object.values(QueueName)).toContain(QUEUE_OF[name]);
  });

  it('without REDIS_URL is disabled: no probes; enqueue, count and consume refuse', async () => {
    const jobs = new JobQueue(config(null));
    expect(jobs.enabled).toBe(false);
    expect(jobs.healthProbes()).toEqual([]);
    await expect(jobs.enqueue([{ name: JobName.DeliverNotification, data: { outboxId: 'x' }, jobId: 'x#0' }])).rejects.toThrow(
      QueueUnavailable,
    );
    await expect(jobs.counts(QueueName.Notifications)).rejects.toThrow('REDIS_URL is not set');
    expect(() => jobs.createWorker(QueueName.Notifications, async () => undefined)).toThrow('REDIS_URL is not set');
    await expect(jobs.enqueue([])).resolves.toBeUndefined();
  });

  it('with REDIS_URL it is enabled and offers the redis and queue probes', () => {
    const jobs = new JobQueue(config('redis://127.0.0.1:6379'));
    expect(jobs.enabled).toBe(true);
    expect(jobs.healthProbes().map((p) => p.name)).toEqual(['redis', 'queue']);
  });
});
