import { categoryForRegionKind, isScoredStage, type RegionKind } from './competition-plan';
import { defaultTemplate } from './default-template';

const plan = defaultTemplate(2025);
const stage = (key: string) => plan.stages.find((s) => s.key === key)!;
const weights = (key: string) => Object.fromEntries(stage(key).rubric.map((c) => [c.key, c.weight]));

describe('defaultTemplate', () => {
  it('has the five stages of DOMAIN.md in order, with their weights and advance rules', () => {
    expect(plan.stages.map((s) => [s.key, s.kind, s.weight, s.advance])).toEqual([
      ['submission', 'submission', 0, { type: 'all' }],
      ['screening', 'screening', 0, { type: 'all' }],
      ['desk_review', 'desk_review', 0, { type: 'top', n: 45 }],
      ['presentation', 'presentation', 60, { type: 'top', n: 15 }],
      ['field_verification', 'field_verification', 40, null],
    ]);
    expect(plan.stages.reduce((sum, s) => sum + s.weight, 0)).toBe(100);
  });

  it.each([
    ['desk_review', { kebaruan: 25, efektivitas: 20, kemanfaatan: 25, replikasi: 15, keberlanjutan: 15 }],
    ['presentation', { kebaharuan: 30, kemanfaatan: 25, kewenangan_kolaborasi: 15, replikasi: 20, penguasaan_materi: 10 }],
    ['field_verification', { kesesuaian_data: 40, dampak_nyata: 40, keberlanjutan: 20 }],
  ])('%s rubric weights are %j (0–100 each), summing to 100', (key, expected) => {
    expect(weights(key)).toEqual(expected);
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(100);
    for (const c of stage(key).rubric) {
      expect([c.min, c.max]).toEqual([0, 100]);
      for (const text of [c.label.id, c.label.en, c.guidance.id, c.guidance.en]) expect(text.trim()).not.toBe('');
    }
  });

  it('scores with the mean of 3 jurors; unscored stages need none', () => {
    expect(plan.stages.map((s) => [s.key, isScoredStage(s), s.aggregation, s.jurorsPerInnovation])).toEqual([
      ['submission', false, 'mean', 0],
      ['screening', false, 'mean', 0],
      ['desk_review', true, 'mean', 3],
      ['presentation', true, 'mean', 3],
      ['field_verification', true, 'mean', 3],
    ]);
  });

  it('screens with a checklist: complete, implemented ≥ 1 year, within regional authority, no duplicate', () => {
    expect(stage('screening').checklist?.map((c) => c.key)).toEqual([
      'complete',
      'implemented_one_year',
      'regional_authority',
      'no_duplicate',
    ]);
    for (const item of stage('screening').checklist!) expect(item.guidance.en.trim()).not.toBe('');
  });

  it('has the categories, bands, tie-break and objection window of DOMAIN.md', () => {
    expect(plan.categories.map((c) => [c.key, c.regionKinds])).toEqual([
      ['provinsi', ['provinsi']],
      ['kabupaten', ['kabupaten']],
      ['kota', ['kota']],
    ]);
    expect(plan.bands).toEqual([
      { label: 'Sangat Inovatif', min: 60.01 },
      { label: 'Inovatif', min: 35 },
      { label: 'Kurang Inovatif', min: 0.01 },
      { label: 'Tidak Dapat Dinilai', min: 0 },
    ]);
    expect(plan.tieBreak).toEqual(['stage:field_verification', 'stage:presentation']);
    expect(plan.objectionWindowDays).toBe(5);
    expect(plan.requireCoordinator).toBe(false);
  });

  it('has the KIPP proposal sections with their word limits, all required', () => {
    expect(plan.proposalForm.sections.map((s) => [s.key, s.maxWords, s.required])).toEqual([
      ['ringkasan', 200, true],
      ['latar_belakang_tujuan', 300, true],
      ['kebaruan', 200, true],
      ['implementasi', 200, true],
      ['signifikansi', 600, true],
      ['adaptabilitas', 300, true],
      ['sumber_daya', 200, true],
      ['strategi_keberlanjutan', 500, true],
    ]);
  });

  it('has the eligibility rules', () => {
    expect(plan.eligibility).toEqual({ minMonthsImplemented: 12, maxEntriesPerOrganization: 5, noDuplicateTitle: true });
  });

  it.each([2024, 2031])('schedules every stage within %d, in order, in WIB', (year) => {
    const stages = defaultTemplate(year).stages;
    const times = stages.flatMap((s) => [s.opensAt!, s.closesAt!]);
    for (const t of times) expect(t).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00$`));
    const instants = times.map((t) => Date.parse(t));
    expect([...instants].sort((a, b) => a - b)).toEqual(instants);
    expect(stages[0].closesAt).toBe(`${year}-06-30T23:59:59+07:00`);
  });

  it('returns an independent copy each time', () => {
    const a = defaultTemplate(2025);
    a.stages[3].rubric[0].weight = 99;
    a.proposalForm.sections.pop();
    const b = defaultTemplate(2025);
    expect(b.stages[3].rubric[0].weight).toBe(30);
    expect(b.proposalForm.sections).toHaveLength(8);
  });
});

describe('categoryForRegionKind', () => {
  it.each<[RegionKind, string]>([
    ['provinsi', 'provinsi'],
    ['kabupaten', 'kabupaten'],
    ['kota', 'kota'],
  ])('an OPD of a %s competes in %s', (kind, category) => {
    expect(categoryForRegionKind(plan, kind)).toBe(category);
  });

  it('returns null when no category takes the region kind', () => {
    const thematic = { categories: [{ key: 'kesehatan', label: { id: 'Kesehatan', en: 'Health' }, regionKinds: [] }] };
    expect(categoryForRegionKind(thematic, 'kota')).toBeNull();
  });
});
