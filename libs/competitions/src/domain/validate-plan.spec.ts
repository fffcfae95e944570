import { ValidationFailed } from '@app/kernel';
import type { CompetitionPlan } from './competition-plan';
import { defaultTemplate } from './default-template';
import { assertValidPlan, validatePlan } from './validate-plan';

type Mutation = (plan: CompetitionPlan) => void;

/** Runs one mutation on a fresh default template and returns the failing field paths. */
function fieldsAfter(mutate: Mutation): string[] {
  const plan = defaultTemplate(2025);
  mutate(plan);
  return validatePlan(plan).map((e) => e.field);
}

const WIB = (date: string) => `${date}T00:00:00+07:00`;

describe('validatePlan', () => {
  it.each([2024, 2025, 2030])('accepts the default template for %d', (year) => {
    expect(validatePlan(defaultTemplate(year))).toEqual([]);
  });

  it.each<[string, Mutation, string[]]>([
    // stages: keys, kinds, order
    ['duplicate stage key', (p) => (p.stages[2].key = 'screening'), ['stages[2].key']],
    ['stage key not snake_case', (p) => (p.stages[1].key = 'Screening'), ['stages[1].key']],
    ['unknown stage kind', (p) => ((p.stages[1] as { kind: string }).kind = 'voting'), ['stages[1].kind']],
    ['first stage not a submission', (p) => (p.stages[0].kind = 'screening'), ['stages[0].kind']],
    ['no stages', (p) => (p.stages = []), ['stages', 'tieBreak[0]', 'tieBreak[1]']],
    ['no stage with a weight', (p) => p.stages.forEach((s) => (s.weight = 0)), ['stages']],
    ['stage label missing', (p) => (p.stages[0].label.id = ' '), ['stages[0].label.id']],
    // weights and rubrics
    ['negative stage weight', (p) => (p.stages[3].weight = -1), ['stages[3].weight']],
    ['weighted stage without a rubric', (p) => (p.stages[1].weight = 10), ['stages[1].rubric']],
    ['duplicate criterion key', (p) => (p.stages[3].rubric[1].key = 'kebaharuan'), ['stages[3].rubric[1].key']],
    ['criterion min = max', (p) => (p.stages[3].rubric[1].min = 100), ['stages[3].rubric[1].min']],
    ['criterion min > max', (p) => Object.assign(p.stages[4].rubric[0], { min: 5, max: 1 }), ['stages[4].rubric[0].min']],
    ['criterion max not a number', (p) => (p.stages[3].rubric[0].max = Number.NaN), ['stages[3].rubric[0].max']],
    ['criterion min not a number', (p) => (p.stages[3].rubric[0].min = Number.POSITIVE_INFINITY), ['stages[3].rubric[0].min']],
    ['negative criterion weight', (p) => (p.stages[4].rubric[2].weight = -5), ['stages[4].rubric[2].weight']],
    ['criterion weights sum to 0', (p) => p.stages[2].rubric.forEach((c) => (c.weight = 0)), ['stages[2].rubric']],
    ['criterion label missing', (p) => (p.stages[2].rubric[0].label.en = ''), ['stages[2].rubric[0].label.en']],
    ['duplicate checklist key', (p) => (p.stages[1].checklist![1].key = 'complete'), ['stages[1].checklist[1].key']],
    ['unknown aggregation', (p) => ((p.stages[3] as { aggregation: string }).aggregation = 'max'), ['stages[3].aggregation']],
    ['negative trim', (p) => (p.stages[3].trim = -1), ['stages[3].trim']],
    ['fractional trim', (p) => (p.stages[3].trim = 1.5), ['stages[3].trim']],
    ['no jurors on a scored stage', (p) => (p.stages[3].jurorsPerInnovation = 0), ['stages[3].jurorsPerInnovation']],
    ['negative jurors on an unscored stage', (p) => (p.stages[0].jurorsPerInnovation = -1), ['stages[0].jurorsPerInnovation']],
    // advance rules
    ['top n = 0', (p) => (p.stages[2].advance = { type: 'top', n: 0 }), ['stages[2].advance.n']],
    ['top n fractional', (p) => (p.stages[2].advance = { type: 'top', n: 2.5 }), ['stages[2].advance.n']],
    ['threshold min not a number', (p) => (p.stages[2].advance = { type: 'threshold', min: Number.NaN }), ['stages[2].advance.min']],
    ['threshold min above 100', (p) => (p.stages[2].advance = { type: 'threshold', min: 101 }), ['stages[2].advance.min']],
    ['top on an unscored stage', (p) => (p.stages[1].advance = { type: 'top', n: 5 }), ['stages[1].advance']],
    ['no advance rule before the last stage', (p) => (p.stages[2].advance = null), ['stages[2].advance']],
    ['unknown advance rule', (p) => (p.stages[2].advance = { type: 'best' } as never), ['stages[2].advance.type']],
    // windows
    ['opensAt not a timestamp', (p) => (p.stages[1].opensAt = 'tomorrow'), ['stages[1].opensAt']],
    ['closesAt without an offset', (p) => (p.stages[1].closesAt = '2025-07-31T23:59:59'), ['stages[1].closesAt']],
    ['opensAt = closesAt', (p) => (p.stages[1].opensAt = p.stages[1].closesAt), ['stages[1].closesAt']],
    ['opensAt after closesAt', (p) => (p.stages[1].opensAt = WIB('2025-08-15')), ['stages[1].closesAt']],
    ['stage opens before the previous one closes', (p) => (p.stages[2].opensAt = WIB('2025-07-15')), ['stages[2].opensAt']],
    [
      'stage closes before the previous one closes',
      (p) => Object.assign(p.stages[2], { opensAt: null, closesAt: WIB('2025-07-20') }),
      ['stages[2].closesAt'],
    ],
    [
      'stage opens before an earlier stage with only an opening',
      (p) => {
        Object.assign(p.stages[1], { opensAt: WIB('2025-08-10'), closesAt: null });
        p.stages[2].opensAt = WIB('2025-08-09');
      },
      ['stages[2].opensAt'],
    ],
    // categories
    ['no categories', (p) => (p.categories = []), ['categories']],
    ['duplicate category key', (p) => (p.categories[1].key = 'provinsi'), ['categories[1].key']],
    ['category key blank', (p) => (p.categories[0].key = ''), ['categories[0].key']],
    ['unknown region kind', (p) => (p.categories[0].regionKinds = ['desa' as never]), ['categories[0].regionKinds[0]']],
    ['region kind in two categories', (p) => (p.categories[2].regionKinds = ['kota', 'kabupaten']), ['categories[2].regionKinds[1]']],
    ['category label missing', (p) => (p.categories[0].label.en = ''), ['categories[0].label.en']],
    // bands
    ['band label blank', (p) => (p.bands[0].label = ''), ['bands[0].label']],
    ['duplicate band label', (p) => (p.bands[1].label = 'Sangat Inovatif'), ['bands[1].label']],
    ['band min below 0', (p) => (p.bands[3].min = -1), ['bands[3].min']],
    ['band min above 100', (p) => (p.bands[0].min = 100.5), ['bands[0].min']],
    // tie-breaks
    ['tie-break on an unscored stage', (p) => (p.tieBreak = ['stage:screening']), ['tieBreak[0]']],
    ['tie-break on an unknown stage', (p) => (p.tieBreak = ['submittedAt', 'stage:nope']), ['tieBreak[1]']],
    ['tie-break of an unknown kind', (p) => (p.tieBreak = ['score']), ['tieBreak[0]']],
    ['duplicate tie-break', (p) => (p.tieBreak = ['stage:presentation', 'stage:presentation']), ['tieBreak[1]']],
    // proposal form
    ['duplicate section key', (p) => (p.proposalForm.sections[1].key = 'ringkasan'), ['proposalForm.sections[1].key']],
    ['maxWords = 0', (p) => (p.proposalForm.sections[0].maxWords = 0), ['proposalForm.sections[0].maxWords']],
    ['maxWords fractional', (p) => (p.proposalForm.sections[4].maxWords = 12.5), ['proposalForm.sections[4].maxWords']],
    ['section label missing', (p) => (p.proposalForm.sections[2].label.id = ''), ['proposalForm.sections[2].label.id']],
    // eligibility and the rest
    ['negative minMonthsImplemented', (p) => (p.eligibility.minMonthsImplemented = -1), ['eligibility.minMonthsImplemented']],
    ['fractional minMonthsImplemented', (p) => (p.eligibility.minMonthsImplemented = 1.5), ['eligibility.minMonthsImplemented']],
    ['maxEntriesPerOrganization = 0', (p) => (p.eligibility.maxEntriesPerOrganization = 0), ['eligibility.maxEntriesPerOrganization']],
    ['negative objection window', (p) => (p.objectionWindowDays = -1), ['objectionWindowDays']],
    ['fractional objection window', (p) => (p.objectionWindowDays = 2.5), ['objectionWindowDays']],
  ])('refuses %s', (_name, mutate, fields) => {
    expect(fieldsAfter(mutate)).toEqual(fields);
  });

  it.each<[string, Mutation]>([
    ['threshold advance', (p) => (p.stages[2].advance = { type: 'threshold', min: 85 })],
    ['unscheduled stages', (p) => p.stages.forEach((s) => Object.assign(s, { opensAt: null, closesAt: null }))],
    ['a stage opening when the previous one closes', (p) => (p.stages[2].opensAt = p.stages[1].closesAt)],
    ['no bands', (p) => (p.bands = [])],
    ['submittedAt and a weight-0 scored stage as tie-breaks', (p) => (p.tieBreak = ['stage:desk_review', 'submittedAt'])],
    ['no tie-breaks', (p) => (p.tieBreak = [])],
    ['optional eligibility rules left out', (p) => (p.eligibility = { noDuplicateTitle: false })],
    [
      'a thematic category without region kinds',
      (p) => p.categories.push({ key: 'bumd', label: { id: 'BUMD', en: 'Regional enterprises' }, regionKinds: [] }),
    ],
    ['trimmed mean with trim', (p) => Object.assign(p.stages[3], { aggregation: 'trimmed_mean', trim: 1 })],
    ['no objection window', (p) => (p.objectionWindowDays = 0)],
  ])('accepts %s', (_name, mutate) => {
    expect(fieldsAfter(mutate)).toEqual([]);
  });

  it('messages name the problem', () => {
    const plan = defaultTemplate(2025);
    plan.stages[3].rubric[1].min = 100;
    expect(validatePlan(plan)).toEqual([
      { field: 'stages[3].rubric[1].min', message: 'The minimum score (100) must be less than the maximum (100).' },
    ]);
  });

  it('assertValidPlan throws 400 COMPETITION_PLAN_INVALID with every field', () => {
    const plan = defaultTemplate(2025);
    plan.categories = [];
    plan.objectionWindowDays = -1;
    expect(() => assertValidPlan(plan)).toThrow(ValidationFailed);
    try {
      assertValidPlan(plan);
    } catch (e) {
      expect(e).toMatchObject({ code: 'COMPETITION_PLAN_INVALID', kind: 'invalid' });
      expect((e as ValidationFailed).details.fields.map((f) => f.field)).toEqual(['categories', 'objectionWindowDays']);
    }
    expect(() => assertValidPlan(defaultTemplate(2025))).not.toThrow();
  });
});

describe('validatePlan with progress: closed stages hold later ones to when they really closed', () => {
  const at = (d: string) => `${d}T00:00:00+07:00`;
  /** The template for 2027 with the desk review moved to open on `desk`. */
  const moved = (desk: string) => {
    const p = defaultTemplate(2027);
    p.stages[2].opensAt = at(desk);
    return p;
  };
  const fields = (plan: ReturnType<typeof defaultTemplate>, closedAt?: Record<string, string>) =>
    validatePlan(plan, closedAt ? { closedAt } : undefined).map((e) => e.field);
  it.each<[string, string, Record<string, string> | undefined, string[]]>([
    ['planned windows only: before the screening’s planned close', '2027-03-01', undefined, ['stages[2].opensAt']],
    [
      'submission and screening closed early: after their real close',
      '2027-03-01',
      { submission: '2027-02-01T00:00:00Z', screening: '2027-02-20T00:00:00Z' },
      [],
    ],
    [
      'still before the screening’s real close',
      '2027-02-10',
      { submission: '2027-02-01T00:00:00Z', screening: '2027-02-20T00:00:00Z' },
      ['stages[2].opensAt'],
    ],
    [
      'only the submission closed: the screening’s planned close still holds',
      '2027-03-01',
      { submission: '2027-02-01T00:00:00Z' },
      ['stages[2].opensAt'],
    ],
  ])('%s → %j', (_name, desk, closedAt, expected) => {
    expect(fields(moved(desk), closedAt)).toEqual(expected);
  });
});
