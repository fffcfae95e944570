// Bulk loading for the bench generator: COPY … FROM STDIN (pg-copy-streams, text format) or multi-row
// INSERT … SELECT FROM unnest($1::uuid[], …) batches. Same rows, same result; `npm run bench` uses COPY
// (measured faster on this machine; see bench/RESULTS.md, "Generator").
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type LoadMethod = 'copy' | 'unnest';
export type ColumnType = 'uuid' | 'text' | 'int' | 'bigint' | 'float8' | 'bool' | 'timestamptz' | 'date' | 'jsonb';
export type Row = readonly unknown[];

export interface TableSpec {
  table: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
}

/** Loads `rows` (any iterable, consumed once) into `spec.table`; returns the row count. */
export async function loadRows(
  client: Client,
  spec: TableSpec,
  rows: Iterable<Row>,
  method: LoadMethod,
  batchSize = 5000,
): Promise<number> {
  return method === 'copy' ? copyRows(client, spec, rows) : insertUnnest(client, spec, rows, batchSize);
}

function copyValue(v: unknown, type: ColumnType): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (type === 'bool') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (type === 'jsonb' && typeof v !== 'string') s = JSON.stringify(v);
  else s = String(v);
  // COPY text format: backslash, tab, newline and carriage return are escaped.
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

async function copyRows(client: Client, spec: TableSpec, rows: Iterable<Row>): Promise<number> {
  const types = spec.columns.map(([, t]) => t);
  let count = 0;
  function* chunks(): Generator<string> {
    let buf = '';
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < types.length; i++) line += (i ? '\t' : '') + copyValue(row[i], types[i]);
      buf += line + '\n';
      count++;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  const cols = spec.columns.map(([c]) => `"${c}"`).join(', ');
  const sink = client.query(copyFrom(`COPY "${spec.table}" (${cols}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), sink);
  return count;
}

async function insertUnnest(client: Client, spec: TableSpec, rows: Iterable<Row>, batchSize: number): Promise<number> {
  const cols = spec.columns.map(([c]) => `"${c}"`).join(', ');
  const params = spec.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `INSERT INTO "${spec.table}" (${cols}) SELECT * FROM unnest(${params})`;
  let arrays: unknown[][] = spec.columns.map(() => []);
  let inBatch = 0;
  let count = 0;
  const flush = async () => {
    if (!inBatch) return;
    await client.query(sql, arrays);
    arrays = spec.columns.map(() => []);
    inBatch = 0;
  };
  for (const row of rows) {
    for (let i = 0; i < spec.columns.length; i++) {
      const v = row[i];
      arrays[i].push(
        spec.columns[i][1] === 'jsonb' && v !== null && v !== undefined && typeof v !== 'string' ? JSON.stringify(v) : (v ?? null),
      );
    }
    inBatch++;
    count++;
    if (inBatch >= batchSize) await flush();
  }
  await flush();
  return count;
}

/**
 * Drops the secondary indexes of `tables` (not primary keys or constraints), runs `load`, then recreates
 * them from their exact definitions (pg_indexes.indexdef): bulk loads are faster into unindexed tables.
 */
export async function withoutSecondaryIndexes<T>(
  client: Client,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<{ result: T; indexes: number; rebuildMs: number }> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
  const result = await load();
  const t0 = performance.now();
  for (const r of rows) await client.query(r.indexdef);
  return { result, indexes: rows.length, rebuildMs: performance.now() - t0 };
}

export async function tableExists(client: Client, table: string): Promise<boolean> {
  const { rowCount } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1`, [
    table,
  ]);
  return (rowCount ?? 0) > 0;
}
