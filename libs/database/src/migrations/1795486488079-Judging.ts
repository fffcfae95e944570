import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Judging1795486488079 implements MigrationInterface {
  name = 'Judging1795486488079';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "stage_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "innovation_id" uuid NOT NULL, "stage_key" character varying(40) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "score" double precision, "rank" integer, "reason" text, "details" jsonb, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stage_results_innovation_stage_uq" UNIQUE ("innovation_id", "stage_key"), CONSTRAINT "PK_82f191404a08681a45e9e93a225" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "stage_results_competition_stage_idx" ON "stage_results"  ("competition_id", "stage_key", "status") `);
    await q.query(
      `CREATE TABLE "presentation_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "innovation_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "link" character varying(500), "panel" uuid array NOT NULL DEFAULT '{}', "note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1458b382caf9bccfa722212cdb5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "presentation_slots_competition_time_idx" ON "presentation_slots"  ("competition_id", "starts_at") `);
    await q.query(`CREATE INDEX "presentation_slots_innovation_idx" ON "presentation_slots"  ("innovation_id") `);
    await q.query(
      `CREATE TABLE "field_visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "innovation_id" uuid NOT NULL, "visit_at" TIMESTAMP WITH TIME ZONE NOT NULL, "address" character varying(500) NOT NULL, "verifiers" uuid array NOT NULL DEFAULT '{}', "checklist" jsonb NOT NULL DEFAULT '[]', "findings" text, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d605c690239fd6fc5202d93417b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "field_visits_innovation_idx" ON "field_visits"  ("innovation_id") `);
    await q.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "stage_key" character varying(40) NOT NULL, "innovation_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "source" character varying(10) NOT NULL DEFAULT 'auto', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "assignments_competition_stage_idx" ON "assignments"  ("competition_id", "stage_key") `);
    await q.query(`CREATE INDEX "assignments_juror_idx" ON "assignments"  ("juror_id", "competition_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "assignments_active_uq" ON "assignments"  ("stage_key", "innovation_id", "juror_id") WHERE removed_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "score_sheets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "scores" jsonb NOT NULL DEFAULT '{}', "comment" text, "version" integer NOT NULL DEFAULT '1', "no_conflict_confirmed_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e6230a5aa8654a69fcb545a90b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "score_sheets_assignment_uq" ON "score_sheets"  ("assignment_id") `);
    await q.query(
      `CREATE TABLE "score_sheet_versions" ("id" BIGSERIAL NOT NULL, "sheet_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL, "scores" jsonb NOT NULL, "comment" text, "saved_by" uuid NOT NULL, "reason" text, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "score_sheet_versions_sheet_version_uq" UNIQUE ("sheet_id", "version"), CONSTRAINT "PK_39366fd10fa15cd3b2958f32d54" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "conflict_declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "juror_id" uuid NOT NULL, "innovation_id" uuid NOT NULL, "reason" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "conflict_declarations_juror_innovation_uq" UNIQUE ("juror_id", "innovation_id"), CONSTRAINT "PK_54773c4de5f8dd35925794876a6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "conflict_declarations_innovation_idx" ON "conflict_declarations"  ("innovation_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."conflict_declarations_innovation_idx"`);
    await q.query(`DROP TABLE "conflict_declarations"`);
    await q.query(`DROP TABLE "score_sheet_versions"`);
    await q.query(`DROP INDEX "public"."score_sheets_assignment_uq"`);
    await q.query(`DROP TABLE "score_sheets"`);
    await q.query(`DROP INDEX "public"."assignments_active_uq"`);
    await q.query(`DROP INDEX "public"."assignments_juror_idx"`);
    await q.query(`DROP INDEX "public"."assignments_competition_stage_idx"`);
    await q.query(`DROP TABLE "assignments"`);
    await q.query(`DROP INDEX "public"."field_visits_innovation_idx"`);
    await q.query(`DROP TABLE "field_visits"`);
    await q.query(`DROP INDEX "public"."presentation_slots_innovation_idx"`);
    await q.query(`DROP INDEX "public"."presentation_slots_competition_time_idx"`);
    await q.query(`DROP TABLE "presentation_slots"`);
    await q.query(`DROP INDEX "public"."stage_results_competition_stage_idx"`);
    await q.query(`DROP TABLE "stage_results"`);
  }
}
