import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { QueryLogger } from './query-logger';

/** The one place TypeORM is configured: PostgreSQL only, explicit migrations, never `synchronize`. */
export function dataSourceOptions(url: string, entities: MixedList<Function | string | EntitySchema>, extra: { poolSize?: number; logging?: boolean } = {}): DataSourceOptions {
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
    extra: { max: extra.poolSize ?? 20, application_name: 'inovasi-daerah' },
  };
}
