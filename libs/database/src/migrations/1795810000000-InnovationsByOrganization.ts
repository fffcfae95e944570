import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organization's innovations across editions (the OPD's "Inovasi saya", GET /api/me/innovations) by an index
 * of their own: innovations_competition_org_idx leads with the competition, so that page scanned the whole index.
 */
export class InnovationsByOrganization1795810000000 implements MigrationInterface {
  name = 'InnovationsByOrganization1795810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "innovations_organization_idx" ON "innovations" ("organization_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."innovations_organization_idx"`);
  }
}
