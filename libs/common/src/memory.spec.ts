import { collectGarbageNow } from './memory';

describe('collectGarbageNow', () => {
  const g = globalThis as { gc?: () => void };
  const original = g.gc;
  afterEach(() => (g.gc = original));

  it('collects when the process exposes gc (--expose-gc)', () => {
    const gc = jest.fn();
    g.gc = gc;
    expect(collectGarbageNow()).toBe(true);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('does nothing without it', () => {
    delete g.gc;
    expect(collectGarbageNow()).toBe(false);
  });
});
