import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Batcher, Limiter } from '@app/common';
import type { AppEnv } from '@app/config';
import {
  afterFailure,
  DIGEST_TYPE,
  DUE_TOLERANCE_MS,
  isDeliverable,
  renderDigest,
  renderMessage,
  type BackoffPolicy,
  type DigestItem,
  type RenderedMessage,
} from '../domain';
import { InboxRepository, type InboxItem } from '../persistence/inbox.repository';
import { OutboxRepository, type DeliveryRecord, type DeliveryRow } from '../persistence/outbox.repository';
import { MailSender } from './mail-sender';
import { NotificationGuards } from './notification-guards';
import { withAccountToken } from './account-mail.writer';

/** Another delivery holds these rows right now; try again later (a queued job is retried by BullMQ). */
export class OutboxRowBusy extends Error {
  constructor(readonly outboxIds: readonly string[]) {
    super(
      `outbox ${outboxIds.length === 1 ? `row ${outboxIds[0]} is` : `rows ${outboxIds.join(', ')} are`} being delivered by someone else`,
    );
    this.name = 'OutboxRowBusy';
  }
}

/** sent / skipped (stale guard) / failed (will retry) / dead; the rest leave the row as it was. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'dead' | 'not-due' | 'done' | 'held' | 'missing' | 'busy';

/** Rows at most in one statement that records outcomes (the statement carries one array per column). */
const RECORD_BATCH = 1000;
/**
 * How long a job's claim waits for rows another transaction has locked: the relay's, which adds the job before it
 * commits the hand-over (milliseconds), or an operator's. Longer, they count as busy and the job is retried.
 */
const LOCK_WAIT_MS = 2000;

/** An outcome to record, with the inbox item to write with it (an inbox row's delivery is that item). */
type Recording = DeliveryRecord & { inbox?: InboxItem };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The one delivery handler, for the BullMQ worker and the in-process poller alike, working on batches of rows:
 * one statement claims them (a hold until now + QUEUE_LOCK_MS, renewed while sending, so another instance skips
 * them, and takes them over once a delivery that died lets the hold run out); every row is then sent on its own
 * through the process's NOTIFY_CONCURRENCY SMTP lanes, and its outcome recorded at once, many rows to a statement
 * (group commit): a failed row is retried alone with its backoff, and a crash resends only the mails in flight.
 * Idempotent: a row that is sent, dead, held for a digest or not due yet is left alone, so a repeated job is a no-op.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly backoff: BackoffPolicy;
  private readonly publicUrl: string;
  private readonly linkSecret: string;
  private readonly holdMs: number;
  /** SMTP sends (and inbox renders) at once in this process, across all batches. */
  private readonly lanes: Limiter;
  /** Outcomes recorded as they come, together while a statement is in flight. */
  private readonly recorder: Batcher<Recording, void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly inbox: InboxRepository,
    private readonly mail: MailSender,
    private readonly guards: NotificationGuards,
    config: ConfigService<AppEnv, true>,
  ) {
    const notify = config.get('notify', { infer: true });
    this.backoff = { baseMs: notify.backoffMs, maxMs: notify.backoffMaxMs };
    this.publicUrl = config.get('publicUrl', { infer: true });
    this.linkSecret = config.get('jwt', { infer: true }).refreshSecret;
    this.holdMs = config.get('queue', { infer: true }).lockMs;
    this.lanes = new Limiter(notify.concurrency);
    this.recorder = new Batcher((items) => this.write(items), { maxInFlight: 1, maxBatch: RECORD_BATCH, key: (r) => r.id });
  }

  /** One row (tests, and jobs queued before batches); throws {@link OutboxRowBusy} while another delivery holds it. */
  async deliver(outboxId: string, now: Date = new Date()): Promise<DeliveryOutcome> {
    return (await this.deliverBatch([outboxId], now)).get(outboxId)!;
  }

  /**
   * A queue job's rows: delivers those it can claim and answers every row's outcome; when some were held by another
   * delivery it delivers the rest, then throws {@link OutboxRowBusy} naming them (BullMQ retries the job; the rows
   * delivered meanwhile are `done` then).
   */
  async deliverBatch(ids: readonly string[], now: Date = new Date()): Promise<Map<string, DeliveryOutcome>> {
    const dueBy = new Date(now.getTime() + DUE_TOLERANCE_MS);
    const outcomes = new Map<string, DeliveryOutcome>();
    const unique = [...new Set(ids)];
    const claimed = await this.outbox.claimForDelivery({ ids: unique, waitMs: LOCK_WAIT_MS }, now, dueBy, this.holdUntil(now));
    const taken = new Set(claimed.map((r) => r.id));
    const rest = unique.filter((id) => !taken.has(id));
    const states = new Map((await this.outbox.deliveryStates(rest)).map((s) => [s.id, s]));
    const notDue: string[] = [];
    for (const id of rest) {
      const state = states.get(id);
      if (!state) outcomes.set(id, 'missing');
      else if (!isDeliverable(state.status)) outcomes.set(id, 'done');
      else if (state.held) outcomes.set(id, 'held');
      else if (state.availableAt > dueBy) notDue.push(id);
      else outcomes.set(id, 'busy'); // held by another delivery, or locked longer than LOCK_WAIT_MS
    }
    await this.outbox.releaseDelivery(notDue, true);
    for (const id of notDue) outcomes.set(id, 'not-due');
    for (const [id, outcome] of await this.run(claimed, now)) outcomes.set(id, outcome);
    const busy = [...outcomes].filter(([, outcome]) => outcome === 'busy').map(([id]) => id);
    if (busy.length) throw new OutboxRowBusy(busy);
    return outcomes;
  }

  /**
   * In process: claims up to `limit` rows due by `now`, oldest first, and delivers them; resolves with how many
   * it claimed once their outcomes are recorded. An aborted `signal` (shutdown) lets go of the rows not started.
   */
  async deliverDue(now: Date, limit: number, signal?: AbortSignal): Promise<number> {
    const rows = await this.outbox.claimForDelivery({ limit }, now, now, this.holdUntil(now));
    await this.run(rows, now, signal);
    return rows.length;
  }

  private holdUntil(now: Date): Date {
    return new Date(now.getTime() + this.holdMs);
  }

  /** Delivers claimed rows through the lanes, renews their hold while it runs, and waits until every outcome is recorded. */
  private async run(rows: readonly DeliveryRow[], now: Date, signal?: AbortSignal): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>();
    if (rows.length === 0) return outcomes;
    const started = Date.now();
    const unrecorded = new Set(rows.map((r) => r.id));
    const renew = setInterval(
      () =>
        void this.outbox
          .renewDelivery([...unrecorded], this.holdUntil(new Date(now.getTime() + Date.now() - started)))
          .catch((err: unknown) => this.logger.warn(`renewing the hold on ${unrecorded.size} outbox rows: ${errorText(err)}`)),
      Math.max(50, Math.floor(this.holdMs / 3)),
    );
    let recordFailed: unknown = null;
    const recorded: Promise<void>[] = [];
    try {
      await Promise.all(
        rows.map((row) =>
          this.lanes.run(async () => {
            if (signal?.aborted || recordFailed) return;
            const at = new Date(now.getTime() + Date.now() - started);
            const { outcome, recording } = await this.attempt(row, now, at);
            outcomes.set(row.id, outcome);
            recorded.push(
              this.record(row, recording, now, at).then(
                () => void unrecorded.delete(row.id),
                (err: unknown) => void (recordFailed ??= err),
              ),
            );
          }),
        ),
      );
      await Promise.all(recorded);
      // Shutdown, or the database stopped answering: the rows not started go back at once (or when their hold runs out).
      await this.outbox.releaseDelivery(rows.filter((r) => !outcomes.has(r.id)).map((r) => r.id));
    } finally {
      clearInterval(renew);
    }
    if (recordFailed) throw recordFailed;
    return outcomes;
  }

  /** Sends one row (or writes nothing yet for an inbox row: its item goes with the outcome); never throws. */
  private async attempt(row: DeliveryRow, now: Date, at: Date): Promise<{ outcome: DeliveryOutcome; recording: Recording }> {
    try {
      if (row.guard && !(await this.guards.isRelevant(row.guard, row.payload, row)))
        return { outcome: 'skipped', recording: { id: row.id, at, status: 'sent', note: `skipped: guard ${row.guard} found it stale` } };
      const message = this.render(row);
      if (row.channel === 'inbox') {
        const inbox: InboxItem = {
          userId: row.recipientId,
          type: row.type,
          title: message.subject,
          body: message.body,
          link: message.link,
          payload: row.payload,
          outboxId: row.id,
        };
        return { outcome: 'sent', recording: { id: row.id, at, status: 'sent', note: null, inbox } };
      }
      if (!row.address) throw new Error('the recipient has no e-mail address');
      await this.mail.send({ id: row.id, to: row.address, subject: message.subject, text: message.text, html: message.html });
      return { outcome: 'sent', recording: { id: row.id, at, status: 'sent', note: null } };
    } catch (err) {
      const recording = this.failure(row, now, at, err);
      return { outcome: recording.status === 'dead' ? 'dead' : 'failed', recording };
    }
  }

  private failure(row: DeliveryRow, now: Date, at: Date, err: unknown): Recording {
    const outcome = afterFailure(row, now, this.backoff);
    if (outcome.status === 'dead')
      this.logger.warn(`outbox ${row.id} (${row.type} ${row.channel}) is dead after ${outcome.attempts} attempts: ${errorText(err)}`);
    return { id: row.id, at, ...outcome, lastError: errorText(err) };
  }

  /** Records one outcome with the others in flight; an inbox item the database refuses counts as a failed attempt. */
  private async record(row: DeliveryRow, recording: Recording, now: Date, at: Date): Promise<void> {
    try {
      await this.recorder.submit(recording);
    } catch (err) {
      if (!recording.inbox) throw err;
      await this.recorder.submit(this.failure(row, now, at, err));
    }
  }

  /** One transaction per group of outcomes: the inbox items, then the rows' outcomes. */
  private async write(items: Recording[]): Promise<void[]> {
    const inbox = items.flatMap((r) => (r.inbox ? [r.inbox] : []));
    if (inbox.length === 0) await this.outbox.record(null, items);
    else
      await this.db.transaction(async (tx) => {
        await this.inbox.insert(tx, inbox);
        await this.outbox.record(tx, items);
      });
    return items.map(() => undefined);
  }

  private render(row: DeliveryRow): RenderedMessage {
    if (row.type === DIGEST_TYPE) return renderDigest((row.payload as { items: DigestItem[] }).items, row.locale, this.publicUrl);
    return renderMessage(row.type, withAccountToken(row.type, row.payload, this.linkSecret), row.locale, this.publicUrl);
  }
}
