import { budgetWarning, splitPool, type ConnectionBudget } from './pool-budget';

describe('splitPool: DB_POOL_SIZE between the data source and prepared statements', () => {
  it.each([
    [2, 1, 1],
    [3, 2, 1],
    [4, 2, 1],
    [5, 3, 2],
    [15, 10, 5],
    [30, 20, 10],
    [31, 20, 10],
    [100, 66, 33],
  ])('%i → %i data source + %i prepared', (total, dataSource, prepared) => {
    expect(splitPool(total)).toEqual({ total, dataSource, prepared, listener: 1, perProcess: dataSource + prepared + 1 });
  });

  it('never exceeds the total, and leaves no room for a larger data-source pool', () => {
    for (let total = 2; total <= 500; total++) {
      const { dataSource, prepared } = splitPool(total);
      expect(dataSource + prepared).toBeLessThanOrEqual(total);
      expect(prepared).toBe(Math.ceil(dataSource / 2));
      const bigger = dataSource + 1;
      expect(bigger + Math.ceil(bigger / 2)).toBeGreaterThan(total);
    }
  });

  it.each([0, 1, 2.5])('refuses %p', (total) => {
    expect(() => splitPool(total)).toThrow('a pool size is an integer of at least 2');
  });
});

describe('budgetWarning', () => {
  const budget = (poolSize: number, processes: number, maxConnections: number, reserved: number): ConnectionBudget => {
    const split = splitPool(poolSize);
    const needed = processes * split.perProcess;
    return {
      split,
      processes,
      needed,
      maxConnections,
      reserved,
      available: maxConnections - reserved,
      fits: needed <= maxConnections - reserved,
    };
  };

  it('is silent when every process fits (the compose deployment: 3 × 31 = 93 of 100 − 3)', () => {
    expect(budgetWarning(budget(30, 3, 100, 3))).toBeNull();
  });

  it('names the variables, the arithmetic and the largest pool that fits', () => {
    expect(budgetWarning(budget(30, 4, 100, 3))).toBe(
      'connection budget exceeded: DB_POOL_SIZE=30 × DB_PROCESSES=4 may open 124 connections (each process 31: 20 data source + ' +
        '10 prepared statements + 1 change listener), but PostgreSQL takes 97 (max_connections 100 − 3 reserved); under load requests ' +
        'will fail with "too many clients": lower DB_POOL_SIZE to at most 23 or raise max_connections',
    );
  });
});
