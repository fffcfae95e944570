import { IllegalTransition, targetsFor, type ActorTransitionTable } from '@app/kernel';
import type { Actor } from './innovation-lifecycle';
import { SubmissionErrorCode } from './submissions.errors';

export const STAGE_RESULTS = ['pending', 'passed', 'eliminated'] as const;
/** An innovation's result in one stage, kept apart from its overall status. */
export type StageResult = (typeof STAGE_RESULTS)[number];

/** Decided at stage close (system) or by an organizer (screening); an organizer may reinstate after an objection. */
export const STAGE_RESULT_TRANSITIONS: ActorTransitionTable<StageResult, Actor> = {
  pending: { passed: ['system', 'organizer'], eliminated: ['system', 'organizer'] },
  eliminated: { passed: ['organizer'] },
  passed: {},
};

export function allowedStageResultTransitions(from: StageResult, actor: Actor): StageResult[] {
  return targetsFor(STAGE_RESULT_TRANSITIONS, from, actor);
}

/** Throws 409 STAGE_RESULT_ILLEGAL_TRANSITION naming the current result and the allowed ones. */
export function assertStageResultTransition(from: StageResult, to: StageResult, actor: Actor): void {
  const allowed = allowedStageResultTransitions(from, actor);
  if (!allowed.includes(to))
    throw new IllegalTransition(SubmissionErrorCode.StageResultIllegalTransition, { subject: 'stage result', from, to, actor, allowed });
}
