import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact totals for the organizers' innovation list without counting rows: innovations per competition,
 * category, status and stage, kept by statement-level triggers (one upsert per statement, whatever the number
 * of rows it touched, and only where a bucket's count changes). Hand-written: no entity maps this table, so
 * `migration:generate` leaves it alone.
 */
export class InnovationCounts1795500000000 implements MigrationInterface {
  name = 'InnovationCounts1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "innovation_counts" (
      "competition_id" uuid NOT NULL,
      "category" varchar(40) NOT NULL,
      "status" varchar(30) NOT NULL,
      "current_stage" varchar(40),
      "n" integer NOT NULL,
      CONSTRAINT "innovation_counts_bucket" UNIQUE NULLS NOT DISTINCT ("competition_id", "category", "status", "current_stage"))`);
    await q.query(`CREATE FUNCTION innovation_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM innovation_counts;
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO innovation_counts AS c (competition_id, category, status, current_stage, n)
            SELECT competition_id, category, status, current_stage, count(*) FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT ON CONSTRAINT innovation_counts_bucket DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO innovation_counts AS c (competition_id, category, status, current_stage, n)
            SELECT competition_id, category, status, current_stage, -count(*) FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT ON CONSTRAINT innovation_counts_bucket DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
          INSERT INTO innovation_counts AS c (competition_id, category, status, current_stage, n)
            SELECT competition_id, category, status, current_stage, sum(d) FROM (
              SELECT competition_id, category, status, current_stage, -1 AS d FROM old_rows
              UNION ALL
              SELECT competition_id, category, status, current_stage, 1 AS d FROM new_rows
            ) x GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT ON CONSTRAINT innovation_counts_bucket DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER innovation_counts_insert AFTER INSERT ON innovations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION innovation_counts_apply()`,
    );
    await q.query(
      `CREATE TRIGGER innovation_counts_update AFTER UPDATE ON innovations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION innovation_counts_apply()`,
    );
    await q.query(
      `CREATE TRIGGER innovation_counts_delete AFTER DELETE ON innovations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION innovation_counts_apply()`,
    );
    await q.query(
      `CREATE TRIGGER innovation_counts_truncate AFTER TRUNCATE ON innovations FOR EACH STATEMENT EXECUTE FUNCTION innovation_counts_apply()`,
    );
    await q.query(`INSERT INTO innovation_counts (competition_id, category, status, current_stage, n)
      SELECT competition_id, category, status, current_stage, count(*) FROM innovations GROUP BY 1, 2, 3, 4`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER innovation_counts_truncate ON innovations`);
    await q.query(`DROP TRIGGER innovation_counts_delete ON innovations`);
    await q.query(`DROP TRIGGER innovation_counts_update ON innovations`);
    await q.query(`DROP TRIGGER innovation_counts_insert ON innovations`);
    await q.query(`DROP FUNCTION innovation_counts_apply()`);
    await q.query(`DROP TABLE "innovation_counts"`);
  }
}
