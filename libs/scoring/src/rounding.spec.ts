import Big from 'big.js';
import fc from 'fast-check';
import { roundFixedExactly, roundFixedWithBig, roundScore } from './rounding';

describe('roundScore (DESIGN §4.4: toFixed(10), then half away from zero)', () => {
  it.each([
    // [value, decimals, expected, why]
    [78, 4, 78, 'integers stay integers (printed 78, not 78.0)'],
    [81.66666666666667, 4, 81.6667, 'ordinary rounding up'],
    [81.33333333333333, 4, 81.3333, 'ordinary rounding down'],
    [80.00005, 4, 80.0001, 'half at the 5th decimal goes up'],
    [50.00055, 4, 50.0006, 'the double is 50.000549999999996…, its toFixed(10) 50.0005500000 (Math.round(x·1e4)/1e4 gives 50.0005)'],
    [50.00015, 4, 50.0002, 'the double is 50.000149999999997…, its toFixed(10) 50.0001500000'],
    [0.01045, 4, 0.0105, 'Math.round(x·1e4)/1e4 gives 0.0104'],
    [0.00005, 4, 0.0001, 'half away from zero near 0'],
    [99.99995, 4, 100, 'carry into the integer part'],
    [12.34565, 4, 12.3457, 'half at the 5th decimal'],
    [12.34564999, 4, 12.3456, 'just below half'],
    [0.12344999999999, 4, 0.1235, 'toFixed(10) first: 0.1234500000, then half up (rounding the double directly gives 0.1234)'],
    [0.12344999994, 4, 0.1234, 'toFixed(10) is 0.1234499999: down'],
    [2.675, 2, 2.68, 'the double 2.67499999… is 2.6750000000 at 10 places'],
    [80.5, 0, 81, 'decimals 0: half up'],
    [79.5, 0, 80, 'decimals 0: half up (not to even)'],
    [80.4999999999, 0, 80, 'decimals 0: below half'],
    [80.49999999999, 0, 81, 'decimals 0: 80.49999999999 is 80.5000000000 at 10 places'],
    [100 / 3, 10, 33.3333333333, 'decimals 10'],
    [200 / 3, 10, 66.6666666667, 'decimals 10, rounding up'],
    [0, 4, 0, 'zero'],
    [-0, 4, 0, 'no -0'],
    [-1e-12, 4, 0, 'a tiny negative rounds to 0, not -0'],
    [-2.5, 0, -3, 'half away from zero for negatives too'],
  ])('roundScore(%p, %p) = %p (%s)', (value, decimals, expected) => {
    const rounded = roundScore(value, decimals);
    expect(rounded).toBe(expected);
    expect(Object.is(rounded, -0)).toBe(false);
  });
});

describe('the exact integer path agrees with big.js', () => {
  const decimals = fc.integer({ min: 0, max: 10 });

  it('for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), decimals, (x, d) => {
        const fixed = x.toFixed(10);
        const exact = roundFixedExactly(fixed, d);
        if (exact !== null) expect(exact).toBe(roundFixedWithBig(fixed, d));
        expect(roundScore(x, d)).toBe(roundFixedWithBig(fixed, d) || 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('at and around every half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), decimals, fc.integer({ min: -3, max: 3 }), (k, d, nudge) => {
        // k·10^-d + 5·10^-(d+1), nudged by a few ulps
        let x = Number(
          new Big(k)
            .div(10 ** d)
            .plus(new Big(5).div(10 ** (d + 1)))
            .toString(),
        );
        for (let i = 0; i < Math.abs(nudge); i++) x = nudge > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
        const fixed = x.toFixed(10);
        expect(roundScore(x, d)).toBe(roundFixedWithBig(fixed, d) || 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('falls back to big.js beyond the safe-integer range', () => {
    expect(roundFixedExactly((1e6).toFixed(10), 4)).toBeNull();
    expect(roundFixedExactly((1e21).toFixed(10), 4)).toBeNull();
    expect(roundScore(1e21, 4)).toBe(1e21);
    expect(roundScore(123456789.123456, 4)).toBe(123456789.1235);
  });
});
