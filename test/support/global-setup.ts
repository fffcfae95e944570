// Jest's globalSetup ignores moduleNameMapper: relative imports only.
import { randomBytes } from 'node:crypto';
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
  // Names carry their creation time, so a run cleans up only what killed runs left behind long ago,
  // never the databases of a run going on next to it.
  const template = `test_e2e_tpl_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  const stale = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^test_e2e_(tpl|run)_[0-9a-z]+_'`);
  for (const { datname } of stale.rows as { datname: string }[]) {
    const born = parseInt(datname.split('_')[3], 36);
    if (Date.now() - born > 6 * 3600_000) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  const tplUrl = new URL(url);
  tplUrl.pathname = `/${template}`;
  const ds = new DataSource({
    type: 'postgres',
    url: tplUrl.toString(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    installExtensions: false,
    uuidExtension: 'pgcrypto',
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  process.env.E2E_TEMPLATE_DB = template;
}
