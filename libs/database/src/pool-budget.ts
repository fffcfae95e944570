import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * The connections one process opens to PostgreSQL, at most: DB_POOL_SIZE split between the data source's pool
 * (TypeORM: transactions, every ordinary query) and PreparedStatements' own pool (the hottest statements, about
 * a millisecond each: half the data source's size, rounded up), plus the change bus's one LISTEN connection.
 * Pools open connections on demand; these are ceilings, reached under load.
 */
export interface PoolSplit {
  /** DB_POOL_SIZE: what the two pools may hold together. */
  total: number;
  dataSource: number;
  prepared: number;
  /** The change bus's LISTEN connection, outside both pools. */
  listener: number;
  /** dataSource + prepared + listener: what one process may hold open. */
  perProcess: number;
}

/** The default DB_POOL_SIZE: 20 for the data source and 10 for prepared statements. */
export const DEFAULT_POOL_SIZE = 30;

/** PreparedStatements' pool beside a data-source pool of `dataSource` connections: half of it, rounded up. */
export function preparedPoolSize(dataSource: number): number {
  return Math.ceil(dataSource / 2);
}

/** Splits DB_POOL_SIZE (2 or more): the largest data-source pool whose prepared share still fits (30 → 20 + 10). */
export function splitPool(total: number): PoolSplit {
  if (!Number.isInteger(total) || total < 2) throw new Error(`a pool size is an integer of at least 2 (got ${total})`);
  let dataSource = Math.floor((2 * total) / 3);
  while (dataSource > 1 && dataSource + preparedPoolSize(dataSource) > total) dataSource--;
  const prepared = preparedPoolSize(dataSource);
  return { total, dataSource, prepared, listener: 1, perProcess: dataSource + prepared + 1 };
}

/** What the server allows and what the deployment may ask of it. */
export interface ConnectionBudget {
  split: PoolSplit;
  /** DB_PROCESSES: API instances + workers sharing the database. */
  processes: number;
  /** processes × split.perProcess. */
  needed: number;
  maxConnections: number;
  /** superuser_reserved_connections + reserved_connections (PostgreSQL 16+): slots an ordinary role cannot take. */
  reserved: number;
  /** maxConnections − reserved. */
  available: number;
  fits: boolean;
}

/** Reads the server's limits and sets the deployment's ceiling against them. */
export async function connectionBudget(ds: DataSource, poolSize: number, processes: number): Promise<ConnectionBudget> {
  const [row]: { max: number; reserved: number }[] = await ds.query(
    `SELECT current_setting('max_connections')::int AS max,
            current_setting('superuser_reserved_connections')::int + COALESCE(current_setting('reserved_connections', true), '0')::int AS reserved`,
  );
  const split = splitPool(poolSize);
  const needed = processes * split.perProcess;
  const available = row.max - row.reserved;
  return { split, processes, needed, maxConnections: row.max, reserved: row.reserved, available, fits: needed <= available };
}

/** The start-up warning when the configured pools of every process cannot all be open at once; null when they fit. */
export function budgetWarning(b: ConnectionBudget): string | null {
  if (b.fits) return null;
  const s = b.split;
  return (
    `connection budget exceeded: DB_POOL_SIZE=${s.total} × DB_PROCESSES=${b.processes} may open ${b.needed} connections ` +
    `(each process ${s.perProcess}: ${s.dataSource} data source + ${s.prepared} prepared statements + ${s.listener} change listener), ` +
    `but PostgreSQL takes ${b.available} (max_connections ${b.maxConnections} − ${b.reserved} reserved); under load requests will fail ` +
    `with "too many clients": lower DB_POOL_SIZE to at most ${Math.max(0, Math.floor(b.available / b.processes) - s.listener)} or raise max_connections`
  );
}

/** Logs {@link budgetWarning} on start-up (never refuses: a pool opens connections only as load needs them). */
export async function warnOnConnectionBudget(ds: DataSource, poolSize: number, processes: number): Promise<ConnectionBudget> {
  const budget = await connectionBudget(ds, poolSize, processes);
  const warning = budgetWarning(budget);
  if (warning) new Logger('Database').warn(warning);
  return budget;
}
