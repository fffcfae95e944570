import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What several API instances share instead of keeping it in one process: login rate-limit hits (when
 * REDIS_URL is unset) and the last run of each scheduled task (so it runs once, not once per instance).
 */
export class ScaleOut1795600000001 implements MigrationInterface {
  name = 'ScaleOut1795600000001';

  async up(q: QueryRunner): Promise<void> {
    // hits: epoch milliseconds of the key's hits within its window, oldest first; a row past expires_at counts nothing.
    await q.query(`CREATE TABLE "rate_limit_hits" ("key" text PRIMARY KEY, "hits" bigint[] NOT NULL, "expires_at" timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX "rate_limit_hits_expires_at" ON "rate_limit_hits" ("expires_at")`);
    await q.query(
      `CREATE TABLE "scheduled_tasks" ("task" text PRIMARY KEY, "last_run_at" timestamptz NOT NULL, "runs" bigint NOT NULL DEFAULT 1, "last_runner" text NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "scheduled_tasks"`);
    await q.query(`DROP TABLE "rate_limit_hits"`);
  }
}
