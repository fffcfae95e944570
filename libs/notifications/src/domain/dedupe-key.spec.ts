import { ValidationFailed } from '@app/kernel';
import { assertEventKey, digestEventKey, eventKey, isEventKey, jobIdFor, rowKey } from './dedupe-key';
import { nextDigestAt } from './digest-schedule';

const USER = '0b7f8c7e-1111-4a4a-9f9f-222233334444';

describe('dedupe keys', () => {
  it.each<[string, (string | number)[], string]>([
    ['juror_assigned', ['a1b2'], 'juror_assigned:a1b2'],
    ['scoring_reminder', ['a1b2', '2025-06-29'], 'scoring_reminder:a1b2:2025-06-29'],
    ['presentation_moved', ['slot-1', '2025-07-01T09:00:00+07:00'], 'presentation_moved:slot-1:2025-07-01T09:00:00+07:00'],
    ['stage_opened', ['c1', 'presentation', 2], 'stage_opened:c1:presentation:2'],
  ])('eventKey(%s, %j) = %s', (type, parts, key) => {
    expect(eventKey(type, ...parts)).toBe(key);
  });

  it.each([
    ['juror_assigned:a1b2', true],
    ['juror_assigned', false],
    ['juror_assigned:', false],
    ['Juror:x', false],
    ['juror_assigned:a b', false],
    ['juror_assigned:a/b', false],
    ['juror_assigned:a@b', false],
    [`message:${'x'.repeat(200)}`, false],
  ] as const)('isEventKey(%j) = %s', (key, ok) => {
    expect(isEventKey(key)).toBe(ok);
    if (!ok) expect(() => assertEventKey(key)).toThrow(ValidationFailed);
  });

  it('refuses a type without a subject', () => {
    expect(() => eventKey('juror_assigned')).toThrow(expect.objectContaining({ code: 'NOTIFICATION_DEDUPE_KEY_INVALID' }));
  });

  it.each([
    ['juror_assigned:a1', 'email', `juror_assigned:a1@${USER}/email`],
    ['juror_assigned:a1', 'inbox', `juror_assigned:a1@${USER}/inbox`],
  ] as const)('rowKey(%s, user, %s) = %s', (event, channel, key) => {
    expect(rowKey(event, USER, channel)).toBe(key);
  });

  it.each([
    [`juror_assigned:a1@${USER}/email`, 0, `juror_assigned~a1@${USER}/email#0`],
    [`presentation_moved:s:2025-07-01T09:00:00+07:00@${USER}/inbox`, 3, `presentation_moved~s~2025-07-01T09~00~00+07~00@${USER}/inbox#3`],
  ])('jobIdFor(%s, %d) = %s (no ":" for BullMQ)', (key, attempt, id) => {
    expect(jobIdFor(key, attempt)).toBe(id);
    expect(jobIdFor(key, attempt)).not.toContain(':');
  });

  it('names a digest by day and first row', () => {
    expect(digestEventKey('2025-06-02', USER)).toBe(`digest:2025-06-02:${USER}`);
  });
});

describe('nextDigestAt (07:00 WIB = 00:00 UTC)', () => {
  it.each([
    ['2025-06-01T23:59:00Z', 7, '2025-06-02T00:00:00.000Z'],
    ['2025-06-02T00:00:00Z', 7, '2025-06-03T00:00:00.000Z'],
    ['2025-06-02T00:00:01Z', 7, '2025-06-03T00:00:00.000Z'],
    ['2025-06-01T16:59:00Z', 0, '2025-06-01T17:00:00.000Z'],
    ['2025-06-01T17:00:00Z', 0, '2025-06-02T17:00:00.000Z'],
    ['2025-06-01T10:00:00Z', 18, '2025-06-01T11:00:00.000Z'],
  ])('after %s at hour %d → %s', (now, hour, next) => {
    expect(nextDigestAt(new Date(now), hour).toISOString()).toBe(next);
  });
});
