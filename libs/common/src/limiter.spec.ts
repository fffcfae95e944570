import { Limiter } from './limiter';

const tick = () => new Promise((r) => setImmediate(r));

describe('Limiter', () => {
  it.each([
    { max: 1, calls: 4 },
    { max: 3, calls: 10 },
    { max: 8, calls: 5 },
  ])('runs at most $max of $calls calls at once, each once, in the order they came', async ({ max, calls }) => {
    const limiter = new Limiter(max);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const all = Array.from({ length: calls }, (_, i) =>
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await new Promise<void>((r) => release.push(r));
        running--;
        return i;
      }),
    );
    while (started.length < calls) {
      await tick();
      expect(running).toBeLessThanOrEqual(max);
      release.shift()?.();
    }
    release.forEach((r) => r());
    expect(await Promise.all(all)).toEqual(Array.from({ length: calls }, (_, i) => i));
    expect(started).toEqual(Array.from({ length: calls }, (_, i) => i));
    expect(peak).toBe(Math.min(max, calls));
  });

  it('a call that throws gives its turn to the next one and passes its error on', async () => {
    const limiter = new Limiter(1);
    const failing = limiter.run(async () => Promise.reject(new Error('boom')));
    const next = limiter.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('refuses a maximum below one', () => {
    expect(() => new Limiter(0)).toThrow('at least 1');
  });
});
