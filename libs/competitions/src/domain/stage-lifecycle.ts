import { IllegalTransition, NotFound, type TransitionTable } from '@app/kernel';
import { CompetitionErrorCode } from './competitions.errors';

export const STAGE_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** A stage runs once: scheduled → open → closed. */
export const STAGE_TRANSITIONS: TransitionTable<StageStatus> = {
  scheduled: ['open'],
  open: ['closed'],
  closed: [],
};

/** A stage's key and status; lists of these are in plan order. */
export interface StageState {
  key: string;
  status: StageStatus;
}

/** Targets of stage `key`, also honouring plan order (a stage opens only after the previous one closed). */
export function allowedStageTransitions(stages: readonly StageState[], key: string): StageStatus[] {
  const index = indexOf(stages, key);
  return STAGE_TRANSITIONS[stages[index].status].filter((to) => blockedBy(stages, index, to) === null);
}

/** Throws 409 STAGE_ILLEGAL_TRANSITION (404 STAGE_NOT_FOUND for an unknown key). */
export function assertStageTransition(stages: readonly StageState[], key: string, to: StageStatus): void {
  const index = indexOf(stages, key);
  const from = stages[index].status;
  const allowed = STAGE_TRANSITIONS[from];
  const subject = `stage "${key}"`;
  if (!allowed.includes(to)) throw new IllegalTransition(CompetitionErrorCode.StageIllegalTransition, { subject, from, to, allowed });
  const previous = blockedBy(stages, index, to);
  if (previous)
    throw new IllegalTransition(CompetitionErrorCode.StageIllegalTransition, {
      subject,
      from,
      to,
      allowed,
      reason: `stages open in plan order and the previous stage "${previous.key}" is "${previous.status}", not "closed"`,
    });
}

/** The previous stage that keeps stage `index` from opening, or null. */
function blockedBy(stages: readonly StageState[], index: number, to: StageStatus): StageState | null {
  const previous = stages[index - 1];
  return to === 'open' && previous && previous.status !== 'closed' ? previous : null;
}

function indexOf(stages: readonly StageState[], key: string): number {
  const index = stages.findIndex((s) => s.key === key);
  if (index < 0)
    throw new NotFound(CompetitionErrorCode.StageNotFound, `Stage "${key}" is not part of this competition's plan.`, { stage: key });
  return index;
}
