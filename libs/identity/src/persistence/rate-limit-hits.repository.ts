import type { DataSource } from 'typeorm';

/**
 * The table `rate_limit_hits` (one row per key: the times of its recent hits, epoch ms), under the PostgreSQL
 * adapter of the login counters (`PostgresHitLog`). Built by hand there: the counters' module picks Redis or
 * PostgreSQL in a factory.
 */
export class RateLimitHitsRepository {
  constructor(private readonly db: DataSource) {}

  /** Appends a hit in one upsert, drops those out of the window and keeps the newest `keep`: the key's hits after it. */
  async add(key: string, now: number, windowMs: number, keep: number): Promise<number[]> {
    const rows: { hits: string[] }[] = await this.db.query(
      `INSERT INTO rate_limit_hits AS r (key, hits, expires_at) VALUES ($1, ARRAY[$2::bigint], to_timestamp(($2::bigint + $3::bigint) / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = ARRAY(SELECT h FROM (SELECT h FROM unnest(r.hits || $2::bigint) h WHERE h > $2::bigint - $3::bigint ORDER BY h DESC LIMIT $4) x ORDER BY h),
         expires_at = EXCLUDED.expires_at
       RETURNING hits`,
      [key, now, windowMs, keep],
    );
    return rows[0].hits.map(Number);
  }

  /** The key's stored hits (a window not applied). */
  async hits(key: string): Promise<number[]> {
    const rows: { hits: string[] }[] = await this.db.query(`SELECT hits FROM rate_limit_hits WHERE key = $1`, [key]);
    return (rows[0]?.hits ?? []).map(Number);
  }

  /** Deletes the rows whose window has passed. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_hits WHERE expires_at < now()`);
  }
}
