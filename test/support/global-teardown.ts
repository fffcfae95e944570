import { Client } from 'pg';
import { dropQueueKeys, queueKeys } from './redis-keys';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const template = process.env.E2E_TEMPLATE_DB;
  if (!url || !template) return;
  // Queue keys of this run's test apps that a test did not close: reported and removed, so Redis does not fill up.
  const redisUrl = process.env.REDIS_URL;
  const prefix = `e2e-${template.slice('test_e2e_tpl_'.length)}-*`;
  if (redisUrl) {
    const left = await queueKeys(redisUrl, prefix);
    if (left.length) {
      process.stderr.write(
        `global teardown: ${left.length} Redis keys left by this run's test apps (${[...new Set(left.map((k) => k.split(':')[0]))].join(', ')}); removed\n`,
      );
      await dropQueueKeys(redisUrl, prefix);
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const dbs = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
    `test_e2e_run_${template.slice('test_e2e_tpl_'.length)}_%`,
    template,
  ]);
  for (const row of dbs.rows as { datname: string }[]) {
    await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await client.end();
}
