import { IllegalTransition, type TransitionTable } from '@app/kernel';
import { CompetitionErrorCode } from './competitions.errors';

export const COMPETITION_STATUSES = ['draft', 'open', 'judging', 'published', 'archived'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

/** An edition's lifecycle; strictly forward, `archived` is final. */
export const COMPETITION_TRANSITIONS: TransitionTable<CompetitionStatus> = {
  draft: ['open'],
  open: ['judging'],
  judging: ['published'],
  published: ['archived'],
  archived: [],
};

export function allowedCompetitionTransitions(from: CompetitionStatus): readonly CompetitionStatus[] {
  return COMPETITION_TRANSITIONS[from];
}

/** Throws 409 COMPETITION_ILLEGAL_TRANSITION naming the current and the allowed states. */
export function assertCompetitionTransition(from: CompetitionStatus, to: CompetitionStatus): void {
  const allowed = allowedCompetitionTransitions(from);
  if (!allowed.includes(to))
    throw new IllegalTransition(CompetitionErrorCode.IllegalTransition, { subject: 'competition', from, to, allowed });
}

/** From judging on, only stage windows of the plan may change. */
export function isPlanFrozen(status: CompetitionStatus): boolean {
  return status === 'judging' || status === 'published' || status === 'archived';
}
