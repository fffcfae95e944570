import { Conflict, ValidationFailed } from '@app/kernel';

/** Stable error codes of the objection window (DESIGN §1: an objection window before publication). */
export const ObjectionErrorCode = {
  WindowTooShort: 'RESULTS_WINDOW_TOO_SHORT',
  NotAnnounced: 'RESULTS_NOT_ANNOUNCED',
  WindowOpen: 'RESULTS_OBJECTION_WINDOW_OPEN',
  Unanswered: 'RESULTS_OBJECTIONS_UNANSWERED',
  CorrectionOpen: 'RESULTS_CORRECTION_OPEN',
  AlreadyAnswered: 'OBJECTION_ALREADY_ANSWERED',
  NotUpheld: 'OBJECTION_NOT_UPHELD',
} as const;

/**
 * The window an announcement opens, in days: the plan's `objectionWindowDays` is the minimum (the organizer
 * may give more, never less). 400 RESULTS_WINDOW_TOO_SHORT naming `days` otherwise.
 */
export function objectionWindowDays(requested: number | undefined, planDays: number): number {
  const days = requested ?? planDays;
  if (days < planDays)
    throw new ValidationFailed(
      [
        {
          field: 'days',
          message: `the plan's objection window is ${planDays} day(s); an announcement may give more, not less (got ${days})`,
        },
      ],
      ObjectionErrorCode.WindowTooShort,
    );
  return days;
}

export interface PublishState {
  planDays: number;
  /** The latest announcement, if any. */
  announcement: { closesAt: Date } | null;
  /** Objections of that announcement without an answer. */
  unanswered: number;
  /** Score sheets reopened to correct an upheld objection and not submitted again, screening decisions not taken again. */
  openCorrections: number;
  now: Date;
}

/**
 * Publication needs, when the plan has an objection window, an announced window that has closed with every
 * objection answered, and no correction in progress. Each refusal is a 409 with its code.
 */
export function assertPublishable(s: PublishState): void {
  if (s.planDays > 0 && !s.announcement)
    throw new Conflict(
      ObjectionErrorCode.NotAnnounced,
      `the plan has an objection window of ${s.planDays} day(s): announce the provisional results first (POST …/rankings/announce)`,
      { objectionWindowDays: s.planDays },
    );
  if (s.announcement && s.announcement.closesAt > s.now)
    throw new Conflict(ObjectionErrorCode.WindowOpen, `the objection window is open until ${s.announcement.closesAt.toISOString()}`, {
      closesAt: s.announcement.closesAt,
    });
  if (s.unanswered > 0)
    throw new Conflict(ObjectionErrorCode.Unanswered, `${s.unanswered} objection(s) have no answer yet`, { unanswered: s.unanswered });
  if (s.openCorrections > 0)
    throw new Conflict(
      ObjectionErrorCode.CorrectionOpen,
      `${s.openCorrections} correction(s) for an upheld objection are still open (reopened score sheets not submitted again, reopened screening decisions not taken again)`,
      { openCorrections: s.openCorrections },
    );
}

/** An answer is final: a second one is 409 OBJECTION_ALREADY_ANSWERED. */
export function assertUnanswered(objection: { answeredAt: Date | null; decision: string | null }): void {
  if (objection.answeredAt)
    throw new Conflict(
      ObjectionErrorCode.AlreadyAnswered,
      `the objection was already answered (${objection.decision}) on ${objection.answeredAt.toISOString()}; an answer is final`,
      { decision: objection.decision, answeredAt: objection.answeredAt },
    );
}

/** Only an upheld objection reopens what it concerns: 409 OBJECTION_NOT_UPHELD otherwise. */
export function assertUpheld(objection: { decision: string | null }): void {
  if (objection.decision !== 'upheld')
    throw new Conflict(
      ObjectionErrorCode.NotUpheld,
      `only an upheld objection reopens judging; this one is ${objection.decision ?? 'not answered yet'}`,
      { decision: objection.decision, allowed: ['upheld'] },
    );
}
