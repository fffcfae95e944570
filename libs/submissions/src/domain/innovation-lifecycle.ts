import { IllegalTransition, ValidationFailed, targetsFor, type ActorTransitionTable } from '@app/kernel';
import { SubmissionErrorCode } from './submissions.errors';

export const INNOVATION_STATUSES = [
  'draft',
  'awaiting_coordinator',
  'returned',
  'submitted',
  'eliminated',
  'withdrawn',
  'disqualified',
] as const;
/**
 * - `draft`: being written by the OPD.
 * - `awaiting_coordinator`: submitted by the OPD, waiting for the region's coordinator (when the plan requires one).
 * - `returned`: sent back by the coordinator for revision; editable again.
 * - `submitted`: with the organizer and in the running; how far it got is in its per-stage results.
 * - `eliminated`: a stage result eliminated it (stage close, or a failed screening).
 * - `withdrawn`: pulled out by the OPD before judging. `disqualified`: removed by an organizer, with a reason.
 */
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export const ACTORS = ['opd', 'coordinator', 'organizer', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

/** The competition statuses the guards need (same values as the competitions context). */
export type CompetitionStatusView = 'draft' | 'open' | 'judging' | 'published' | 'archived';

/** from → to → who may take the step. Guards in {@link assertTransition} add conditions on top. */
export const INNOVATION_TRANSITIONS: ActorTransitionTable<InnovationStatus, Actor> = {
  draft: { submitted: ['opd'], awaiting_coordinator: ['opd'], withdrawn: ['opd'] },
  returned: { submitted: ['opd'], awaiting_coordinator: ['opd'], withdrawn: ['opd'] },
  awaiting_coordinator: { submitted: ['coordinator'], returned: ['coordinator'], withdrawn: ['opd'] },
  submitted: { eliminated: ['system', 'organizer'], withdrawn: ['opd'], disqualified: ['organizer'] },
  // Reinstated by an organizer, e.g. after an upheld objection.
  eliminated: { submitted: ['organizer'], disqualified: ['organizer'] },
  withdrawn: {},
  disqualified: {},
};

const EDITABLE: readonly InnovationStatus[] = ['draft', 'returned'];
/**
 * The statuses in which an innovation is one of its organization's entries of the edition (the eligibility
 * limit `maxEntriesPerOrganization`): sent in by the OPD and not pulled out. Drafts, returned drafts and
 * withdrawn innovations do not count.
 */
export const ENTRY_STATUSES: readonly InnovationStatus[] = ['awaiting_coordinator', 'submitted', 'eliminated', 'disqualified'];
const JUDGING_STARTED: readonly CompetitionStatusView[] = ['judging', 'published', 'archived'];
const RESULTS_OUT: readonly CompetitionStatusView[] = ['published', 'archived'];

/** What the guards need to know; each guard says which field it reads. */
export interface TransitionContext {
  /** Read by withdraw (before judging only) and reinstate (not after publication). */
  competitionStatus?: CompetitionStatusView;
  /** Read by the OPD's submit: with a coordinator it goes to `awaiting_coordinator`, else straight to `submitted`. */
  requireCoordinator?: boolean;
  /** Required (non-blank) to disqualify. */
  reason?: string;
}

/** Targets `actor` may move to from `from` per the table (guards not applied). */
export function allowedTransitions(from: InnovationStatus, actor: Actor): InnovationStatus[] {
  return targetsFor(INNOVATION_TRANSITIONS, from, actor);
}

/** Whether the OPD may still change the innovation's content. */
export function isEditable(status: InnovationStatus): boolean {
  return EDITABLE.includes(status);
}

/** Whether an innovation in this status counts toward its organization's entry limit. */
export function countsAsEntry(status: InnovationStatus): boolean {
  return ENTRY_STATUSES.includes(status);
}

/** Where the OPD's "submit" leads under this plan. */
export function submitTarget(requireCoordinator: boolean): 'awaiting_coordinator' | 'submitted' {
  return requireCoordinator ? 'awaiting_coordinator' : 'submitted';
}

/**
 * Throws 409 SUBMISSION_ILLEGAL_TRANSITION naming the current state and the targets allowed for `actor`
 * (or the guard's reason); 400 for a disqualification without a reason.
 */
export function assertTransition(from: InnovationStatus, to: InnovationStatus, actor: Actor, ctx: TransitionContext = {}): void {
  const allowed = allowedTransitions(from, actor);
  const refuse = (reason?: string) =>
    new IllegalTransition(SubmissionErrorCode.IllegalTransition, { subject: 'innovation', from, to, actor, allowed, reason });
  if (!allowed.includes(to)) throw refuse();
  if (to === 'disqualified' && !ctx.reason?.trim())
    throw new ValidationFailed([{ field: 'reason', message: 'A reason is required to disqualify an innovation.' }]);
  const reason = guard(from, to, actor, ctx);
  if (reason) throw refuse(reason);
}

/** Why a step the table allows is refused in this context, or null. */
function guard(from: InnovationStatus, to: InnovationStatus, actor: Actor, ctx: TransitionContext): string | null {
  if (actor === 'opd' && (to === 'submitted' || to === 'awaiting_coordinator')) {
    const expected = submitTarget(need(ctx, 'requireCoordinator'));
    if (to !== expected)
      return ctx.requireCoordinator
        ? 'this competition requires the region\'s coordinator to forward submissions, so submitting goes to "awaiting_coordinator"'
        : 'this competition has no coordinator step, so submitting goes straight to "submitted"';
  }
  if (to === 'withdrawn') {
    const status = need(ctx, 'competitionStatus');
    if (JUDGING_STARTED.includes(status))
      return `an innovation can only be withdrawn before judging starts, and the competition is "${status}"`;
  }
  if (from === 'eliminated' && to === 'submitted') {
    const status = need(ctx, 'competitionStatus');
    if (RESULTS_OUT.includes(status)) return `results are already out (the competition is "${status}")`;
  }
  return null;
}

/** A guard's input; missing it is a programming error, not a user error. */
function need<K extends keyof TransitionContext>(ctx: TransitionContext, key: K): NonNullable<TransitionContext[K]> {
  const value = ctx[key];
  if (value === undefined) throw new Error(`assertTransition: ctx.${key} is required for this transition`);
  return value as NonNullable<TransitionContext[K]>;
}
