import { rowKey } from './dedupe-key';
import { nextDigestAt } from './digest-schedule';
import type { Channel, DigestMode, Locale, NotificationType, OutboxType } from './notification-types';

export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  digest: DigestMode;
}

/** One event as a module emits it (see OutboxService.notify). */
export interface NotificationEvent {
  type: NotificationType;
  payload: Record<string, unknown>;
  /** The event key (see dedupe-key.ts). */
  dedupeKey: string;
  competitionId?: string | null;
  /** Not before this instant (reminders); default now. */
  availableAt?: Date | null;
  /** Name of a registered guard asked at delivery whether the event still matters. */
  guard?: string | null;
}

/** An outbox row to write. */
export interface OutboxDraft {
  type: OutboxType;
  recipientId: string;
  channel: Channel;
  /** E-mail address for the email channel, taken when the event happens. */
  address: string | null;
  locale: Locale;
  payload: Record<string, unknown>;
  dedupeKey: string;
  competitionId: string | null;
  availableAt: Date;
  guard: string | null;
  /** Held for the recipient's daily digest instead of being sent on its own. */
  held: boolean;
}

/**
 * One inbox row and one email row per recipient. A `daily` recipient's mail is held until the first digest
 * after the event is due; the inbox is never held.
 */
export function fanOut(event: NotificationEvent, recipients: readonly Recipient[], now: Date, digestHour: number): OutboxDraft[] {
  const due = event.availableAt && event.availableAt > now ? event.availableAt : now;
  return recipients.flatMap((r) => {
    const base = {
      type: event.type,
      recipientId: r.id,
      locale: r.locale,
      payload: event.payload,
      competitionId: event.competitionId ?? null,
      guard: event.guard ?? null,
    };
    const held = r.digest === 'daily';
    return [
      { ...base, channel: 'inbox', address: null, dedupeKey: rowKey(event.dedupeKey, r.id, 'inbox'), availableAt: due, held: false },
      {
        ...base,
        channel: 'email',
        address: r.email,
        dedupeKey: rowKey(event.dedupeKey, r.id, 'email'),
        availableAt: held ? nextDigestAt(due, digestHour) : due,
        held,
      },
    ];
  });
}
