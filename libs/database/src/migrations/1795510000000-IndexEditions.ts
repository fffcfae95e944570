import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexEditions1795510000000 implements MigrationInterface {
  name = 'IndexEditions1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "index_editions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" character varying(200) NOT NULL, "year" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "framework" jsonb NOT NULL, "categories" jsonb NOT NULL, "self_assessment_opens_at" TIMESTAMP WITH TIME ZONE, "self_assessment_closes_at" TIMESTAMP WITH TIME ZONE, "verification_opens_at" TIMESTAMP WITH TIME ZONE, "verification_closes_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_index_editions_slug" UNIQUE ("slug"), CONSTRAINT "PK_index_editions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "index_participants" ("edition_id" uuid NOT NULL, "region_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, CONSTRAINT "PK_index_participants" PRIMARY KEY ("edition_id", "region_id"))`,
    );
    await q.query(
      `CREATE TABLE "index_innovations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "region_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "innovation_id" uuid, "eligible" boolean, "eligibility_reason" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "index_innovations_edition_innovation_uq" UNIQUE ("edition_id", "innovation_id"), CONSTRAINT "PK_index_innovations" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "index_innovations_edition_region_idx" ON "index_innovations" ("edition_id") `);
    await q.query(
      `CREATE TABLE "index_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "region_id" uuid NOT NULL, "index_innovation_id" uuid, "owner" character varying(40) NOT NULL, "indicator" character varying(80) NOT NULL, "self_option" character varying(80) NOT NULL, "link" text, "verified_option" character varying(80), "verified_note" text, "verified_by" uuid, "version" integer NOT NULL DEFAULT 1, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "index_answers_owner_indicator_uq" UNIQUE ("edition_id", "owner", "indicator"), CONSTRAINT "PK_index_answers" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "index_answers_region_idx" ON "index_answers" ("region_id") `);
    await q.query(
      `CREATE TABLE "index_validators" ("edition_id" uuid NOT NULL, "region_id" uuid NOT NULL, "validator_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_index_validators" PRIMARY KEY ("edition_id", "region_id", "validator_id"))`,
    );
    await q.query(
      `CREATE TABLE "index_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "version" integer NOT NULL, "input" jsonb NOT NULL, "output" jsonb NOT NULL, "hash" character varying(80) NOT NULL, "reason" text, "labels" jsonb NOT NULL, "published_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "index_snapshots_edition_version_uq" UNIQUE ("edition_id", "version"), CONSTRAINT "PK_index_snapshots" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "index_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "region_id" uuid NOT NULL, "answer_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "file_name" character varying(200) NOT NULL, "media_type" character varying(60) NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_index_documents" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "index_documents_answer_idx" ON "index_documents" ("answer_id") `);
    // By hand: a published index never changes; a correction is a new version.
    await q.query(
      `CREATE FUNCTION index_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'index snapshots are immutable: publish a new version instead' USING ERRCODE = 'P0001'; END $$`,
    );
    await q.query(
      `CREATE TRIGGER index_snapshots_no_change BEFORE UPDATE OR DELETE ON "index_snapshots" FOR EACH ROW EXECUTE FUNCTION index_snapshots_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER index_snapshots_no_change ON "index_snapshots"`);
    await q.query(`DROP FUNCTION index_snapshots_immutable()`);
    await q.query(`DROP INDEX "public"."index_documents_answer_idx"`);
    await q.query(`DROP TABLE "index_documents"`);
    await q.query(`DROP TABLE "index_snapshots"`);
    await q.query(`DROP TABLE "index_validators"`);
    await q.query(`DROP INDEX "public"."index_answers_region_idx"`);
    await q.query(`DROP TABLE "index_answers"`);
    await q.query(`DROP INDEX "public"."index_innovations_edition_region_idx"`);
    await q.query(`DROP TABLE "index_innovations"`);
    await q.query(`DROP TABLE "index_participants"`);
    await q.query(`DROP TABLE "index_editions"`);
  }
}
