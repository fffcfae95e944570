import { hostname } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';

/** This process, as recorded in scheduled_tasks.last_runner. */
export const PROCESS_NAME = `${hostname()}:${process.pid}`;

/**
 * Takes the transaction-scoped advisory lock `name` (released at COMMIT or ROLLBACK): serializes commands
 * that must not interleave across instances (an import, presentation slots), without a row to lock.
 */
export async function transactionLock(tx: EntityManager, name: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [name]);
}

/** Lifts the pool's statement_timeout for the rest of this transaction (a rare, long organizer action). */
export async function withoutStatementTimeout(tx: EntityManager): Promise<void> {
  await tx.query(`SET LOCAL statement_timeout = 0`);
}

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock named `name` (waiting for it): two processes
 * starting together do the work one after the other (migrations and the demo seed on start).
 */
export async function withAdvisoryLock<T>(ds: DataSource, name: string, fn: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    // No statement timeout while waiting: the other process may be running a long migration.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    }
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/**
 * Claims this period's run of a scheduled task for this process: true for exactly one of the instances
 * asking within `everyMs` of the last claimed run (the row in scheduled_tasks is the lease), so work every
 * instance schedules runs once per period, not once per instance. Uses the database's clock.
 */
export async function claimScheduledRun(ds: DataSource, task: string, everyMs: number): Promise<boolean> {
  const rows: unknown[] = await ds.query(
    `INSERT INTO scheduled_tasks AS t (task, last_run_at, runs, last_runner) VALUES ($1, clock_timestamp(), 1, $3)
     ON CONFLICT (task) DO UPDATE SET last_run_at = EXCLUDED.last_run_at, runs = t.runs + 1, last_runner = EXCLUDED.last_runner
       WHERE t.last_run_at <= EXCLUDED.last_run_at - make_interval(secs => $2::double precision / 1000)
     RETURNING t.runs`,
    [task, everyMs * 0.9, PROCESS_NAME],
  );
  return rows.length === 1;
}
