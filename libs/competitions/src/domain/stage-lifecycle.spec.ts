import { IllegalTransition, NotFound } from '@app/kernel';
import {
  STAGE_STATUSES,
  STAGE_TRANSITIONS,
  allowedStageTransitions,
  assertStageTransition,
  type StageState,
  type StageStatus,
} from './stage-lifecycle';

const pairs = STAGE_STATUSES.flatMap((from) => STAGE_STATUSES.map((to) => [from, to] as [StageStatus, StageStatus]));
const allowed = pairs.filter(([from, to]) => STAGE_TRANSITIONS[from].includes(to));
const refused = pairs.filter(([from, to]) => !STAGE_TRANSITIONS[from].includes(to));

function thrown(fn: () => void): IllegalTransition {
  try {
    fn();
  } catch (e) {
    return e as IllegalTransition;
  }
  throw new Error('expected a throw');
}

/** Three stages where `second` has the status under test; the first stage's status is given. */
const plan = (first: StageStatus, second: StageStatus): StageState[] => [
  { key: 'submission', status: first },
  { key: 'screening', status: second },
  { key: 'desk_review', status: 'scheduled' },
];

describe('stage lifecycle', () => {
  it('is scheduled → open → closed', () => {
    expect(allowed).toEqual([
      ['scheduled', 'open'],
      ['open', 'closed'],
    ]);
  });

  describe.each([
    ['the first stage', (status: StageStatus) => plan(status, 'scheduled'), 'submission'],
    ['a stage after a closed one', (status: StageStatus) => plan('closed', status), 'screening'],
  ])('%s', (_name, build, key) => {
    it.each(allowed)('allows %s → %s', (from, to) => {
      expect(() => assertStageTransition(build(from), key, to)).not.toThrow();
      expect(allowedStageTransitions(build(from), key)).toContain(to);
    });

    it.each(refused)('refuses %s → %s with 409 STAGE_ILLEGAL_TRANSITION naming the states', (from, to) => {
      const error = thrown(() => assertStageTransition(build(from), key, to));
      expect(error).toBeInstanceOf(IllegalTransition);
      expect(error).toMatchObject({
        code: 'STAGE_ILLEGAL_TRANSITION',
        kind: 'conflict',
        details: { from, to, allowed: [...STAGE_TRANSITIONS[from]] },
      });
      expect(error.message).toContain(`stage "${key}" from "${from}"`);
      for (const next of STAGE_TRANSITIONS[from]) expect(error.message).toContain(`"${next}"`);
      expect(allowedStageTransitions(build(from), key)).not.toContain(to);
    });
  });

  it.each<StageStatus>(['scheduled', 'open'])('refuses to open a stage while the previous one is %s', (previous) => {
    const stages = plan(previous, 'scheduled');
    const error = thrown(() => assertStageTransition(stages, 'screening', 'open'));
    expect(error.code).toBe('STAGE_ILLEGAL_TRANSITION');
    expect(error.message).toBe(
      `Cannot move stage "screening" from "scheduled" to "open": stages open in plan order and the previous stage "submission" is "${previous}", not "closed".`,
    );
    expect(allowedStageTransitions(stages, 'screening')).toEqual([]);
  });

  it('closes an open stage whatever the others do', () => {
    expect(() => assertStageTransition(plan('open', 'open'), 'screening', 'closed')).not.toThrow();
  });

  it('404s an unknown stage', () => {
    const error = thrown(() => assertStageTransition(plan('closed', 'open'), 'jury', 'closed'));
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toMatchObject({ code: 'STAGE_NOT_FOUND', kind: 'not_found' });
    expect(() => allowedStageTransitions([], 'jury')).toThrow(NotFound);
  });
});
