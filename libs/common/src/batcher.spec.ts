import { Batcher } from './batcher';

interface Item {
  key: string;
  value: number;
}

/** A `run` whose calls are recorded and finish only when the test says so. */
function controlledRun(fail: (items: Item[]) => Error | null = () => null) {
  const calls: { items: Item[]; finish(): void }[] = [];
  const run = (items: Item[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        items,
        finish: () => {
          const error = fail(items);
          if (error) reject(error);
          else resolve(items.map((i) => i.value * 10));
        },
      });
    });
  return { calls, run };
}

const tick = () => new Promise((r) => setImmediate(r));
const keysOf = (items: Item[]) => items.map((i) => `${i.key}${i.value}`).join(' ');

/** Submits items, finishing the oldest running call whenever a step says "finish". */
async function drive(
  steps: (Item | 'finish')[],
  options: { maxInFlight: number; maxBatch: number },
  fail?: (items: Item[]) => Error | null,
) {
  const { calls, run } = controlledRun(fail);
  const batcher = new Batcher<Item, number>(run, { ...options, key: (i) => i.key });
  const outcomes: Promise<string>[] = [];
  let finished = 0;
  for (const step of steps) {
    if (step === 'finish') {
      calls[finished++].finish();
      await tick();
    } else {
      outcomes.push(
        batcher.submit(step).then(
          (v) => `${step.key}${step.value}=${v}`,
          (e: Error) => `${step.key}${step.value}!${e.message}`,
        ),
      );
    }
  }
  while (finished < calls.length) {
    calls[finished++].finish();
    await tick();
  }
  return { batches: calls.map((c) => keysOf(c.items)), outcomes: await Promise.all(outcomes), waiting: batcher.waiting };
}

const item = (key: string, value: number): Item => ({ key, value });

describe('Batcher', () => {
  it.each([
    {
      name: 'an item alone runs at once, alone',
      steps: [item('a', 1)],
      options: { maxInFlight: 2, maxBatch: 10 },
      batches: ['a1'],
    },
    {
      name: 'items arriving while the slots are busy go out together when one frees',
      steps: [item('a', 1), item('b', 1), item('c', 1), item('d', 1), item('e', 1), 'finish' as const],
      options: { maxInFlight: 2, maxBatch: 10 },
      batches: ['a1', 'b1', 'c1 d1 e1'],
    },
    {
      name: 'a batch holds at most maxBatch items',
      steps: [item('a', 1), item('b', 1), item('c', 1), item('d', 1), 'finish' as const],
      options: { maxInFlight: 1, maxBatch: 2 },
      batches: ['a1', 'b1 c1', 'd1'],
    },
    {
      name: 'one key is never twice in a batch: the later waits, in order',
      steps: [item('a', 1), item('a', 2), item('b', 1), item('a', 3), 'finish' as const],
      options: { maxInFlight: 1, maxBatch: 10 },
      batches: ['a1', 'a2 b1', 'a3'],
    },
    {
      name: 'a key in flight holds its next item back, other keys go on',
      steps: [item('a', 1), item('a', 2), item('b', 1)],
      options: { maxInFlight: 3, maxBatch: 10 },
      batches: ['a1', 'b1', 'a2'],
    },
  ])('$name', async ({ steps, options, batches }) => {
    const result = await drive(steps, options);
    expect(result.batches).toEqual(batches);
    // Every item gets its own result, whatever batch it went in.
    expect(result.outcomes).toEqual(steps.filter((s): s is Item => s !== 'finish').map((s) => `${s.key}${s.value}=${s.value * 10}`));
    expect(result.waiting).toBe(0);
  });

  it('a failed batch is run again item by item: only the failing item gets the error', async () => {
    const fail = (items: Item[]) => (items.some((i) => i.key === 'x') ? new Error(`deadlock in ${keysOf(items)}`) : null);
    const result = await drive([item('a', 1), item('b', 1), item('x', 1), item('c', 1), 'finish'], { maxInFlight: 1, maxBatch: 10 }, fail);
    expect(result.batches).toEqual(['a1', 'b1 x1 c1', 'b1', 'x1', 'c1']);
    expect(result.outcomes).toEqual(['a1=10', 'b1=10', 'x1!deadlock in x1', 'c1=10']);
  });

  it('a failing item alone gets its error', async () => {
    const result = await drive([item('x', 1)], { maxInFlight: 1, maxBatch: 10 }, () => new Error('connection lost'));
    expect(result.outcomes).toEqual(['x1!connection lost']);
  });

  it('refuses an answer that does not have one result per item', async () => {
    const batcher = new Batcher<Item, number>(async () => [1, 2], { maxInFlight: 1, maxBatch: 10, key: (i) => i.key });
    await expect(batcher.submit(item('a', 1))).rejects.toThrow('run answered 2 results for 1 items');
  });

  it('refuses limits below one', () => {
    expect(() => new Batcher<Item, number>(async () => [], { maxInFlight: 0, maxBatch: 1, key: (i) => i.key })).toThrow('at least 1');
  });
});
