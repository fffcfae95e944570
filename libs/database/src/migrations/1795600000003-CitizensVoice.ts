import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys (SKM → IKM) per service unit, evidence of impact, and the public favourite vote (issue 22).
 * Foreign keys stay inside the context (as the entities declare them); organizations, innovations and
 * competitions belong to other contexts and are referenced by id only.
 */
export class CitizensVoice1795600000003 implements MigrationInterface {
  name = 'CitizensVoice1795600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "survey_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "population" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_units_organization_name_uq" UNIQUE ("organization_id", "name"), CONSTRAINT "survey_units_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "survey_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL REFERENCES "survey_units"("id"), "code" character varying(16) NOT NULL, "label" character varying(120) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "population" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_periods_window_ck" CHECK (opens_at < closes_at), CONSTRAINT "survey_periods_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "survey_periods_unit_idx" ON "survey_periods" ("unit_id")`);
    await q.query(`CREATE UNIQUE INDEX "survey_periods_code_uq" ON "survey_periods" ("code")`);
    await q.query(
      `CREATE TABLE "survey_exclusions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL REFERENCES "survey_periods"("id"), "reason" text NOT NULL, "responses" integer NOT NULL, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_exclusions_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "survey_exclusions_period_idx" ON "survey_exclusions" ("period_id")`);
    await q.query(
      `CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL REFERENCES "survey_periods"("id"), "u1" smallint NOT NULL, "u2" smallint NOT NULL, "u3" smallint NOT NULL, "u4" smallint NOT NULL, "u5" smallint NOT NULL, "u6" smallint NOT NULL, "u7" smallint NOT NULL, "u8" smallint NOT NULL, "u9" smallint NOT NULL, "suggestion" text, "age" smallint, "sex" character varying(1), "education" character varying(20), "occupation" character varying(20), "source" character varying(10) NOT NULL, "respondent_hash" character varying(64), "address_hash" character varying(64), "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "exclusion_id" uuid REFERENCES "survey_exclusions"("id"), CONSTRAINT "survey_responses_answers_ck" CHECK (u1 BETWEEN 1 AND 4 AND u2 BETWEEN 1 AND 4 AND u3 BETWEEN 1 AND 4 AND u4 BETWEEN 1 AND 4 AND u5 BETWEEN 1 AND 4 AND u6 BETWEEN 1 AND 4 AND u7 BETWEEN 1 AND 4 AND u8 BETWEEN 1 AND 4 AND u9 BETWEEN 1 AND 4), CONSTRAINT "survey_responses_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "survey_responses_period_at_idx" ON "survey_responses" ("period_id", "submitted_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "survey_responses_respondent_uq" ON "survey_responses" ("period_id", "respondent_hash") WHERE respondent_hash IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "survey_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "innovation_id" uuid NOT NULL, "unit_id" uuid NOT NULL REFERENCES "survey_units"("id"), "before_period_id" uuid NOT NULL REFERENCES "survey_periods"("id"), "after_period_id" uuid NOT NULL REFERENCES "survey_periods"("id"), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_evidence_innovation_unit_uq" UNIQUE ("innovation_id", "unit_id"), CONSTRAINT "survey_evidence_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "survey_evidence_innovation_idx" ON "survey_evidence" ("innovation_id")`);
    await q.query(
      `CREATE TABLE "citizen_rate_limits" ("key" character varying(100) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "citizen_rate_limits_pk" PRIMARY KEY ("key", "window_start"))`,
    );
    await q.query(
      `CREATE TABLE "favourite_polls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "category" character varying(40) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "candidates" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "favourite_polls_competition_category_uq" UNIQUE ("competition_id", "category"), CONSTRAINT "favourite_polls_window_ck" CHECK (opens_at < closes_at), CONSTRAINT "favourite_polls_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "favourite_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL REFERENCES "favourite_polls"("id"), "innovation_id" uuid NOT NULL, "voter_hash" character varying(64) NOT NULL, "email_domain" character varying(255) NOT NULL, "address_hash" character varying(64), "channel" character varying(10) NOT NULL, "token_hash" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "favourite_votes_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "favourite_votes_voter_uq" ON "favourite_votes" ("poll_id", "voter_hash") WHERE verified_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "favourite_votes_poll_idx" ON "favourite_votes" ("poll_id", "requested_at")`);
    await q.query(`CREATE UNIQUE INDEX "favourite_votes_token_uq" ON "favourite_votes" ("token_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'favourite_votes',
      'favourite_polls',
      'citizen_rate_limits',
      'survey_evidence',
      'survey_responses',
      'survey_exclusions',
      'survey_periods',
      'survey_units',
    ])
      await q.query(`DROP TABLE "${table}"`);
  }
}
