import { DataSource, MigrationExecutor, type DataSourceOptions, type Migration } from 'typeorm';

/** The advisory lock start-up work takes (migrations, the demo seed): instances starting together queue on it. */
export const STARTUP_LOCK = 'inovasi:startup';

/**
 * Runs the pending migrations (all in one transaction) on a session without `statement_timeout`: the pool's
 * timeout guards requests, and must not cut a long index build or backfill half-way. Holds the start-up
 * advisory lock meanwhile: a second instance starting at the same time waits, then finds nothing pending
 * (two runs racing failed on the migrations table or on a half-created object).
 */
export async function runMigrations(ds: DataSource): Promise<Migration[]> {
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [STARTUP_LOCK]);
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'all';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [STARTUP_LOCK]).catch(() => undefined);
    }
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
