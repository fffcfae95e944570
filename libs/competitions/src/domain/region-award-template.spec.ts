import { regionAwardTemplate } from './region-award-template';
import { defaultTemplate } from './default-template';
import { validatePlan } from './validate-plan';
import type { CompetitionPlan } from './competition-plan';

const SNAPSHOT = '3f1c2a6e-9b1d-4c59-8a2e-0d6b8f7e5a11';

describe('the IGA region award template', () => {
  it('is valid: a given IID stage first, the head of region presentation (30/25/15/20/10), field validation', () => {
    const plan = regionAwardTemplate(2024, SNAPSHOT);
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.stages.map((s) => [s.key, s.weight, s.given ?? false])).toEqual([
      ['iid', 50, true],
      ['presentation', 30, false],
      ['field_verification', 20, false],
    ]);
    expect(plan.stages[1].rubric.map((c) => [c.key, c.weight])).toEqual([
      ['kebaharuan', 30],
      ['kemanfaatan', 25],
      ['kewenangan_kolaborasi', 15],
      ['replikasi_aplikatif', 20],
      ['penguasaan_materi', 10],
    ]);
    expect(plan.regionAward).toMatchObject({ indexSnapshotId: SNAPSHOT, nominees: 5 });
    expect(plan.regionAward!.groups.map((g) => g.regionTags)).toEqual([['daerah_tertinggal'], ['perbatasan']]);
  });

  type Case = [string, (plan: CompetitionPlan) => void, string];
  const cases: Case[] = [
    ['no index snapshot', (p) => (p.regionAward!.indexSnapshotId = 'latest'), 'regionAward.indexSnapshotId'],
    ['nominees 0', (p) => (p.regionAward!.nominees = 0), 'regionAward.nominees'],
    [
      'a group without a selector',
      (p) => Object.assign(p.regionAward!.groups[0], { regionKinds: [], regionTags: [] }),
      'regionAward.groups[0].regionKinds',
    ],
    [
      'a group tag that is not snake case',
      (p) => (p.regionAward!.groups[1].regionTags = ['Perbatasan']),
      'regionAward.groups[1].regionTags[0]',
    ],
    ['a duplicate group key', (p) => (p.regionAward!.groups[1].key = p.regionAward!.groups[0].key), 'regionAward.groups[1].key'],
    ['a group named like a category', (p) => (p.regionAward!.groups[0].key = 'kota'), 'regionAward.groups[0].key'],
    ['a group with 1.5 nominees', (p) => (p.regionAward!.groups[0].nominees = 1.5), 'regionAward.groups[0].nominees'],
    ['the first stage not given', (p) => delete p.stages[0].given, 'stages[0].given'],
    ['a later stage given', (p) => (p.stages[1].given = true), 'stages[1].given'],
    ['a given stage with a rubric', (p) => (p.stages[0].rubric = structuredClone(p.stages[1].rubric)), 'stages[0].rubric'],
    ['given not a boolean', (p) => ((p.stages[0] as { given: unknown }).given = 'yes'), 'stages[0].given'],
    ['a category selecting nobody', (p) => (p.categories[0].regionKinds = []), 'categories[0].regionKinds'],
    ['a tie-break on an unknown stage', (p) => (p.tieBreak = ['stage:ghost']), 'tieBreak[0]'],
  ];
  it.each(cases)('refuses %s, naming the field', (_name, mutate, field) => {
    const plan = regionAwardTemplate(2024, SNAPSHOT);
    mutate(plan);
    expect(validatePlan(plan).map((e) => e.field)).toContain(field);
  });

  it('accepts the given stage in tie-breaks; an innovation competition may not have a given stage', () => {
    const plan = regionAwardTemplate(2024, SNAPSHOT);
    plan.tieBreak = ['stage:iid'];
    expect(validatePlan(plan)).toEqual([]);
    const innovations = defaultTemplate(2024);
    innovations.stages[0].given = true;
    expect(validatePlan(innovations).map((e) => e.field)).toEqual(['stages[0].given']);
  });

  it('categories narrowed by tags share kinds; plain categories still own theirs', () => {
    const plan = regionAwardTemplate(2024, SNAPSHOT);
    plan.categories.push({ key: 'kepulauan', label: { id: 'Kepulauan', en: 'Islands' }, regionKinds: ['kota'], regionTags: ['kepulauan'] });
    expect(validatePlan(plan)).toEqual([]);
    plan.categories.push({ key: 'kota_lagi', label: { id: 'Kota lagi', en: 'Cities again' }, regionKinds: ['kota'] });
    expect(validatePlan(plan).map((e) => e.field)).toEqual(['categories[4].regionKinds[0]']);
  });
});
