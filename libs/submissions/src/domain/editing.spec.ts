import { Conflict } from '@app/kernel';
import { assertBeforeDeadline, assertEditable, assertSubmissionWindowOpen } from './editing';
import { INNOVATION_STATUSES, isEditable } from './innovation-lifecycle';

const deadline = new Date('2025-06-30T16:59:59.000Z'); // 30 Jun 2025, 23:59:59 WIB
const at = (ms: number) => new Date(deadline.getTime() + ms);

function thrown(fn: () => void): Conflict {
  try {
    fn();
  } catch (e) {
    return e as Conflict;
  }
  throw new Error('expected a throw');
}

describe('assertEditable', () => {
  it.each(INNOVATION_STATUSES.filter(isEditable))('lets a %s innovation be edited before the deadline', (status) => {
    expect(() => assertEditable(status, deadline, at(-1))).not.toThrow();
    expect(() => assertEditable(status, null, at(1e12))).not.toThrow();
  });

  it.each(INNOVATION_STATUSES.filter((s) => !isEditable(s)))(
    'refuses edits of a %s innovation with 409 SUBMISSION_NOT_EDITABLE',
    (status) => {
      const error = thrown(() => assertEditable(status, null, at(-1)));
      expect(error).toBeInstanceOf(Conflict);
      expect(error).toMatchObject({ code: 'SUBMISSION_NOT_EDITABLE', details: { status } });
      expect(error.message).toBe(
        `The innovation is "${status}" and can no longer be edited; only "draft" and "returned" innovations can be edited.`,
      );
    },
  );

  it.each([
    ['at the deadline', 0],
    ['a millisecond after', 1],
    ['a day after', 86_400_000],
  ])('refuses edits %s with 409 SUBMISSION_DEADLINE_PASSED naming the deadline in UTC and WIB', (_when, ms) => {
    const error = thrown(() => assertEditable('draft', deadline, at(ms)));
    expect(error).toMatchObject({
      code: 'SUBMISSION_DEADLINE_PASSED',
      kind: 'conflict',
      details: { deadline: '2025-06-30T16:59:59.000Z' },
    });
    expect(error.message).toBe(
      'The submission deadline passed at 2025-06-30T16:59:59.000Z (30 Jun 2025, 23:59 WIB); changes are no longer accepted.',
    );
  });

  it('reports a non-editable status before a passed deadline', () => {
    expect(thrown(() => assertEditable('submitted', deadline, at(1))).code).toBe('SUBMISSION_NOT_EDITABLE');
  });
});

describe('assertBeforeDeadline', () => {
  it.each<[string, Date | null, Date, boolean]>([
    ['no deadline', null, at(0), true],
    ['before', deadline, at(-1), true],
    ['at', deadline, at(0), false],
    ['after', deadline, at(1), false],
  ])('%s the deadline → allowed: %s', (_name, d, now, ok) => {
    const run = () => assertBeforeDeadline(d, now);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(Conflict);
  });
});

describe('assertSubmissionWindowOpen', () => {
  const opensAt = new Date('2027-01-01T00:00:00+07:00');
  it.each<[Date | null, string, boolean]>([
    [opensAt, '2026-12-31T16:59:59.999Z', false],
    [opensAt, '2026-12-31T17:00:00Z', true],
    [opensAt, '2027-03-01T00:00:00Z', true],
    [null, '2000-01-01T00:00:00Z', true],
  ])('opens %j, now %s → may submit: %s', (open, now, ok) => {
    const run = () => assertSubmissionWindowOpen(open, new Date(now));
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'SUBMISSION_WINDOW_NOT_OPEN', kind: 'conflict' }));
  });
});
