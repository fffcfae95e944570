import { DomainError, IllegalTransition, ValidationFailed } from '@app/kernel';
import {
  ACTORS,
  INNOVATION_STATUSES,
  INNOVATION_TRANSITIONS,
  allowedTransitions,
  assertTransition,
  countsAsEntry,
  isEditable,
  submitTarget,
  type Actor,
  type CompetitionStatusView,
  type InnovationStatus,
  type TransitionContext,
} from './innovation-lifecycle';

type Step = [InnovationStatus, InnovationStatus, Actor];

const steps: Step[] = INNOVATION_STATUSES.flatMap((from) =>
  INNOVATION_STATUSES.flatMap((to) => ACTORS.map((actor): Step => [from, to, actor])),
);
const inTable = ([from, to, actor]: Step) => INNOVATION_TRANSITIONS[from][to]?.includes(actor) ?? false;
const allowed = steps.filter(inTable);
const refused = steps.filter((s) => !inTable(s));

/** A context in which every guard lets an allowed step through. */
const passing = (to: InnovationStatus): TransitionContext => ({
  competitionStatus: 'open',
  requireCoordinator: to === 'awaiting_coordinator',
  reason: 'Evidence was forged.',
});

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('innovation lifecycle: the table', () => {
  it('is the pipeline of DESIGN §3 with the coordinator step', () => {
    expect(allowed).toEqual<Step[]>([
      ['draft', 'awaiting_coordinator', 'opd'],
      ['draft', 'submitted', 'opd'],
      ['draft', 'withdrawn', 'opd'],
      ['awaiting_coordinator', 'returned', 'coordinator'],
      ['awaiting_coordinator', 'submitted', 'coordinator'],
      ['awaiting_coordinator', 'withdrawn', 'opd'],
      ['returned', 'awaiting_coordinator', 'opd'],
      ['returned', 'submitted', 'opd'],
      ['returned', 'withdrawn', 'opd'],
      ['submitted', 'eliminated', 'organizer'],
      ['submitted', 'eliminated', 'system'],
      ['submitted', 'withdrawn', 'opd'],
      ['submitted', 'disqualified', 'organizer'],
      ['eliminated', 'submitted', 'organizer'],
      ['eliminated', 'disqualified', 'organizer'],
    ]);
  });

  it.each(allowed)('allows %s → %s by %s', (from, to, actor) => {
    expect(() => assertTransition(from, to, actor, passing(to))).not.toThrow();
    expect(allowedTransitions(from, actor)).toContain(to);
  });

  it.each(refused)('refuses %s → %s by %s with 409 SUBMISSION_ILLEGAL_TRANSITION', (from, to, actor) => {
    const error = thrown(() => assertTransition(from, to, actor, passing(to))) as IllegalTransition;
    expect(error).toBeInstanceOf(IllegalTransition);
    const targets = allowedTransitions(from, actor);
    expect(targets).not.toContain(to);
    expect(error).toMatchObject({
      code: 'SUBMISSION_ILLEGAL_TRANSITION',
      kind: 'conflict',
      details: { from, to, actor, allowed: targets },
    });
    expect(error.message).toContain(`it is "${from}"`);
    for (const next of targets) expect(error.message).toContain(`"${next}"`);
  });

  it('names the allowed targets for the actor', () => {
    expect(() => assertTransition('draft', 'eliminated', 'opd', passing('eliminated'))).toThrow(
      'Cannot move innovation from "draft" to "eliminated" as opd: it is "draft", from which opd may move it to "submitted", "awaiting_coordinator", "withdrawn".',
    );
  });
});

describe('innovation lifecycle: guards', () => {
  it.each<[InnovationStatus, boolean, InnovationStatus, boolean]>([
    ['draft', false, 'submitted', true],
    ['draft', false, 'awaiting_coordinator', false],
    ['draft', true, 'awaiting_coordinator', true],
    ['draft', true, 'submitted', false],
    ['returned', true, 'awaiting_coordinator', true],
    ['returned', true, 'submitted', false],
    ['returned', false, 'submitted', true],
    ['returned', false, 'awaiting_coordinator', false],
  ])('opd submits %s with requireCoordinator=%s → %s: %s', (from, requireCoordinator, to, ok) => {
    const run = () => assertTransition(from, to, 'opd', { requireCoordinator });
    if (ok) return expect(run).not.toThrow();
    const error = thrown(run) as IllegalTransition;
    expect(error).toMatchObject({ code: 'SUBMISSION_ILLEGAL_TRANSITION', kind: 'conflict' });
    expect(error.message).toContain(requireCoordinator ? "requires the region's coordinator" : 'no coordinator step');
    expect(to === submitTarget(requireCoordinator)).toBe(false);
  });

  it('the coordinator forwards whatever the flag says (it only applies to the OPD)', () => {
    expect(() => assertTransition('awaiting_coordinator', 'submitted', 'coordinator')).not.toThrow();
  });

  const competitionStatuses: CompetitionStatusView[] = ['draft', 'open', 'judging', 'published', 'archived'];
  const withdrawable = INNOVATION_STATUSES.filter((from) => INNOVATION_TRANSITIONS[from].withdrawn?.includes('opd'));

  it.each(withdrawable.flatMap((from) => competitionStatuses.map((c) => [from, c] as const)))(
    'withdrawing a %s innovation while the competition is %s',
    (from, competitionStatus) => {
      const run = () => assertTransition(from, 'withdrawn', 'opd', { competitionStatus });
      if (competitionStatus === 'draft' || competitionStatus === 'open') return expect(run).not.toThrow();
      expect(run).toThrow(`an innovation can only be withdrawn before judging starts, and the competition is "${competitionStatus}"`);
      expect(thrown(run)).toMatchObject({ code: 'SUBMISSION_ILLEGAL_TRANSITION', details: { reason: expect.any(String) } });
    },
  );

  it.each(competitionStatuses)('reinstating an eliminated innovation while the competition is %s', (competitionStatus) => {
    const run = () => assertTransition('eliminated', 'submitted', 'organizer', { competitionStatus });
    if (competitionStatus === 'published' || competitionStatus === 'archived')
      return expect(run).toThrow(`results are already out (the competition is "${competitionStatus}")`);
    expect(run).not.toThrow();
  });

  it.each<[InnovationStatus, string | undefined]>([
    ['submitted', undefined],
    ['submitted', ''],
    ['eliminated', '   '],
  ])('disqualifying %s with reason %j is a 400 on "reason"', (from, reason) => {
    const error = thrown(() => assertTransition(from, 'disqualified', 'organizer', { reason })) as ValidationFailed;
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.details.fields).toEqual([{ field: 'reason', message: 'A reason is required to disqualify an innovation.' }]);
  });

  it.each<[InnovationStatus, InnovationStatus, Actor, keyof TransitionContext]>([
    ['draft', 'submitted', 'opd', 'requireCoordinator'],
    ['submitted', 'withdrawn', 'opd', 'competitionStatus'],
    ['eliminated', 'submitted', 'organizer', 'competitionStatus'],
  ])('%s → %s by %s without ctx.%s is a programming error, not a domain error', (from, to, actor, key) => {
    const error = thrown(() => assertTransition(from, to, actor));
    expect(error).not.toBeInstanceOf(DomainError);
    expect((error as Error).message).toContain(`ctx.${key}`);
  });
});

describe('isEditable', () => {
  it.each(INNOVATION_STATUSES.map((s) => [s, s === 'draft' || s === 'returned'] as const))('%s → %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe('innovation lifecycle: what counts as an entry', () => {
  it.each<[InnovationStatus, boolean]>([
    ['draft', false],
    ['returned', false],
    ['withdrawn', false],
    ['awaiting_coordinator', true],
    ['submitted', true],
    ['eliminated', true],
    ['disqualified', true],
  ])('%s counts toward the entry limit: %s', (status, counts) => {
    expect(countsAsEntry(status)).toBe(counts);
  });

  it('decides for every status', () => {
    expect(INNOVATION_STATUSES.filter(countsAsEntry)).toEqual(['awaiting_coordinator', 'submitted', 'eliminated', 'disqualified']);
  });
});
