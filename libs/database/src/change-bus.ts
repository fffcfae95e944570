import { Global, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** What an instance keeps in memory and must drop when another instance changes it. */
export type ChangeTopic = 'rankings' | 'index-rankings' | 'sessions' | 'organizer-membership';

/** The PostgreSQL channel every API instance listens on. */
export const CHANGE_CHANNEL = 'inovasi_changes';

/** `key` null: the instance may have missed announcements (its listening connection was lost): drop everything. */
export type ChangeHandler = (key: string | null) => void;

const RECONNECT_MIN_MS = 200;
const RECONNECT_MAX_MS = 10_000;

/**
 * Announces cache-relevant changes to every API instance over PostgreSQL LISTEN/NOTIFY (no Redis needed).
 * `announce(topic, key, tx)` runs the local handlers at once and issues `pg_notify` in the caller's
 * transaction, so the other instances hear it exactly when the change commits (and never when it rolls
 * back). Each instance listens on one dedicated connection (outside the pool) and reconnects with backoff;
 * after a reconnect every handler is told to drop everything, since announcements may have been missed.
 */
@Injectable()
export class ChangeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeBus.name);
  private readonly handlers = new Map<ChangeTopic, ChangeHandler[]>();
  private client: Client | null = null;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private everConnected = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  on(topic: ChangeTopic, handler: ChangeHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Tells this instance now and every other one when `tx` commits (at once without `tx`). */
  async announce(topic: ChangeTopic, key: string, tx?: EntityManager): Promise<void> {
    this.deliver(topic, key);
    await (tx ?? this.db.manager).query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ topic, key })]);
  }

  /** Whether the listening connection is up (while it is down, caches may serve what another instance changed). */
  get listening(): boolean {
    return this.client !== null;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private deliver(topic: ChangeTopic, key: string | null): void {
    for (const h of this.handlers.get(topic) ?? []) {
      try {
        h(key);
      } catch (err) {
        this.logger.warn(`change handler for ${topic} failed: ${(err as Error).message}`);
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = (this.db.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'inovasi-daerah-changes' });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`change announcements: connection lost (${err?.message ?? 'ended'}); reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (msg) => {
      if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
      try {
        const { topic, key } = JSON.parse(msg.payload) as { topic: ChangeTopic; key: string };
        this.deliver(topic, key);
      } catch {
        // Not ours: ignore.
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`change announcements: cannot listen (${(err as Error).message}); retrying`);
      this.scheduleReconnect();
      return;
    }
    const wasDown = this.retryMs > RECONNECT_MIN_MS || this.everConnected;
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    // Anything announced while we were not listening is unknown: drop every cached entry.
    if (wasDown) for (const topic of this.handlers.keys()) this.deliver(topic, null);
    this.everConnected = true;
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, wait);
    this.retryTimer.unref();
  }
}

/** One ChangeBus per API process, injectable everywhere. */
@Global()
@Module({ providers: [ChangeBus], exports: [ChangeBus] })
export class ChangeBusModule {}
