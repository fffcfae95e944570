import { IllegalTransition } from '@app/kernel';
import { backoffDelayMs } from './backoff';
import {
  afterFailure,
  assertOutboxTransition,
  isDeliverable,
  isDue,
  OUTBOX_ACTORS,
  OUTBOX_STATUSES,
  OUTBOX_TRANSITIONS,
  type OutboxActor,
  type OutboxStatus,
} from './outbox-status';

type Step = [OutboxStatus, OutboxStatus, OutboxActor];
const steps: Step[] = OUTBOX_STATUSES.flatMap((from) =>
  OUTBOX_STATUSES.flatMap((to) => OUTBOX_ACTORS.map((actor): Step => [from, to, actor])),
);
const inTable = ([from, to, actor]: Step) => OUTBOX_TRANSITIONS[from][to]?.includes(actor) ?? false;

describe('outbox status machine', () => {
  it('is pending → sent | failed → dead, and dead → pending by an operator', () => {
    expect(steps.filter(inTable)).toEqual<Step[]>([
      ['pending', 'sent', 'delivery'],
      ['pending', 'failed', 'delivery'],
      ['pending', 'dead', 'delivery'],
      ['failed', 'sent', 'delivery'],
      ['failed', 'failed', 'delivery'],
      ['failed', 'dead', 'delivery'],
      ['dead', 'pending', 'operator'],
    ]);
  });

  it.each(steps.filter((s) => !inTable(s)))('refuses %s → %s by %s with 409', (from, to, actor) => {
    expect(() => assertOutboxTransition(from, to, actor)).toThrow(IllegalTransition);
    expect(() => assertOutboxTransition(from, to, actor)).toThrow(expect.objectContaining({ code: 'OUTBOX_ILLEGAL_TRANSITION' }));
  });

  it.each<[OutboxStatus, boolean]>([
    ['pending', true],
    ['failed', true],
    ['sent', false],
    ['dead', false],
  ])('%s is deliverable: %s', (status, expected) => {
    expect(isDeliverable(status)).toBe(expected);
  });
});

describe('backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32_000],
    [7, 60_000],
    [500, 60_000],
  ])('after %d failures waits %d ms', (failures, ms) => {
    expect(backoffDelayMs(failures, policy)).toBe(ms);
  });

  it.each([0, -1, 1.5])('refuses %d failures', (failures) => {
    expect(() => backoffDelayMs(failures, policy)).toThrow(RangeError);
  });
});

describe('afterFailure', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const policy = { baseMs: 1000, maxMs: 60_000 };
  const row = (attempts: number, maxAttempts = 3) => ({ attempts, maxAttempts, availableAt: new Date('2025-05-31T00:00:00Z') });
  it.each<[number, number, 'failed' | 'dead', number, string]>([
    [0, 3, 'failed', 1, '2025-06-01T00:00:01.000Z'],
    [1, 3, 'failed', 2, '2025-06-01T00:00:02.000Z'],
    [2, 3, 'dead', 3, '2025-05-31T00:00:00.000Z'],
    [0, 1, 'dead', 1, '2025-05-31T00:00:00.000Z'],
  ])('attempts %d of %d → %s, attempts %d, next at %s', (attempts, max, status, next, at) => {
    expect(afterFailure(row(attempts, max), now, policy)).toEqual({ status, attempts: next, availableAt: new Date(at) });
  });
});

describe('isDue', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  it.each([
    ['2025-05-31T23:00:00Z', true],
    ['2025-06-01T00:00:00Z', true],
    ['2025-06-01T00:00:00.900Z', true],
    ['2025-06-01T00:00:02Z', false],
    ['2025-06-08T00:00:00Z', false],
  ])('available at %s is due: %s', (at, due) => {
    expect(isDue(new Date(at), now)).toBe(due);
  });
});
