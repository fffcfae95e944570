import { Conflict } from '@app/kernel';
import {
  COMPETITION_STATUSES,
  COMPETITION_TRANSITIONS,
  allowedCompetitionTransitions,
  assertCompetitionTransition,
  isPlanFrozen,
  type CompetitionStatus,
} from './competition-lifecycle';

const pairs = COMPETITION_STATUSES.flatMap((from) =>
  COMPETITION_STATUSES.map((to) => [from, to] as [CompetitionStatus, CompetitionStatus]),
);
const allowed = pairs.filter(([from, to]) => COMPETITION_TRANSITIONS[from].includes(to));
const refused = pairs.filter(([from, to]) => !COMPETITION_TRANSITIONS[from].includes(to));

describe('competition lifecycle', () => {
  it('is the table of DESIGN §2', () => {
    expect(allowed).toEqual([
      ['draft', 'open'],
      ['open', 'judging'],
      ['judging', 'published'],
      ['published', 'archived'],
    ]);
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(() => assertCompetitionTransition(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 COMPETITION_ILLEGAL_TRANSITION naming the states', (from, to) => {
    let error: unknown;
    try {
      assertCompetitionTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toMatchObject({
      code: 'COMPETITION_ILLEGAL_TRANSITION',
      kind: 'conflict',
      details: { from, to, allowed: [...allowedCompetitionTransitions(from)] },
    });
    const message = (error as Error).message;
    expect(message).toContain(`"${from}"`);
    for (const next of allowedCompetitionTransitions(from)) expect(message).toContain(`"${next}"`);
  });

  it('says archived is final', () => {
    expect(() => assertCompetitionTransition('archived', 'open')).toThrow(
      'Cannot move competition from "archived" to "open": it is "archived", from which it may move to nothing (final state).',
    );
  });

  it.each<[CompetitionStatus, boolean]>([
    ['draft', false],
    ['open', false],
    ['judging', true],
    ['published', true],
    ['archived', true],
  ])('the plan of a %s competition is frozen: %s', (status, frozen) => {
    expect(isPlanFrozen(status)).toBe(frozen);
  });
});
