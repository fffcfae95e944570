import { DomainError } from '@app/kernel';
import {
  assertFrameworkEditable,
  assertNoAnsweredRemovals,
  assertPublishable,
  assertSelfAssessmentOpen,
  assertTransition,
  assertVerificationOpen,
  isLowerOption,
  type EditionStatus,
} from './edition-lifecycle';

const code = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('index edition lifecycle', () => {
  it.each<[EditionStatus, EditionStatus, string | null]>([
    ['draft', 'self_assessment', null],
    ['self_assessment', 'verification', null],
    ['verification', 'closed', null],
    ['draft', 'verification', 'INDEX_EDITION_ILLEGAL_TRANSITION'],
    ['closed', 'draft', 'INDEX_EDITION_ILLEGAL_TRANSITION'],
    ['verification', 'self_assessment', 'INDEX_EDITION_ILLEGAL_TRANSITION'],
  ])('%s → %s', (from, to, expected) => expect(code(() => assertTransition(from, to))).toBe(expected));

  it.each<[EditionStatus, string | null]>([
    ['draft', null],
    ['self_assessment', 'INDEX_FRAMEWORK_FROZEN'],
    ['closed', 'INDEX_FRAMEWORK_FROZEN'],
  ])('framework editable in %s', (status, expected) => expect(code(() => assertFrameworkEditable(status))).toBe(expected));

  const now = new Date('2026-06-01T00:00:00Z');
  it.each<[EditionStatus, Date | null, string | null]>([
    ['self_assessment', null, null],
    ['self_assessment', new Date('2026-06-02T00:00:00Z'), null],
    ['self_assessment', new Date('2026-06-01T00:00:00Z'), 'INDEX_SELF_ASSESSMENT_CLOSED'],
    ['verification', null, 'INDEX_SELF_ASSESSMENT_CLOSED'],
    ['draft', null, 'INDEX_SELF_ASSESSMENT_CLOSED'],
  ])('self-assessment open in %s until %s', (status, closesAt, expected) =>
    expect(code(() => assertSelfAssessmentOpen(status, closesAt, now))).toBe(expected),
  );

  it.each<[EditionStatus, Date | null, string | null]>([
    ['verification', null, null],
    ['verification', new Date('2026-05-01T00:00:00Z'), 'INDEX_VERIFICATION_CLOSED'],
    ['closed', null, 'INDEX_VERIFICATION_CLOSED'],
  ])('verification open in %s until %s', (status, closesAt, expected) =>
    expect(code(() => assertVerificationOpen(status, closesAt, now))).toBe(expected),
  );

  it.each<[EditionStatus, string | null]>([
    ['draft', 'INDEX_NOT_PUBLISHABLE'],
    ['self_assessment', 'INDEX_NOT_PUBLISHABLE'],
    ['verification', null],
    ['closed', null],
  ])('publishable in %s', (status, expected) => expect(code(() => assertPublishable(status))).toBe(expected));

  it('a lower option scores less than the self one', () => {
    const options = [
      { key: 'a', score: 0 },
      { key: 'b', score: 2 },
      { key: 'c', score: 3 },
    ];
    expect(isLowerOption(options, 'c', 'b')).toBe(true);
    expect(isLowerOption(options, 'b', 'c')).toBe(false);
    expect(isLowerOption(options, 'b', 'b')).toBe(false);
  });

  it('conflicts carry both languages', () => {
    try {
      assertFrameworkEditable('closed');
    } catch (e) {
      expect((e as DomainError).details).toMatchObject({ messages: { id: expect.any(String), en: expect.any(String) } });
    }
  });
});

describe('removing answered parts of a framework', () => {
  const answered = [
    { indicator: 'regulasi', option: 'perda' },
    { indicator: 'anggaran', option: 'ada' },
  ];
  it.each<[string[], string[], string | null]>([
    [[], [], null],
    [['tahapan'], ['anggaran.tidak_ada'], null],
    [['regulasi'], [], 'INDEX_FRAMEWORK_ANSWERED'],
    [[], ['anggaran.ada'], 'INDEX_FRAMEWORK_ANSWERED'],
  ])('indicators %j and options %j', (indicators, options, expected) =>
    expect(code(() => assertNoAnsweredRemovals({ indicators, options }, answered))).toBe(expected),
  );
});
