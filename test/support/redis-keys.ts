import Redis from 'ioredis';

/** A short-lived client (the URL's database included), or null when Redis cannot be reached. */
async function withRedis<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await redis.connect();
    return await fn(redis);
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/** The keys under a BullMQ prefix (`<prefix>:*`). */
export async function queueKeys(url: string, prefix: string): Promise<string[]> {
  return (
    (await withRedis(url, async (r) => {
      const keys: string[] = [];
      for await (const batch of r.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) keys.push(...batch);
      return keys;
    })) ?? []
  );
}

/** Deletes every key under a prefix (a test app's queues, jobs, locks and events); returns how many. */
export async function dropQueueKeys(url: string, prefix: string): Promise<number> {
  return (
    (await withRedis(url, async (r) => {
      let n = 0;
      for await (const batch of r.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>)
        if (batch.length) n += await r.unlink(...batch);
      return n;
    })) ?? 0
  );
}

/** The tag of this jest run (from its template database): every test app's queue prefix starts with `e2e-<tag>-`. */
export const runTag = () => (process.env.E2E_TEMPLATE_DB ?? 'test_e2e_tpl_local').slice('test_e2e_tpl_'.length);
