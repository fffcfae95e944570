import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager } from 'typeorm';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();
/** A statement name per SQL text (PostgreSQL names are per connection; the text decides the name). */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 5_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement: PostgreSQL parses and plans it once per connection instead of
 * on every request. For the hottest reads and writes only (the organizer list, a juror's save): on the
 * generated national edition planning was ≈ 0.5 ms of the ≈ 0.7 ms the list query costs (bench/RESULTS.md).
 * Inside a transaction it runs on the transaction's connection. Errors come back as TypeORM's
 * QueryFailedError, like every other query's.
 */
export async function queryPrepared<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner;
  const target: PgQueryable =
    runner && !runner.isReleased && runner.isTransactionActive
      ? ((await (runner as unknown as { connect(): Promise<PgQueryable> }).connect()) as PgQueryable)
      : (m.connection.driver as unknown as { master: PgQueryable }).master;
  try {
    return (await target.query({ name: nameOf(text), text, values })).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, values, err as Error);
  }
}

/**
 * SQL for a timestamptz as JSON.stringify writes a Date ("2025-06-30T15:59:59.000Z", milliseconds truncated as
 * node-postgres truncates them), for JSON made by PostgreSQL that must read like JSON made by the API.
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
