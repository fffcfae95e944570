import { DataSource, MigrationExecutor, type DataSourceOptions, type Migration } from 'typeorm';

/**
 * Runs the pending migrations (all in one transaction) on a session without `statement_timeout`: the pool's
 * timeout guards requests, and must not cut a long index build or backfill half-way.
 */
export async function runMigrations(ds: DataSource): Promise<Migration[]> {
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(ds, runner);
    executor.transaction = 'all';
    return await executor.executePendingMigrations();
  } finally {
    // Back to the session's default (the pool's timeout) before the connection is reused.
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/** Connects and migrates (the API on start); a failed migration closes the pool before it is thrown. */
export async function openMigrated(options: DataSourceOptions): Promise<DataSource> {
  const ds = await new DataSource(options).initialize();
  try {
    await runMigrations(ds);
  } catch (err) {
    await ds.destroy().catch(() => undefined);
    throw err;
  }
  return ds;
}
