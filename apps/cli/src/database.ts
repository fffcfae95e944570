import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadEnv, type AppEnv } from '@app/config';
import { dataSourceOptions, embeddedPortFor, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';
import { ENTITIES } from '@app/database/entities';

/** The database the CLI works on: DATABASE_URL, or the same embedded PostgreSQL `npm start` uses. */
export async function openDatabase(env: AppEnv = loadEnv()): Promise<{ url: string; embedded: EmbeddedDatabase | null; env: AppEnv }> {
  if (env.databaseUrl) return { url: env.databaseUrl, embedded: null, env };
  const embedded = await startEmbeddedPostgres(path.join(env.dataDir, 'pg'), {
    port: await embeddedPortFor(env.dataDir, env.embeddedPgPort),
  });
  return { url: embedded.url, embedded, env };
}

export function dataSourceFor(url: string): DataSource {
  return new DataSource({ ...dataSourceOptions(url, ENTITIES), logging: ['error', 'migration'] });
}
