import { createHash } from 'node:crypto';
import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { preparedPoolSize } from './pool-budget';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();
/** A statement name per SQL text (PostgreSQL names are per connection; the text decides the name). */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 5_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Runs SQL as named prepared statements: PostgreSQL parses and plans each once per connection instead of on
 * every request. For the hottest reads and writes only (the organizer list, a juror's save): on the generated
 * national edition planning was ≈ 0.5 ms of the ≈ 0.7 ms the list query costs (bench/RESULTS.md).
 *
 * Outside a transaction it uses its own `pg.Pool` (made from the data source's URL and session settings, half
 * its size, rounded up: these statements take about a millisecond; the two together are DB_POOL_SIZE, see
 * pool-budget.ts), never TypeORM's private driver. Inside a transaction
 * it runs on the transaction's connection (`QueryRunner.connect()`, TypeORM's public API). Errors come back as
 * TypeORM's QueryFailedError, like every other query's.
 */
@Injectable()
export class PreparedStatements implements OnApplicationShutdown {
  private readonly logger = new Logger(PreparedStatements.name);
  private pool: Pool | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async query<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
    const runner = m.queryRunner;
    const target: PgQueryable =
      runner && !runner.isReleased && runner.isTransactionActive ? ((await runner.connect()) as PgQueryable) : this.ownPool();
    try {
      return (await target.query({ name: nameOf(text), text, values })).rows as T[];
    } catch (err) {
      throw new QueryFailedError(text, values, err as Error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end().catch(() => undefined);
  }

  private ownPool(): Pool {
    if (!this.pool) {
      const options = this.db.options as { url?: string; extra?: { max?: number; application_name?: string; statement_timeout?: number } };
      const extra = options.extra ?? {};
      this.pool = new Pool({
        connectionString: options.url,
        max: preparedPoolSize(extra.max ?? 20),
        application_name: extra.application_name,
        ...(extra.statement_timeout ? { statement_timeout: extra.statement_timeout } : {}),
      });
      // An idle connection that dies (a restart, a failover) is dropped by the pool; the next query connects anew.
      this.pool.on('error', (err) => this.logger.warn(`prepared statements: idle connection lost (${err.message})`));
    }
    return this.pool;
  }
}

/** One PreparedStatements per process, for the repositories of every context. */
@Global()
@Module({ providers: [PreparedStatements], exports: [PreparedStatements] })
export class PreparedStatementsModule {}

/**
 * SQL for a timestamptz as JSON.stringify writes a Date ("2025-06-30T15:59:59.000Z", milliseconds truncated as
 * node-postgres truncates them), for JSON made by PostgreSQL that must read like JSON made by the API.
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
