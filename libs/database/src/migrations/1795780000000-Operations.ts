import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Long operations and their progress, readable by every API instance (issue 23). */
export class Operations1795780000000 implements MigrationInterface {
  name = 'Operations1795780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "operations" (
      "id" uuid NOT NULL,
      "kind" character varying(60) NOT NULL,
      "owner_id" uuid NOT NULL,
      "competition_id" uuid,
      "state" character varying(10) NOT NULL DEFAULT 'running',
      "phase" character varying(40) NOT NULL DEFAULT 'started',
      "done" integer NOT NULL DEFAULT 0,
      "total" integer NOT NULL DEFAULT 0,
      "error_code" character varying(80),
      "result_ref" character varying(200),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_operations" PRIMARY KEY ("id"),
      CONSTRAINT "operations_state_check" CHECK ("state" IN ('running', 'succeeded', 'failed'))
    )`);
    await q.query(`CREATE INDEX "operations_owner_idx" ON "operations" ("owner_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "operations"`);
  }
}
