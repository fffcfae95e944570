import { randomUUID } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { RateLimitHitsRepository } from '../persistence/rate-limit-hits.repository';

/**
 * Login counters every API instance sees (a limit kept per process let two instances pass twice the limit,
 * and a restart reset it). A key's log holds the times (epoch ms) of its recent hits: `add` records one
 * and answers the key's hits within the window, oldest first, keeping the newest `keep`.
 * Adapters: Redis when REDIS_URL is set, PostgreSQL (table rate_limit_hits) otherwise.
 */
export abstract class HitLog {
  abstract add(key: string, now: number, windowMs: number, keep: number): Promise<number[]>;
  /** The key's hits within the window, without adding one. */
  abstract list(key: string, now: number, windowMs: number): Promise<number[]>;
}

/**
 * One sorted set per key (score = time), trimmed and expired on every add. While Redis does not answer, the
 * counts go to `fallback` (PostgreSQL): logins stay limited (on separate counts) instead of failing.
 */
export class RedisHitLog extends HitLog {
  private readonly redis: Redis;
  private readonly logger = new Logger(RedisHitLog.name);
  private failing = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly fallback: HitLog,
  ) {
    super();
    // Fail fast rather than queue logins behind a Redis that is down.
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      commandTimeout: 2000,
    });
    this.redis.on('error', () => undefined);
  }

  private k(key: string): string {
    return `${this.prefix}:login-hits:${key}`;
  }

  add(key: string, now: number, windowMs: number, keep: number): Promise<number[]> {
    return this.orFallback(
      () => this.addHere(key, now, windowMs, keep),
      () => this.fallback.add(key, now, windowMs, keep),
    );
  }

  list(key: string, now: number, windowMs: number): Promise<number[]> {
    return this.orFallback(
      async () => scores(await this.redis.zrangebyscore(this.k(key), `(${now - windowMs}`, '+inf', 'WITHSCORES')),
      () => this.fallback.list(key, now, windowMs),
    );
  }

  private async orFallback(here: () => Promise<number[]>, there: () => Promise<number[]>): Promise<number[]> {
    try {
      const hits = await here();
      if (this.failing) this.logger.log('login counters: Redis answers again');
      this.failing = false;
      return hits;
    } catch (err) {
      if (!this.failing) this.logger.warn(`login counters: Redis failed (${(err as Error).message}); counting in PostgreSQL meanwhile`);
      this.failing = true;
      return there();
    }
  }

  private async addHere(key: string, now: number, windowMs: number, keep: number): Promise<number[]> {
    const k = this.k(key);
    const res = await this.redis
      .multi()
      .zadd(k, now, `${now}:${randomUUID()}`)
      .zremrangebyscore(k, '-inf', now - windowMs)
      .zremrangebyrank(k, 0, -(keep + 1))
      .zrange(k, 0, -1, 'WITHSCORES')
      .pexpire(k, windowMs)
      .exec();
    const err = res?.find(([e]) => e)?.[0];
    if (!res || err) throw err ?? new Error('redis transaction aborted');
    return scores(res[3][1] as string[]);
  }

  /** Nest calls this on shutdown. */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

function scores(flat: string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < flat.length; i += 2) out.push(Number(flat[i]));
  return out;
}

/** One row per key (`RateLimitHitsRepository`): an upsert appends the hit, drops those out of the window and keeps the newest `keep`. */
export class PostgresHitLog extends HitLog {
  private readonly rows: RateLimitHitsRepository;
  private addsSincePrune = 0;

  constructor(db: DataSource) {
    super();
    this.rows = new RateLimitHitsRepository(db);
  }

  async add(key: string, now: number, windowMs: number, keep: number): Promise<number[]> {
    const hits = await this.rows.add(key, now, windowMs, keep);
    if (++this.addsSincePrune >= 1000) {
      this.addsSincePrune = 0;
      await this.rows.prune();
    }
    return hits;
  }

  async list(key: string, now: number, windowMs: number): Promise<number[]> {
    return (await this.rows.hits(key)).filter((h) => h > now - windowMs);
  }
}

/** The counters of this deployment: Redis (keys under QUEUE_PREFIX) when REDIS_URL is set, PostgreSQL otherwise. */
@Module({
  providers: [
    {
      provide: HitLog,
      inject: [ConfigService, DataSource],
      useFactory: (config: ConfigService<AppEnv, true>, db: DataSource) => {
        const redisUrl = config.get('redisUrl', { infer: true });
        return redisUrl
          ? new RedisHitLog(redisUrl, config.get('queue', { infer: true }).prefix, new PostgresHitLog(db))
          : new PostgresHitLog(db);
      },
    },
  ],
  exports: [HitLog],
})
export class LoginCountersModule {}

/**
 * The login throttler's storage (@nestjs/throttler) on a {@link HitLog}: a sliding window of `ttl` ms in
 * which more than `limit` attempts are refused, until the oldest counted one leaves the window.
 */
export class HitLogThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly log: HitLog) {}

  async increment(key: string, ttl: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const now = Date.now();
    const hits = await this.log.add(`throttle:${key}`, now, ttl, limit + 1);
    const timeToExpire = Math.max(1, Math.ceil((hits[0] + ttl - now) / 1000));
    const isBlocked = hits.length > limit;
    return { totalHits: hits.length, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
