import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795486368106 implements MigrationInterface {
  name = 'Notifications1795486368106';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "title" character varying(500) NOT NULL, "body" text NOT NULL, "link" character varying(1000), "payload" jsonb NOT NULL, "outbox_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "notifications_outbox_uq" ON "notifications"  ("outbox_id") `);
    await q.query(`CREATE INDEX "notifications_unread_idx" ON "notifications"  ("user_id") WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX "notifications_user_created_idx" ON "notifications"  ("user_id", "created_at") `);
    await q.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(40) NOT NULL, "recipient_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "address" character varying(320), "locale" character varying(2) NOT NULL DEFAULT 'id', "payload" jsonb NOT NULL, "dedupe_key" character varying(400) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "last_error" text, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_until" TIMESTAMP WITH TIME ZONE, "held" boolean NOT NULL DEFAULT false, "guard" character varying(100), "note" text, "competition_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbox_messages_status_ck" CHECK (status IN ('pending','sent','failed','dead')), CONSTRAINT "outbox_messages_channel_ck" CHECK (channel IN ('email','inbox')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "outbox_messages_recipient_idx" ON "outbox_messages"  ("recipient_id") `);
    await q.query(`CREATE UNIQUE INDEX "outbox_messages_dedupe_key_uq" ON "outbox_messages"  ("dedupe_key") `);
    await q.query(`CREATE INDEX "outbox_messages_competition_idx" ON "outbox_messages"  ("competition_id") `);
    await q.query(`CREATE INDEX "outbox_messages_status_type_idx" ON "outbox_messages"  ("status", "type") `);
    await q.query(`CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages"  ("available_at") WHERE status IN ('pending','failed')`);
    await q.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "digest" character varying(10) NOT NULL DEFAULT 'immediate', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preferences_digest_ck" CHECK (digest IN ('immediate','daily')), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification_preferences"`);
    await q.query(`DROP INDEX "public"."outbox_messages_due_idx"`);
    await q.query(`DROP INDEX "public"."outbox_messages_status_type_idx"`);
    await q.query(`DROP INDEX "public"."outbox_messages_competition_idx"`);
    await q.query(`DROP INDEX "public"."outbox_messages_dedupe_key_uq"`);
    await q.query(`DROP INDEX "public"."outbox_messages_recipient_idx"`);
    await q.query(`DROP TABLE "outbox_messages"`);
    await q.query(`DROP INDEX "public"."notifications_user_created_idx"`);
    await q.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await q.query(`DROP INDEX "public"."notifications_outbox_uq"`);
    await q.query(`DROP TABLE "notifications"`);
  }
}
