import { ValidationFailed } from '@app/kernel';
import { assertEligible, checkEligibility, type EligibilityContext, type EligibilityRulesView } from './eligibility';

const rules: EligibilityRulesView = { minMonthsImplemented: 12, maxEntriesPerOrganization: 5, noDuplicateTitle: true };
const ctx = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  now: new Date('2025-06-01T03:00:00Z'),
  entriesOfOrganization: 0,
  ...over,
});
const sitaro = { title: 'SiTaro', startDate: '2021-10-25' };
const rulesBroken = (...args: Parameters<typeof checkEligibility>) => checkEligibility(...args).map((v) => v.rule);

describe('checkEligibility', () => {
  it('passes an innovation that meets every rule', () => {
    expect(checkEligibility(sitaro, rules, ctx())).toEqual([]);
  });

  describe('minimum months implemented (Jakarta calendar dates)', () => {
    it.each<[string, string, boolean]>([
      ['2024-07-01', '2025-06-30T16:59:59Z', false], // 30 Jun 23:59:59 WIB: one day short
      ['2024-07-01', '2025-06-30T17:00:00Z', true], // 1 Jul 00:00 WIB: exactly 12 months
      ['2024-07-01', '2025-07-01T00:00:00Z', true],
      ['2024-02-29', '2025-02-27T17:00:00Z', true], // 28 Feb 2025 WIB: month-end clamp
      ['2024-02-29', '2025-02-27T16:59:59Z', false],
      ['2025-08-01', '2025-06-01T00:00:00Z', false], // starts in the future
    ])('started %s, now %s → eligible: %s', (startDate, now, eligible) => {
      expect(rulesBroken({ title: 'X', startDate }, rules, ctx({ now: new Date(now) }))).toEqual(eligible ? [] : ['minMonthsImplemented']);
    });

    it('explains when it becomes eligible', () => {
      expect(checkEligibility({ title: 'X', startDate: '2024-07-01' }, rules, ctx())).toMatchObject([
        {
          rule: 'minMonthsImplemented',
          field: 'startDate',
          message:
            'The innovation must have been in use for at least 12 months: it started on 2024-07-01, so it is eligible from 2025-07-01.',
        },
      ]);
    });

    it.each([null, undefined, 'sometime'])('needs a valid start date (given %j)', (startDate) => {
      expect(checkEligibility({ title: 'X', startDate }, rules, ctx())).toMatchObject([
        {
          rule: 'minMonthsImplemented',
          field: 'startDate',
          message: 'A valid implementation start date is needed to check the minimum of 12 months in use.',
        },
      ]);
    });

    it.each([0, undefined])('is not checked when the minimum is %j', (minMonthsImplemented) => {
      expect(checkEligibility({ title: 'X', startDate: null }, { ...rules, minMonthsImplemented }, ctx())).toEqual([]);
    });
  });

  it('a duplicate title is no violation (it is flagged to screeners, see title-match)', () => {
    expect(checkEligibility(sitaro, rules, ctx())).toEqual([]);
  });

  describe('maximum entries per organization', () => {
    it.each<[number, boolean]>([
      [0, true],
      [4, true],
      [5, false],
      [9, false],
    ])('with %d other entries → eligible: %s', (entriesOfOrganization, eligible) => {
      expect(rulesBroken(sitaro, rules, ctx({ entriesOfOrganization }))).toEqual(eligible ? [] : ['maxEntriesPerOrganization']);
    });

    it('names the limit and the count', () => {
      expect(checkEligibility(sitaro, rules, ctx({ entriesOfOrganization: 5 }))).toMatchObject([
        {
          rule: 'maxEntriesPerOrganization',
          field: 'organization',
          message: 'An organization may enter at most 5 innovations in this edition, and this one already has 5.',
        },
      ]);
    });

    it('is not checked without a maximum', () => {
      expect(checkEligibility(sitaro, { ...rules, maxEntriesPerOrganization: undefined }, ctx({ entriesOfOrganization: 99 }))).toEqual([]);
    });
  });

  it('reports every broken rule at once', () => {
    const all = ctx({ entriesOfOrganization: 5 });
    expect(rulesBroken({ title: 'SiTaro', startDate: '2025-01-01' }, rules, all)).toEqual([
      'minMonthsImplemented',
      'maxEntriesPerOrganization',
    ]);
  });
});

describe('assertEligible', () => {
  it('throws 400 SUBMISSION_INELIGIBLE with the violations', () => {
    const run = () => assertEligible(sitaro, rules, ctx({ entriesOfOrganization: 5 }));
    expect(run).toThrow(ValidationFailed);
    try {
      run();
    } catch (e) {
      expect(e).toMatchObject({ code: 'SUBMISSION_INELIGIBLE', kind: 'invalid' });
      expect((e as ValidationFailed).details.fields).toEqual([
        expect.objectContaining({ rule: 'maxEntriesPerOrganization', field: 'organization' }),
      ]);
    }
    expect(() => assertEligible(sitaro, rules, ctx())).not.toThrow();
  });
});
