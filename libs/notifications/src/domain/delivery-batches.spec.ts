import { batchJobId, deliveryBatches } from './delivery-batches';

const NOW = new Date('2025-06-01T00:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const row = (id: string, dueInMs = 0, attempts = 0) => ({ id, attempts, availableAt: at(dueInMs) });

describe('deliveryBatches: the relay’s jobs', () => {
  it.each([
    { name: 'nothing, no job', rows: [], size: 3, jobs: [] },
    {
      name: 'due rows in jobs of at most `size`, in order',
      rows: [row('a'), row('b'), row('c'), row('d')],
      size: 3,
      jobs: [
        ['a', 'b', 'c', 0],
        ['d', 0],
      ],
    },
    {
      name: 'rows overdue or due now travel together',
      rows: [row('a', -5000), row('b'), row('c', -1)],
      size: 10,
      jobs: [['a', 'b', 'c', 0]],
    },
    {
      name: 'later rows wait, grouped by their due time (one event’s reminders share a job)',
      rows: [row('r1', 60_000), row('now'), row('r2', 60_000), row('r3', 90_000)],
      size: 10,
      jobs: [
        ['r1', 'r2', 60_000],
        ['now', 0],
        ['r3', 90_000],
      ],
    },
    {
      name: 'a retried row (its own backoff time) is a job of its own',
      rows: [row('x'), row('retry', 1_234, 2), row('y')],
      size: 10,
      jobs: [
        ['x', 'y', 0],
        ['retry', 1_234],
      ],
    },
  ])('$name', ({ rows, size, jobs }) => {
    expect(deliveryBatches(rows, NOW, size).map((b) => [...b.rows.map((r) => r.id), b.delayMs])).toEqual(jobs);
  });

  it('refuses a size below one', () => {
    expect(() => deliveryBatches([row('a')], NOW, 0)).toThrow('size must be at least 1');
  });
});

describe('batchJobId', () => {
  it.each([
    { name: 'the same rows at the same attempts: the same id', a: [row('a'), row('b')], b: [row('a'), row('b')], same: true },
    { name: 'another attempt: another id', a: [row('a'), row('b')], b: [row('a'), row('b', 0, 1)], same: false },
    { name: 'other rows: another id', a: [row('a'), row('b')], b: [row('a'), row('c')], same: false },
    { name: 'another order: another id', a: [row('a'), row('b')], b: [row('b'), row('a')], same: false },
  ])('$name', ({ a, b, same }) => {
    expect(batchJobId(a) === batchJobId(b)).toBe(same);
  });

  it('is a BullMQ-safe id (no ":") naming the number of rows', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(`0b7f8c7e-1111-4a4a-9f9f-${String(i).padStart(12, '0')}`));
    expect(batchJobId(rows)).toMatch(/^batch~[0-9a-f]{14}~100$/);
  });
});
