import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FailureOutcome, OutboxDraft, OutboxStatus, OutboxType } from '../domain';
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

/** The outbox rows: written in the caller's transaction, then locked one at a time for delivery. */
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

  /** The row, locked for this transaction; `busy` when another transaction holds it (SKIP LOCKED). */
  async lockForDelivery(tx: EntityManager, id: string): Promise<OutboxMessageEntity | 'busy' | null> {
    const row = await this.repo(tx)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('o.id = :id', { id })
      .getOne();
    if (row) return row;
    return (await this.repo(tx).existsBy({ id })) ? 'busy' : null;
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

  async markFailed(tx: EntityManager, id: string, outcome: FailureOutcome, error: string): Promise<void> {
    await this.repo(tx).update(
      { id },
      {
        status: outcome.status,
        attempts: outcome.attempts,
        availableAt: outcome.availableAt,
        lastError: error.slice(0, 2000),
        claimedUntil: null,
      },
    );
  }

  /** Hands the row back to the relay (a job fired before the row was due). */
  async release(tx: EntityManager, id: string): Promise<void> {
    await this.repo(tx).update({ id }, { claimedUntil: null });
  }

  /** dead → pending with a fresh set of attempts. */
  async replay(tx: EntityManager, id: string, now: Date): Promise<void> {
    await this.repo(tx).update({ id }, { status: 'pending', attempts: 0, lastError: null, availableAt: now, claimedUntil: null });
  }

  /** In-process mode: ids of rows due now, oldest first (each is then locked by the delivery handler). */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.repo()
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(DELIVERABLE_SQL)
      .andWhere('NOT o.held AND o.available_at <= :now', { now })
      .orderBy('o.available_at')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
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
      .orderBy('o.available_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The relay will not hand these rows over again before their due time plus `leaseMs`. */
  async claim(tx: EntityManager, ids: string[], now: Date, leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE outbox_messages SET claimed_until = GREATEST(available_at, $2::timestamptz) + make_interval(secs => $3::double precision / 1000) WHERE id = ANY($1::uuid[])`,
      [ids, now, leaseMs],
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
