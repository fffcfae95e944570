import { Conflict } from '@app/kernel';
import { COMPETITION_STATUSES, isPlanFrozen } from './competition-lifecycle';
import type { CompetitionPlan } from './competition-plan';
import { defaultTemplate } from './default-template';
import { assertPlanChangeAllowed, diffPlanStructure } from './plan-diff';

type Mutation = (plan: CompetitionPlan) => void;

function edited(mutate: Mutation): [CompetitionPlan, CompetitionPlan] {
  const after = defaultTemplate(2025);
  mutate(after);
  return [defaultTemplate(2025), after];
}

const extendSubmission: Mutation = (p) => (p.stages[0].closesAt = '2025-07-07T23:59:59+07:00');

describe('diffPlanStructure', () => {
  it('finds nothing between equal plans', () => {
    expect(diffPlanStructure(...edited(() => {}))).toEqual({ structural: false, structuralChanges: [], windowChanges: [] });
  });

  it('lists moved windows for the audit log and calls them not structural', () => {
    const diff = diffPlanStructure(
      ...edited((p) => {
        extendSubmission(p);
        p.stages[4].opensAt = null;
      }),
    );
    expect(diff).toEqual({
      structural: false,
      structuralChanges: [],
      windowChanges: [
        { stage: 'submission', field: 'closesAt', from: '2025-06-30T23:59:59+07:00', to: '2025-07-07T23:59:59+07:00' },
        { stage: 'field_verification', field: 'opensAt', from: '2025-10-01T00:00:00+07:00', to: null },
      ],
    });
  });

  it.each<[string, Mutation, string[]]>([
    ['a renamed stage', (p) => (p.stages[2].key = 'desk'), ['stages']],
    ['reordered stages', (p) => p.stages.splice(3, 2, p.stages[4], p.stages[3]), ['stages']],
    ['a removed stage', (p) => p.stages.pop(), ['stages']],
    ['a stage kind', (p) => (p.stages[1].kind = 'desk_review'), ['stages[1].kind']],
    ['a stage weight', (p) => (p.stages[3].weight = 70), ['stages[3].weight']],
    ['a rubric weight', (p) => (p.stages[3].rubric[0].weight = 31), ['stages[3].rubric']],
    ['an advance rule', (p) => (p.stages[2].advance = { type: 'top', n: 99 }), ['stages[2].advance']],
    ['the aggregation', (p) => (p.stages[3].aggregation = 'zscore'), ['stages[3].aggregation']],
    ['a category', (p) => p.categories.pop(), ['categories']],
    ['bands', (p) => (p.bands[0].min = 75), ['bands']],
    ['tie-breaks', (p) => p.tieBreak.reverse(), ['tieBreak']],
    ['the proposal form', (p) => (p.proposalForm.sections[0].maxWords = 250), ['proposalForm']],
    ['eligibility', (p) => (p.eligibility.maxEntriesPerOrganization = 6), ['eligibility']],
    ['the coordinator step', (p) => (p.requireCoordinator = true), ['requireCoordinator']],
    [
      'a weight and a window together',
      (p) => {
        p.stages[4].weight = 50;
        extendSubmission(p);
      },
      ['stages[4].weight'],
    ],
  ])('calls %s structural', (_name, mutate, changes) => {
    const diff = diffPlanStructure(...edited(mutate));
    expect(diff.structural).toBe(true);
    expect(diff.structuralChanges).toEqual(changes);
  });

  it('treats a property set to undefined as absent', () => {
    expect(diffPlanStructure(...edited((p) => (p.stages[3].trim = undefined))).structural).toBe(false);
  });
});

describe('assertPlanChangeAllowed', () => {
  it.each(COMPETITION_STATUSES)('in %s, allows window changes and returns them', (status) => {
    expect(assertPlanChangeAllowed(status, ...edited(extendSubmission))).toEqual([
      { stage: 'submission', field: 'closesAt', from: '2025-06-30T23:59:59+07:00', to: '2025-07-07T23:59:59+07:00' },
    ]);
  });

  it.each(COMPETITION_STATUSES)('in %s, allows structural changes only while the plan is not frozen', (status) => {
    const change = () => assertPlanChangeAllowed(status, ...edited((p) => (p.stages[3].rubric[0].weight = 31)));
    if (!isPlanFrozen(status)) return expect(change()).toEqual([]);
    expect(change).toThrow(Conflict);
    expect(change).toThrow(
      `The plan of a competition in "${status}" is frozen: only stage windows (opensAt, closesAt) may change, but stages[3].rubric changed.`,
    );
    try {
      change();
    } catch (e) {
      expect(e).toMatchObject({ code: 'COMPETITION_PLAN_FROZEN', kind: 'conflict', details: { status, changes: ['stages[3].rubric'] } });
    }
  });
});
