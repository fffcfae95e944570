import { DomainError } from '@app/kernel';
import { assertPublishable, assertUnanswered, assertUpheld, objectionWindowDays, type PublishState } from './objection-window';

const now = new Date('2027-10-10T00:00:00Z');
const before = new Date('2027-10-09T23:59:59Z');
const after = new Date('2027-10-10T00:00:01Z');

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code + ':' + (e as DomainError).kind;
  }
}

describe('objection window', () => {
  it.each<[number | undefined, number, number | string]>([
    [undefined, 5, 5],
    [5, 5, 5],
    [7, 5, 7],
    [0, 5, 'RESULTS_WINDOW_TOO_SHORT:invalid'],
    [4, 5, 'RESULTS_WINDOW_TOO_SHORT:invalid'],
    [0, 0, 0],
    [undefined, 0, 0],
  ])('asked %j days with the plan’s %d → %j', (requested, planDays, expected) => {
    if (typeof expected === 'number') expect(objectionWindowDays(requested, planDays)).toBe(expected);
    else expect(code(() => objectionWindowDays(requested, planDays))).toBe(expected);
  });

  const base: PublishState = { planDays: 5, announcement: { closesAt: before }, unanswered: 0, openCorrections: 0, now };
  it.each<[string, Partial<PublishState>, string | null]>([
    ['closed window, all answered', {}, null],
    ['window closes exactly now', { announcement: { closesAt: now } }, null],
    ['no announcement with a window in the plan', { announcement: null }, 'RESULTS_NOT_ANNOUNCED:conflict'],
    ['no announcement, no window in the plan', { announcement: null, planDays: 0 }, null],
    ['window still open', { announcement: { closesAt: after } }, 'RESULTS_OBJECTION_WINDOW_OPEN:conflict'],
    ['an objection unanswered', { unanswered: 1 }, 'RESULTS_OBJECTIONS_UNANSWERED:conflict'],
    ['a correction not submitted again', { openCorrections: 2 }, 'RESULTS_CORRECTION_OPEN:conflict'],
  ])('%s → %s', (_name, over, expected) => {
    expect(code(() => assertPublishable({ ...base, ...over }))).toBe(expected);
  });

  it.each<[Date | null, string | null]>([
    [null, null],
    [now, 'OBJECTION_ALREADY_ANSWERED:conflict'],
  ])('answered at %j → %s', (answeredAt, expected) => {
    expect(code(() => assertUnanswered({ answeredAt, decision: answeredAt ? 'rejected' : null }))).toBe(expected);
  });

  it.each<[string | null, string | null]>([
    ['upheld', null],
    ['rejected', 'OBJECTION_NOT_UPHELD:conflict'],
    [null, 'OBJECTION_NOT_UPHELD:conflict'],
  ])('reopening for a %j objection → %s', (decision, expected) => {
    expect(code(() => assertUpheld({ decision }))).toBe(expected);
  });
});
