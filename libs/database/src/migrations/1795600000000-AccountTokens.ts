import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links to set (invitation) or reset a password: only the token's SHA-256 is kept (issue 19). */
export class AccountTokens1795600000000 implements MigrationInterface {
  name = 'AccountTokens1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_tokens_purpose_ck" CHECK (purpose IN ('invitation','password_reset')), CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "account_tokens_hash_uq" ON "account_tokens" ("token_hash")`);
    await q.query(`CREATE INDEX "account_tokens_user_idx" ON "account_tokens" ("user_id", "purpose")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "account_tokens"`);
  }
}
