import { IllegalTransition } from '@app/kernel';
import { ACTORS, type Actor } from './innovation-lifecycle';
import {
  STAGE_RESULTS,
  STAGE_RESULT_TRANSITIONS,
  allowedStageResultTransitions,
  assertStageResultTransition,
  type StageResult,
} from './stage-result';

type Step = [StageResult, StageResult, Actor];
const steps: Step[] = STAGE_RESULTS.flatMap((from) => STAGE_RESULTS.flatMap((to) => ACTORS.map((actor): Step => [from, to, actor])));
const inTable = ([from, to, actor]: Step) => STAGE_RESULT_TRANSITIONS[from][to]?.includes(actor) ?? false;

describe('stage result', () => {
  it('is pending → passed | eliminated, with reinstatement by an organizer', () => {
    expect(steps.filter(inTable)).toEqual<Step[]>([
      ['pending', 'passed', 'organizer'],
      ['pending', 'passed', 'system'],
      ['pending', 'eliminated', 'organizer'],
      ['pending', 'eliminated', 'system'],
      ['eliminated', 'passed', 'organizer'],
    ]);
  });

  it.each(steps.filter(inTable))('allows %s → %s by %s', (from, to, actor) => {
    expect(() => assertStageResultTransition(from, to, actor)).not.toThrow();
  });

  it.each(steps.filter((s) => !inTable(s)))('refuses %s → %s by %s with 409 STAGE_RESULT_ILLEGAL_TRANSITION', (from, to, actor) => {
    const run = () => assertStageResultTransition(from, to, actor);
    expect(run).toThrow(IllegalTransition);
    expect(run).toThrow(`Cannot move stage result from "${from}" to "${to}" as ${actor}`);
    try {
      run();
    } catch (e) {
      expect(e).toMatchObject({
        code: 'STAGE_RESULT_ILLEGAL_TRANSITION',
        details: { allowed: allowedStageResultTransitions(from, actor) },
      });
    }
  });
});
