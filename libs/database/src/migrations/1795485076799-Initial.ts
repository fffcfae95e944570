import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795485076799 implements MigrationInterface {
  name = 'Initial1795485076799';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "action" character varying(80) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(100) NOT NULL, "competition_id" uuid, "before" jsonb, "after" jsonb, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "audit_events_competition_idx" ON "audit_events"  ("competition_id") `);
    await q.query(`CREATE INDEX "audit_events_entity_idx" ON "audit_events"  ("entity_type", "entity_id") `);
    await q.query(
      `CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4f6dc5a464961e7c65a395ea4c6" UNIQUE ("code"), CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "regions_parent_idx" ON "regions"  ("parent_id") `);
    await q.query(`CREATE UNIQUE INDEX "regions_name_kind_uq" ON "regions"  ("name", "kind") `);
    await q.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40), "name" character varying(300) NOT NULL, "kind" character varying(20) NOT NULL DEFAULT 'opd', "region_id" uuid NOT NULL, "email" character varying(320), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7e27c3b62c681fbe3e2322535f2" UNIQUE ("code"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "organizations_region_idx" ON "organizations"  ("region_id") `);
    await q.query(`CREATE UNIQUE INDEX "organizations_region_name_uq" ON "organizations"  ("region_id", "name") `);
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "organization_id" uuid, "region_id" uuid, "affiliations" jsonb NOT NULL DEFAULT '[]'::jsonb, "locale" character varying(2) NOT NULL DEFAULT 'id', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_coordinator_region_ck" CHECK (role <> 'coordinator' OR region_id IS NOT NULL), CONSTRAINT "users_opd_org_ck" CHECK (role <> 'opd' OR organization_id IS NOT NULL), CONSTRAINT "users_role_ck" CHECK (role IN ('admin','organizer','coordinator','opd','juror')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "users_email_uq" ON "users"  ("email") `);
    await q.query(`CREATE INDEX "users_organization_idx" ON "users"  ("organization_id") `);
    await q.query(`CREATE INDEX "users_region_idx" ON "users"  ("region_id") `);
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id") `);
    await q.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id") `);
    await q.query(`CREATE UNIQUE INDEX "refresh_tokens_hash_uq" ON "refresh_tokens"  ("token_hash") `);
    await q.query(
      `ALTER TABLE "regions" ADD CONSTRAINT "FK_b1dc15f575548116575b521d8de" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "FK_a79e62a8a8b4406db348559eee8" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_a79e62a8a8b4406db348559eee8"`);
    await q.query(`ALTER TABLE "regions" DROP CONSTRAINT "FK_b1dc15f575548116575b521d8de"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_hash_uq"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_family_idx"`);
    await q.query(`DROP INDEX "public"."refresh_tokens_user_idx"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP INDEX "public"."users_region_idx"`);
    await q.query(`DROP INDEX "public"."users_organization_idx"`);
    await q.query(`DROP INDEX "public"."users_email_uq"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP INDEX "public"."organizations_region_name_uq"`);
    await q.query(`DROP INDEX "public"."organizations_region_idx"`);
    await q.query(`DROP TABLE "organizations"`);
    await q.query(`DROP INDEX "public"."regions_name_kind_uq"`);
    await q.query(`DROP INDEX "public"."regions_parent_idx"`);
    await q.query(`DROP TABLE "regions"`);
    await q.query(`DROP INDEX "public"."audit_events_entity_idx"`);
    await q.query(`DROP INDEX "public"."audit_events_competition_idx"`);
    await q.query(`DROP TABLE "audit_events"`);
  }
}
