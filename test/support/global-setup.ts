// Jest's globalSetup ignores moduleNameMapper: relative imports only.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../libs/database/src/migrations';

/** Migrates once into a template database; every e2e file then clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('e2e tests need DATABASE_URL (npm test starts an embedded PostgreSQL when it is unset)');
  const admin = new URL(url);
  if (!admin.pathname.toLowerCase().includes('test')) {
    throw new Error(`Refusing to run e2e tests against database "${admin.pathname.slice(1)}": its name must contain "test"`);
  }
  const template = `test_e2e_tpl_${process.pid}_${Date.now().toString(36)}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  // Leftovers of runs that were killed: drop test databases older than a day is not knowable, so drop the
  // ones whose creator process is gone is not either; keep it simple and drop every e2e database now.
  const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'test_e2e_%'`);
  for (const row of stale.rows as { datname: string }[]) {
    await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  const tplUrl = new URL(url);
  tplUrl.pathname = `/${template}`;
  const ds = new DataSource({ type: 'postgres', url: tplUrl.toString(), migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', installExtensions: false, uuidExtension: 'pgcrypto' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  process.env.E2E_TEMPLATE_DB = template;
}
