import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxDraft, OutboxStatus, OutboxType } from '../domain';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxFilter {
  status?: OutboxStatus;
  type?: OutboxType;
  competitionId?: string;
  /** An organizer sees only the rows of the competitions they run. */
  organizerId?: string;
}

const ORGANIZER_SCOPE_SQL = `o.competition_id IN (SELECT competition_id FROM competition_organizers WHERE user_id = :organizerId)`;

/** Rows per INSERT (12 array parameters, whatever the rows): bounds one statement's size. */
const INSERT_CHUNK = 5_000;

const DELIVERABLE_SQL = `o.status IN ('pending','failed')`;
/** PostgreSQL's lock_timeout error. */
const LOCK_NOT_AVAILABLE = '55P03';

/** What delivering a row needs of it. */
export type DeliveryRow = Pick<
  OutboxMessageEntity,
  | 'id'
  | 'type'
  | 'recipientId'
  | 'channel'
  | 'address'
  | 'locale'
  | 'payload'
  | 'attempts'
  | 'maxAttempts'
  | 'availableAt'
  | 'guard'
  | 'competitionId'
>;
const DELIVERY_COLUMNS = `o.id, o.type, o.recipient_id, o.channel, o.address, o.locale, o.payload, o.attempts, o.max_attempts, o.available_at, o.guard, o.competition_id`;
interface RawDeliveryRow {
  id: string;
  type: OutboxType;
  recipient_id: string;
  channel: DeliveryRow['channel'];
  address: string | null;
  locale: DeliveryRow['locale'];
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  available_at: Date;
  guard: string | null;
  competition_id: string | null;
}
const toDeliveryRow = (r: RawDeliveryRow): DeliveryRow => ({
  id: r.id,
  type: r.type,
  recipientId: r.recipient_id,
  channel: r.channel,
  address: r.address,
  locale: r.locale,
  payload: r.payload,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  availableAt: r.available_at,
  guard: r.guard,
  competitionId: r.competition_id,
});

/** A row's state, for telling why a delivery could not claim it. */
export interface DeliveryState {
  id: string;
  status: OutboxStatus;
  held: boolean;
  availableAt: Date;
  deliveringUntil: Date | null;
}

/** A delivery's outcome for one row: sent (`note` says why when nothing was sent), or failed / dead after an attempt. */
export type DeliveryRecord = { id: string; at: Date } & (
  { status: 'sent'; note: string | null } | { status: 'failed' | 'dead'; attempts: number; availableAt: Date; lastError: string }
);

/** The outbox rows: written in the caller's transaction, then claimed, and their outcomes recorded, in batches for delivery. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(OutboxMessageEntity);
  }

  /**
   * Inserts the rows whose dedupe key is new (ON CONFLICT DO NOTHING); returns the ids written. One statement
   * per INSERT_CHUNK rows with one array parameter per column (unnest): a results publication writes two rows
   * for each of thousands of recipients, and TypeORM's insert builder spent ≈ 1 ms of CPU per row building the
   * statement (bench/RESULTS.md). A payload shared by many rows (one event's) is serialized once.
   */
  async insert(tx: EntityManager, rows: (OutboxDraft & { maxAttempts: number })[]): Promise<string[]> {
    const ids: string[] = [];
    const payloads = new Map<object, string>();
    const payloadText = (p: Record<string, unknown>) => {
      let text = payloads.get(p);
      if (text === undefined) payloads.set(p, (text = JSON.stringify(p)));
      return text;
    };
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO outbox_messages (type, recipient_id, channel, address, locale, payload, dedupe_key, competition_id, available_at, guard, held, max_attempts)
         SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::varchar[], $8::uuid[], $9::timestamptz[], $10::varchar[], $11::boolean[], $12::int[])
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          chunk.map((r) => r.type),
          chunk.map((r) => r.recipientId),
          chunk.map((r) => r.channel),
          chunk.map((r) => r.address),
          chunk.map((r) => r.locale),
          chunk.map((r) => payloadText(r.payload)),
          chunk.map((r) => r.dedupeKey),
          chunk.map((r) => r.competitionId),
          chunk.map((r) => r.availableAt),
          chunk.map((r) => r.guard),
          chunk.map((r) => r.held),
          chunk.map((r) => r.maxAttempts),
        ],
      );
      for (const r of inserted) ids.push(r.id);
    }
    return ids;
  }

  /** Locked without skipping, for an operator's change. */
  lock(tx: EntityManager, id: string): Promise<OutboxMessageEntity | null> {
    return this.repo(tx).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  /**
   * Marks sent, with a note, the pending or failed messages of a type and competition whose payload names one of
   * `values` under `key` — all of them for `drop`, and for `keepOnly` those whose payload `dueAt` is not `dueAt`.
   */
  async skipPending(
    tx: EntityManager,
    filter: { type: string; competitionId: string; key: string; drop: string[]; keepOnly: string[]; dueAt: string | null },
    now: Date,
    note: string,
  ): Promise<void> {
    if (!filter.drop.length && !filter.keepOnly.length) return;
    await tx.query(
      `UPDATE outbox_messages o SET status = 'sent', sent_at = $5, claimed_until = NULL, note = $6
        WHERE o.type = $1 AND o.competition_id = $2 AND o.status IN ('pending', 'failed')
          AND (o.payload->>$7 = ANY($3::text[])
               OR (o.payload->>$7 = ANY($4::text[]) AND ($8::timestamptz IS NULL OR (o.payload->>'dueAt')::timestamptz <> $8::timestamptz)))`,
      [filter.type, filter.competitionId, filter.drop, filter.keepOnly, now, note, filter.key, filter.dueAt],
    );
  }

  async markSent(tx: EntityManager, ids: string[], now: Date, note: string | null = null): Promise<void> {
    if (ids.length)
      await this.repo(tx)
        .createQueryBuilder()
        .update()
        .set({ status: 'sent', sentAt: now, note, claimedUntil: null })
        .whereInIds(ids)
        .execute();
  }

  /** dead → pending with a fresh set of attempts. */
  async replay(tx: EntityManager, id: string, now: Date): Promise<void> {
    await this.repo(tx).update(
      { id },
      { status: 'pending', attempts: 0, lastError: null, availableAt: now, claimedUntil: null, jobId: null, deliveringUntil: null },
    );
  }

  /**
   * Takes rows for delivery in one statement: deliverable, not held, due by `dueBy`, held by no other delivery (or
   * its hold ran out) — `ids` of them, or else the `limit` oldest due, skipping rows locked at that moment (SKIP
   * LOCKED). They are held until `until` (renewed while sending, cleared by {@link record}); the statement commits
   * at once. With `waitMs`, rows given by id that another transaction has locked (the relay's, until it commits the
   * hand-over of the job that names them) are waited for, that long at most, then skipped.
   */
  async claimForDelivery(
    select: { ids: readonly string[]; waitMs?: number } | { limit: number },
    now: Date,
    dueBy: Date,
    until: Date,
  ): Promise<DeliveryRow[]> {
    const byIds = 'ids' in select;
    if (byIds && select.ids.length === 0) return [];
    const claim = async (tx: EntityManager, skipLocked: boolean) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, row count].
      const [rows]: [RawDeliveryRow[], number] = await tx.query(
        `UPDATE outbox_messages o SET delivering_until = $3
          WHERE o.id IN (
            SELECT c.id FROM outbox_messages c
             WHERE c.status IN ('pending','failed') AND NOT c.held AND c.available_at <= $2
               AND (c.delivering_until IS NULL OR c.delivering_until <= $1)
               ${byIds ? 'AND c.id = ANY($4::uuid[]) ORDER BY c.id LIMIT cardinality($4::uuid[])' : 'ORDER BY c.available_at LIMIT $4'}
             FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''})
          RETURNING ${DELIVERY_COLUMNS}`,
        [now, dueBy, until, byIds ? select.ids : select.limit],
      );
      return rows.map(toDeliveryRow);
    };
    if (!byIds || !select.waitMs) return claim(this.db.manager, true);
    try {
      // Locks taken in id order: two deliveries waiting for each other's rows cannot deadlock.
      return await this.db.transaction(async (tx) => {
        await tx.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(select.waitMs!))}`);
        return claim(tx, false);
      });
    } catch (err) {
      if ((err as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw err;
      return claim(this.db.manager, true);
    }
  }

  /** Why rows were not claimed: their state now (a row that is not there is missing from the answer). */
  async deliveryStates(ids: readonly string[]): Promise<DeliveryState[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; status: OutboxStatus; held: boolean; available_at: Date; delivering_until: Date | null }[] =
      await this.db.query(`SELECT id, status, held, available_at, delivering_until FROM outbox_messages WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      held: r.held,
      availableAt: r.available_at,
      deliveringUntil: r.delivering_until,
    }));
  }

  /** A delivery still sending these rows keeps them until `until`. */
  async renewDelivery(ids: readonly string[], until: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox_messages o SET delivering_until = $2 WHERE o.id = ANY($1::uuid[]) AND o.delivering_until IS NOT NULL AND ${DELIVERABLE_SQL}`,
      [ids, until],
    );
  }

  /**
   * Lets go of claimed rows it did not get to (shutdown) — or, with `toRelay`, rows a job found not due yet,
   * which the relay then hands over again as delayed jobs.
   */
  async releaseDelivery(ids: readonly string[], toRelay = false): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox_messages o SET delivering_until = NULL${toRelay ? ', claimed_until = NULL' : ''} WHERE o.id = ANY($1::uuid[]) AND ${DELIVERABLE_SQL}`,
      [ids],
    );
  }

  /**
   * Records delivery outcomes in one statement: sent (with a note when skipped), failed (retried at `availableAt`)
   * or dead; the row is let go (no hold, no relay lease). A row that meanwhile became sent or dead keeps that.
   */
  async record(tx: EntityManager | null, outcomes: readonly DeliveryRecord[]): Promise<void> {
    if (outcomes.length === 0) return;
    await (tx ?? this.db.manager).query(
      `UPDATE outbox_messages o SET
          status = v.status,
          attempts = COALESCE(v.attempts, o.attempts),
          available_at = COALESCE(v.available_at, o.available_at),
          last_error = CASE WHEN v.status = 'sent' THEN o.last_error ELSE v.last_error END,
          note = CASE WHEN v.status = 'sent' THEN v.note ELSE o.note END,
          sent_at = CASE WHEN v.status = 'sent' THEN v.at ELSE o.sent_at END,
          claimed_until = NULL, delivering_until = NULL
        FROM unnest($1::uuid[], $2::varchar[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[])
          AS v(id, status, attempts, available_at, last_error, note, at)
       WHERE o.id = v.id AND ${DELIVERABLE_SQL}`,
      [
        outcomes.map((r) => r.id),
        outcomes.map((r) => r.status),
        outcomes.map((r) => (r.status === 'sent' ? null : r.attempts)),
        outcomes.map((r) => (r.status === 'sent' ? null : r.availableAt)),
        outcomes.map((r) => (r.status === 'sent' ? null : r.lastError.slice(0, 2000))),
        outcomes.map((r) => (r.status === 'sent' ? r.note : null)),
        outcomes.map((r) => r.at),
      ],
    );
  }

  /**
   * Queue mode: deliverable rows not handed to the queue yet, or whose hand-over lease ran out; locked
   * (SKIP LOCKED) until the transaction that enqueues them commits. Future rows are included: they
   * become delayed jobs.
   */
  claimable(tx: EntityManager, now: Date, limit: number): Promise<OutboxMessageEntity[]> {
    return this.repo(tx)
      .createQueryBuilder('o')
      .where(DELIVERABLE_SQL)
      .andWhere('NOT o.held AND (o.claimed_until IS NULL OR o.claimed_until <= :now)', { now })
      .andWhere('(o.delivering_until IS NULL OR o.delivering_until <= :now)', { now })
      .orderBy('o.available_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The relay will not hand these rows over again before their due time plus `leaseMs`; each is in job `jobId`. */
  async claim(tx: EntityManager, rows: readonly { id: string; jobId: string }[], now: Date, leaseMs: number): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `UPDATE outbox_messages o SET job_id = v.job_id,
          claimed_until = GREATEST(o.available_at, $2::timestamptz) + make_interval(secs => $3::double precision / 1000)
        FROM unnest($1::uuid[], $4::varchar[]) AS v(id, job_id) WHERE o.id = v.id`,
      [rows.map((r) => r.id), now, leaseMs, rows.map((r) => r.jobId)],
    );
  }

  /** Held e-mails whose digest time has come, locked, grouped by the caller. */
  heldDue(tx: EntityManager, now: Date, limit: number): Promise<OutboxMessageEntity[]> {
    return this.repo(tx)
      .createQueryBuilder('o')
      .where(`o.held AND o.status = 'pending' AND o.available_at <= :now`, { now })
      .orderBy('o.recipient_id')
      .addOrderBy('o.created_at')
      .addOrderBy('o.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  list(filter: OutboxFilter, page: number, pageSize: number): Promise<[OutboxMessageEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('o')
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.type) qb.andWhere('o.type = :type', { type: filter.type });
    if (filter.competitionId) qb.andWhere('o.competition_id = :cid', { cid: filter.competitionId });
    if (filter.organizerId) qb.andWhere(ORGANIZER_SCOPE_SQL, { organizerId: filter.organizerId });
    return qb.getManyAndCount();
  }

  /** Whether an organizer runs the competition of this row (rows of no competition are the admins'). */
  async organizerMayTouch(id: string, organizerId: string, tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.repo().manager).query(
      `SELECT 1 FROM outbox_messages o WHERE o.id = $1 AND ${ORGANIZER_SCOPE_SQL.replace(':organizerId', '$2')}`,
      [id, organizerId],
    );
    return rows.length > 0;
  }

  async countsByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.repo()
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('o.status')
      .getRawMany<{ status: OutboxStatus; n: number }>();
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, dead: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }
}
