import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Results1795486844639 implements MigrationInterface {
  name = 'Results1795486844639';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ranking_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "version" integer NOT NULL, "input" jsonb NOT NULL, "output" jsonb NOT NULL, "hash" character varying(80) NOT NULL, "reason" text, "labels" jsonb NOT NULL, "published_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ranking_snapshots_competition_version_uq" UNIQUE ("competition_id", "version"), CONSTRAINT "PK_6253f2250aeb3c754d80821ec06" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ranking_snapshots_competition_idx" ON "ranking_snapshots"  ("competition_id") `);
    await q.query(
      `CREATE TABLE "ranking_announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "output" jsonb NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "announced_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e3dcf53b7bdaea8fdb0621d3be" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ranking_announcements_competition_idx" ON "ranking_announcements"  ("competition_id") `);
    await q.query(
      `CREATE TABLE "objections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "announcement_id" uuid NOT NULL, "competition_id" uuid NOT NULL, "innovation_id" uuid NOT NULL, "filed_by" uuid NOT NULL, "reason" text NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" text, "decision" character varying(20), "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "objections_announcement_innovation_uq" UNIQUE ("announcement_id", "innovation_id"), CONSTRAINT "PK_6bb81f77d9eabef4f46e9c0934f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "objections_competition_idx" ON "objections"  ("competition_id") `);
    // By hand: a published snapshot never changes; a correction is a new version.
    await q.query(
      `CREATE FUNCTION ranking_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ranking snapshots are immutable: publish a new version instead' USING ERRCODE = 'P0001'; END $$`,
    );
    await q.query(
      `CREATE TRIGGER ranking_snapshots_no_change BEFORE UPDATE OR DELETE ON "ranking_snapshots" FOR EACH ROW EXECUTE FUNCTION ranking_snapshots_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ranking_snapshots_no_change ON "ranking_snapshots"`);
    await q.query(`DROP FUNCTION ranking_snapshots_immutable()`);
    await q.query(`DROP INDEX "public"."objections_competition_idx"`);
    await q.query(`DROP TABLE "objections"`);
    await q.query(`DROP INDEX "public"."ranking_announcements_competition_idx"`);
    await q.query(`DROP TABLE "ranking_announcements"`);
    await q.query(`DROP INDEX "public"."ranking_snapshots_competition_idx"`);
    await q.query(`DROP TABLE "ranking_snapshots"`);
  }
}
