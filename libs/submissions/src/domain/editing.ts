import { Conflict, formatJakartaTime } from '@app/kernel';
import { INNOVATION_STATUSES, isEditable, type InnovationStatus } from './innovation-lifecycle';
import { SubmissionErrorCode } from './submissions.errors';

/**
 * The OPD may edit only an editable innovation (409 SUBMISSION_NOT_EDITABLE) before the submission
 * deadline (409 SUBMISSION_DEADLINE_PASSED). A null deadline means none is set.
 */
export function assertEditable(status: InnovationStatus, deadline: Date | null, now: Date): void {
  if (!isEditable(status)) {
    const editable = INNOVATION_STATUSES.filter(isEditable)
      .map((s) => `"${s}"`)
      .join(' and ');
    throw new Conflict(
      SubmissionErrorCode.NotEditable,
      `The innovation is "${status}" and can no longer be edited; only ${editable} innovations can be edited.`,
      { status },
    );
  }
  assertBeforeDeadline(deadline, now);
}

/** The submission window closes at its deadline: from that instant on, 409 SUBMISSION_DEADLINE_PASSED. */
export function assertBeforeDeadline(deadline: Date | null, now: Date): void {
  if (deadline && now.getTime() >= deadline.getTime())
    throw new Conflict(
      SubmissionErrorCode.DeadlinePassed,
      `The submission deadline passed at ${deadline.toISOString()} (${formatJakartaTime(deadline)}); changes are no longer accepted.`,
      { deadline: deadline.toISOString() },
    );
}

/** Submitting waits for the submission window to open: before `opensAt`, 409 SUBMISSION_WINDOW_NOT_OPEN (drafts may be written). */
export function assertSubmissionWindowOpen(opensAt: Date | null, now: Date): void {
  if (opensAt && now.getTime() < opensAt.getTime())
    throw new Conflict(
      SubmissionErrorCode.SubmissionNotOpenYet,
      `Submissions open at ${opensAt.toISOString()} (${formatJakartaTime(opensAt)}); the draft can be prepared until then but not submitted.`,
      { opensAt: opensAt.toISOString() },
    );
}
