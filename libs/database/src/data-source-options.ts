import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { DEFAULT_POOL_SIZE, splitPool } from './pool-budget';
import { QueryLogger } from './query-logger';

/** An entity class (TypeORM takes the constructor). */
type EntityClass = new (...args: any[]) => unknown;

/**
 * The one place TypeORM is configured: PostgreSQL only, explicit migrations, never `synchronize`.
 * `statementTimeoutMs` (> 0) becomes every pooled session's `statement_timeout`: a statement running (or
 * waiting for a lock) longer is cancelled by PostgreSQL (SQLSTATE 57014). Run migrations with
 * {@link runMigrations}, which lifts it for the migrating session. `poolSize` (DB_POOL_SIZE) is what this pool and
 * PreparedStatements' pool hold together ({@link splitPool}: 30 → 20 here, 10 there).
 */
export function dataSourceOptions(
  url: string,
  entities: MixedList<EntityClass | string | EntitySchema>,
  extra: { poolSize?: number; logging?: boolean; statementTimeoutMs?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: extra.logging ? ['error', 'warn', 'migration'] : ['error'],
    // Never TypeORM's console logger: it prints failed queries with their parameters (password hashes, tokens).
    logger: new QueryLogger(),
    extra: {
      max: splitPool(extra.poolSize ?? DEFAULT_POOL_SIZE).dataSource,
      application_name: 'inovasi-daerah',
      ...(extra.statementTimeoutMs ? { statement_timeout: extra.statementTimeoutMs } : {}),
    },
  };
}
