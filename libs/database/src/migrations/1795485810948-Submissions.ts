import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Submissions1795485810948 implements MigrationInterface {
  name = 'Submissions1795485810948';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "competitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" character varying(200) NOT NULL, "year" integer NOT NULL, "description" text, "status" character varying(20) NOT NULL DEFAULT 'draft', "plan" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_ef273910798c3a542b475e75c7d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "competitions_slug_uq" ON "competitions"  ("slug") `);
    await q.query(
      `CREATE TABLE "competition_organizers" ("competition_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_2d841d784af5310cb20fab305ca" PRIMARY KEY ("competition_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "competition_organizers_user_idx" ON "competition_organizers"  ("user_id") `);
    await q.query(
      `CREATE TABLE "competition_stages" ("competition_id" uuid NOT NULL, "key" character varying(40) NOT NULL, "position" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6dd8785fd328b0fbfce4f825e45" PRIMARY KEY ("competition_id", "key"))`,
    );
    await q.query(
      `CREATE TABLE "innovations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "region_id" uuid NOT NULL, "province_id" uuid, "category" character varying(40) NOT NULL, "status" character varying(30) NOT NULL DEFAULT 'draft', "current_stage" character varying(40), "title" character varying(300) NOT NULL DEFAULT '', "summary" text, "phase" character varying(20), "digital" boolean, "government_affair" character varying(200), "start_date" date, "problem" text, "approach" text, "results" text, "replicability" text, "sustainability" text, "sections" jsonb NOT NULL DEFAULT '{}'::jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_23de2e6a3caa56d497d24f2b76b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "innovations_region_idx" ON "innovations"  ("region_id") `);
    await q.query(`CREATE INDEX "innovations_competition_category_idx" ON "innovations"  ("competition_id", "category", "current_stage") `);
    await q.query(`CREATE INDEX "innovations_competition_org_idx" ON "innovations"  ("competition_id", "organization_id") `);
    await q.query(`CREATE INDEX "innovations_competition_status_idx" ON "innovations"  ("competition_id", "status") `);
    await q.query(
      `CREATE TABLE "innovation_status_history" ("id" BIGSERIAL NOT NULL, "innovation_id" uuid NOT NULL, "from_status" character varying(30), "to_status" character varying(30) NOT NULL, "stage" character varying(40), "actor_id" uuid, "actor_role" character varying(20) NOT NULL, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2371fe54c94a2d22eeaa2255dbb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "innovation_status_history_innovation_idx" ON "innovation_status_history"  ("innovation_id") `);
    await q.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "innovation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL DEFAULT 'evidence', "file_name" character varying(200) NOT NULL, "media_type" character varying(60) NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "documents_innovation_idx" ON "documents"  ("innovation_id") `);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "affiliations" SET DEFAULT '[]'::jsonb`);
    // By hand: the full-text index over title and summary (SEARCH_EXPRESSION in innovation.entity.ts).
    await q.query(
      `CREATE INDEX "innovations_search_idx" ON "innovations" USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '')))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."innovations_search_idx"`);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "affiliations" SET DEFAULT '[]'`);
    await q.query(`DROP INDEX "public"."documents_innovation_idx"`);
    await q.query(`DROP TABLE "documents"`);
    await q.query(`DROP INDEX "public"."innovation_status_history_innovation_idx"`);
    await q.query(`DROP TABLE "innovation_status_history"`);
    await q.query(`DROP INDEX "public"."innovations_competition_status_idx"`);
    await q.query(`DROP INDEX "public"."innovations_competition_org_idx"`);
    await q.query(`DROP INDEX "public"."innovations_competition_category_idx"`);
    await q.query(`DROP INDEX "public"."innovations_region_idx"`);
    await q.query(`DROP TABLE "innovations"`);
    await q.query(`DROP TABLE "competition_stages"`);
    await q.query(`DROP INDEX "public"."competition_organizers_user_idx"`);
    await q.query(`DROP TABLE "competition_organizers"`);
    await q.query(`DROP INDEX "public"."competitions_slug_uq"`);
    await q.query(`DROP TABLE "competitions"`);
  }
}
