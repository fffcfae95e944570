import { ValidationFailed } from '@app/kernel';
import type { Channel } from './notification-types';
import { NotificationErrorCode } from './notifications.errors';

/**
 * Dedupe keys. An event key names one event: `<type>:<subject id>[:<discriminator>…]`, e.g.
 * `juror_assigned:<assignmentId>`, `scoring_reminder:<assignmentId>:2025-06-29` or
 * `presentation_moved:<slotId>:<new start>`; emitting the same event twice writes nothing the second time.
 * Each outbox row's key adds recipient and channel: `<event key>@<userId>/<channel>`.
 */
const EVENT_KEY = /^[a-z][a-z0-9_]*(:[A-Za-z0-9_.+-]+)+$/;
const MAX_EVENT_KEY = 200;

export function eventKey(type: string, ...parts: (string | number)[]): string {
  const key = [type, ...parts.map(String)].join(':');
  assertEventKey(key);
  return key;
}

export function isEventKey(key: string): boolean {
  return key.length <= MAX_EVENT_KEY && EVENT_KEY.test(key);
}

export function assertEventKey(key: string): void {
  if (!isEventKey(key)) {
    throw new ValidationFailed(
      [
        {
          field: 'dedupeKey',
          message: `must look like "type:id[:part…]" (letters, digits, "_", ".", "+", "-"), at most ${MAX_EVENT_KEY} characters (got "${key}")`,
        },
      ],
      NotificationErrorCode.DedupeKeyInvalid,
    );
  }
}

/** The outbox row's unique key: one row per event, recipient and channel. */
export function rowKey(event: string, recipientId: string, channel: Channel): string {
  return `${event}@${recipientId}/${channel}`;
}

/** The daily mail that combines held rows; its first row's id keeps two digests of one day apart. */
export function digestEventKey(jakartaDate: string, firstRowId: string): string {
  return eventKey('digest', jakartaDate, firstRowId);
}

/** BullMQ job id: the row key plus the attempt (a retry is a new job); BullMQ ids may not hold ":". */
export function jobIdFor(rowDedupeKey: string, attempt: number): string {
  return `${rowDedupeKey.replaceAll(':', '~')}#${attempt}`;
}
