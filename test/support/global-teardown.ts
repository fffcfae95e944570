import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const template = process.env.E2E_TEMPLATE_DB;
  if (!url || !template) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  const dbs = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`test_e2e_run_${template.slice('test_e2e_tpl_'.length)}_%`, template]);
  for (const row of dbs.rows as { datname: string }[]) {
    await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await client.end();
}
