import { aggregateSorted, keepsRawScores, mean, median, sortPrefix, spread, trimBounds, trimmedMean, zAdjust } from './aggregate';

describe('aggregations of sorted sheet scores', () => {
  it.each([
    [[80], 80],
    [[70, 80, 95], 245 / 3],
    [[60, 70, 80, 90], 75],
  ])('mean %p = %p', (values, expected) => expect(mean(values)).toBe(expected));

  it.each([
    [[80], 80],
    [[70, 80, 95], 80],
    [[60, 70], 65],
    [[60, 70, 80, 100], 75],
    [[10, 20, 30, 40, 50, 60], 35],
  ])('median %p = %p (mean of the middle two when even)', (values, expected) => expect(median(values)).toBe(expected));

  it.each([
    // [values, k, expected, kept range]
    [[10, 70, 80, 90, 100], 1, 80, [1, 4]],
    [[10, 50, 60], 1, 50, [1, 2]],
    [[10, 20], 1, 15, [0, 2]], // n = 2k: plain mean
    [[10], 1, 10, [0, 1]], // n < 2k
    [[10, 20, 30, 100], 2, 40, [0, 4]], // n = 2k
    [[10, 20, 30, 40, 100], 2, 30, [2, 3]],
    [[10, 20, 90], 0, 40, [0, 3]], // k = 0: plain mean
  ])('trimmed mean of %p with k=%p is %p', (values, k, expected, bounds) => {
    expect(trimmedMean(values, k)).toBe(expected);
    expect(trimBounds(values.length, k)).toEqual(bounds);
  });

  it('aggregateSorted dispatches on the aggregation and only reads the first n values', () => {
    const buf = [10, 70, 80, 90, 100, 999];
    expect(aggregateSorted(buf, 5, 'mean', 1)).toBe(70);
    expect(aggregateSorted(buf, 5, 'zscore', 1)).toBe(70); // values already adjusted: their mean
    expect(aggregateSorted(buf, 5, 'median', 1)).toBe(80);
    expect(aggregateSorted(buf, 5, 'trimmed_mean', 1)).toBe(80);
    expect(aggregateSorted(buf, 4, 'median', 1)).toBe(75);
  });
});

describe('spread (population SD) and the z-adjustment', () => {
  it('is the population mean and SD, whatever the order', () => {
    expect(spread([60, 80])).toEqual({ n: 2, mean: 70, sd: 10 });
    expect(spread([80, 60, 70, 70])).toEqual({ n: 4, mean: 70, sd: Math.sqrt(50) });
    expect(spread([5])).toEqual({ n: 1, mean: 5, sd: 0 });
    expect(spread([])).toMatchObject({ n: 0 });
  });

  it.each([
    [{ n: 1, mean: 80, sd: 0 }, true, 'fewer than 2 sheets'],
    [{ n: 3, mean: 80, sd: 0 }, true, 'σj = 0'],
    [{ n: 3, mean: 80, sd: 0.9e-9 }, true, 'σj < 1e-9'],
    [{ n: 2, mean: 80, sd: 1e-9 }, false, 'σj = 1e-9 is not below the threshold'],
    [{ n: 2, mean: 80, sd: 10 }, false, 'an ordinary juror'],
  ])('keepsRawScores(%p) = %p (%s)', (juror, expected) => expect(keepsRawScores(juror)).toBe(expected));

  const stage = { n: 4, mean: 70, sd: Math.sqrt(50) };
  it.each([
    [60, { n: 2, mean: 70, sd: 10 }, 70 - Math.sqrt(50) * 1, 'μS + σS·(r − μj)/σj'],
    [80, { n: 2, mean: 70, sd: 10 }, 70 + Math.sqrt(50), 'above the juror mean'],
    [70, { n: 2, mean: 70, sd: 0 }, 70, 'σj = 0 keeps the raw score'],
    [55, { n: 1, mean: 55, sd: 0 }, 55, 'a single sheet keeps the raw score'],
    [100, { n: 2, mean: 95, sd: 1 }, 100, 'clamped at 100 (70 + 7.07·5)'],
    [0, { n: 2, mean: 10, sd: 1 }, 0, 'clamped at 0 (70 − 7.07·10)'],
  ])('zAdjust(%p, juror %p) = %p (%s)', (r, juror, expected) => expect(zAdjust(r, juror, stage)).toBe(expected));
});

describe('sortPrefix', () => {
  it.each([0, 1, 5, 33, 100])('sorts the first %p values ascending and leaves the rest', (n) => {
    const values = Array.from({ length: n }, (_, i) => (i * 7919) % 101);
    const buf = Float64Array.from([...values, -1, -2]);
    sortPrefix(buf, n);
    expect(Array.from(buf.subarray(0, n))).toEqual([...values].sort((a, b) => a - b));
    expect(Array.from(buf.subarray(n))).toEqual([-1, -2]);
  });
});
