import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import { UsersService } from '@app/identity';
import { assertEventKey, assertPayload, fanOut, type NotificationPayload, type NotificationType, type OutboxDraft } from './domain';
import { OutboxRepository } from './persistence/outbox.repository';
import { PreferencesRepository } from './persistence/preferences.repository';

/** An event to notify, as other modules emit it. */
export interface NotifyInput<T extends NotificationType> {
  type: T;
  /** User ids; duplicates, unknown and inactive users are left out. */
  recipients: readonly string[];
  payload: NotificationPayload<T>;
  /** The event key, e.g. `eventKey('juror_assigned', assignment.id)`: emitting it again writes nothing. */
  dedupeKey: string;
  /** Lets organizers filter the outbox by edition. */
  competitionId?: string | null;
  /** Deliver no earlier than this (reminders); default now. */
  availableAt?: Date | null;
  /** A guard registered with NotificationGuards, asked at delivery whether the event still matters. */
  guard?: string | null;
}

/** Writes outbox rows in the caller's transaction, so a notification exists exactly when its change commits. */
@Injectable()
export class OutboxService {
  private readonly settings: AppEnv['notify'];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly preferences: PreferencesRepository,
    private readonly users: UsersService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.settings = config.get('notify', { infer: true });
  }

  /**
   * Cancels scoring reminders that no longer hold (kept as sent with a note, so the outbox shows why): every
   * reminder of a `removed` assignment, and those of an `active` one that name another deadline than `dueAt`.
   */
  skipScoringReminders(
    tx: EntityManager,
    competitionId: string,
    assignments: { removed: string[]; active: string[] },
    dueAt: string | null,
    now: Date,
  ): Promise<void> {
    return this.outbox.skipPending(
      tx,
      { type: 'scoring_reminder', competitionId, key: 'assignmentId', drop: assignments.removed, keepOnly: assignments.active, dueAt },
      now,
      'skipped: the deadline moved or the assignment was removed',
    );
  }

  /** Low level: one row per recipient and channel; rows whose dedupe key exists are skipped. Returns the new ids. */
  add(tx: EntityManager, messages: readonly OutboxDraft[]): Promise<string[]> {
    return this.outbox.insert(
      tx,
      messages.map((m) => ({ ...m, maxAttempts: this.settings.maxAttempts })),
    );
  }

  /**
   * Emits an event: an inbox row and an e-mail row per recipient, in the recipient's locale; e-mail of
   * users on the daily digest is held for it. Returns the number of rows written (0 for a repeated event).
   */
  async notify<T extends NotificationType>(tx: EntityManager, input: NotifyInput<T>): Promise<number> {
    return this.notifyMany(tx, [input]);
  }

  /**
   * Many events at once (e.g. one per innovation when a stage closes): one user lookup and chunked inserts
   * instead of a round trip per event. Returns the number of rows written.
   */
  async notifyMany(tx: EntityManager, inputs: readonly NotifyInput<NotificationType>[]): Promise<number> {
    for (const input of inputs) {
      assertPayload(input.type, input.payload);
      assertEventKey(input.dedupeKey);
    }
    const users = new Map(
      (await this.users.findByIds([...new Set(inputs.flatMap((i) => i.recipients))], tx)).filter((u) => u.active).map((u) => [u.id, u]),
    );
    const digest = await this.preferences.digestOf([...users.keys()], tx);
    const now = new Date();
    const drafts = inputs.flatMap((input) => {
      const recipients = [...new Set(input.recipients)]
        .filter((id) => users.has(id))
        .map((id) => ({ id, email: users.get(id)!.email, locale: users.get(id)!.locale, digest: digest.get(id)! }));
      return fanOut({ ...input, payload: input.payload as Record<string, unknown> }, recipients, now, this.settings.digestHour);
    });
    return (await this.add(tx, drafts)).length;
  }
}
