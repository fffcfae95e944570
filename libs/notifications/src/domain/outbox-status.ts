import { IllegalTransition, targetsFor, type ActorTransitionTable } from '@app/kernel';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import { NotificationErrorCode } from './notifications.errors';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;
/** pending → sent | failed (will retry) → dead (gave up); an organizer replays dead → pending. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** `delivery` is the handler (worker or in-process poller); `operator` an organizer or admin. */
export type OutboxActor = 'delivery' | 'operator';
export const OUTBOX_ACTORS: readonly OutboxActor[] = ['delivery', 'operator'];

export const OUTBOX_TRANSITIONS: ActorTransitionTable<OutboxStatus, OutboxActor> = {
  pending: { sent: ['delivery'], failed: ['delivery'], dead: ['delivery'] },
  failed: { sent: ['delivery'], failed: ['delivery'], dead: ['delivery'] },
  dead: { pending: ['operator'] },
  sent: {},
};

/** Statuses the delivery handler still works on. */
export const DELIVERABLE: readonly OutboxStatus[] = ['pending', 'failed'];

export function isDeliverable(status: OutboxStatus): boolean {
  return DELIVERABLE.includes(status);
}

/** Throws 409 OUTBOX_ILLEGAL_TRANSITION naming the current status and the allowed ones. */
export function assertOutboxTransition(from: OutboxStatus, to: OutboxStatus, actor: OutboxActor): void {
  const allowed = targetsFor(OUTBOX_TRANSITIONS, from, actor);
  if (!allowed.includes(to))
    throw new IllegalTransition(NotificationErrorCode.OutboxIllegalTransition, { subject: 'outbox message', from, to, actor, allowed });
}

export interface FailureOutcome {
  status: 'failed' | 'dead';
  attempts: number;
  /** When the next attempt is due (unchanged for a dead row). */
  availableAt: Date;
}

/** After a failed attempt: retry later with backoff, or give up once `maxAttempts` attempts have failed. */
export function afterFailure(
  row: { attempts: number; maxAttempts: number; availableAt: Date },
  now: Date,
  policy: BackoffPolicy,
): FailureOutcome {
  const attempts = row.attempts + 1;
  if (attempts >= row.maxAttempts) return { status: 'dead', attempts, availableAt: row.availableAt };
  return { status: 'failed', attempts, availableAt: new Date(now.getTime() + backoffDelayMs(attempts, policy)) };
}

/** How early a delayed job may fire (another instance's clock) and still find its rows due. */
export const DUE_TOLERANCE_MS = 1000;

/** Due once `availableAt` has come; `toleranceMs` absorbs a delayed job fired a little early by another clock. */
export function isDue(availableAt: Date, now: Date, toleranceMs = DUE_TOLERANCE_MS): boolean {
  return availableAt.getTime() <= now.getTime() + toleranceMs;
}
