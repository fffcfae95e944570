import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Region award entries (issue 17): a region's entry beside the innovations row that stands for it. */
export class RegionAwards1795740000000 implements MigrationInterface {
  name = 'RegionAwards1795740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "award_entries" (
      "innovation_id" uuid NOT NULL,
      "competition_id" uuid NOT NULL,
      "region_id" uuid NOT NULL,
      "category" varchar(40) NOT NULL,
      "groups" text array NOT NULL DEFAULT '{}',
      "index_ranks" jsonb NOT NULL,
      "index_snapshot_id" uuid NOT NULL,
      "iid" double precision NOT NULL,
      "presenter_name" varchar(200),
      "presenter_position" varchar(200),
      "materials_url" varchar(1000),
      "showcase" jsonb NOT NULL DEFAULT '[]',
      "prepared_by" uuid,
      "version" integer NOT NULL DEFAULT 1,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "award_entries_pk" PRIMARY KEY ("innovation_id"),
      CONSTRAINT "award_entries_innovation_fk" FOREIGN KEY ("innovation_id") REFERENCES "innovations"("id") ON DELETE CASCADE,
      CONSTRAINT "award_entries_competition_fk" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE,
      CONSTRAINT "award_entries_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT,
      CONSTRAINT "award_entries_snapshot_fk" FOREIGN KEY ("index_snapshot_id") REFERENCES "index_snapshots"("id") ON DELETE RESTRICT,
      CONSTRAINT "award_entries_competition_region_uq" UNIQUE ("competition_id", "region_id")
    )`);
    await q.query(`CREATE INDEX "award_entries_competition_idx" ON "award_entries" ("competition_id")`);
    await q.query(`CREATE INDEX "award_entries_region_idx" ON "award_entries" ("region_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "award_entries"`);
  }
}
