import { describe, expect, it } from 'vitest';
import { sortDurations } from '../../src/stats/sortDurations.ts';
import { fc } from '../helpers/fc.ts';

// The radix sort behind kaplanMeier and the duration summaries must give exactly
// Float64Array#sort's order, element for element (compared with Object.is, so −0 and NaN count).
function same(values: number[]): void {
  const expected = Float64Array.from(values).sort();
  const sorted = sortDurations(Float64Array.from(values));
  expect(sorted.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Object.is(sorted[i], expected[i]), `index ${i}`).toBe(true);
}

// Long enough to take the radix path (256 values and up) as well as the short one.
const lengths = { minLength: 0, maxLength: 1200 };

describe('sortDurations', () => {
  it('sorts non-negative doubles as Float64Array#sort does', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), lengths), same), { numRuns: 60 });
  });

  it('sorts whole milliseconds (constant low digits, passes skipped) and heavy ties alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), lengths), fc.integer({ min: 1, max: 5 }), (xs, k) =>
        same(xs.map((x) => (x % k === 0 ? x : Math.floor(x / 1e6)))),
      ),
      { numRuns: 60 },
    );
    same(Array.from({ length: 1000 }, () => 7)); // every digit shared: no pass at all
  });

  it('falls back to Float64Array#sort for negatives and −0, and puts Infinity and NaN last as it does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NaN)), lengths),
        same,
      ),
      { numRuns: 60 },
    );
    same([...Array.from({ length: 300 }, (_, i) => i), Number.NaN, Number.POSITIVE_INFINITY, 0.5]);
  });

  it('sorts in place and returns its argument', () => {
    const values = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
    expect(sortDurations(values)).toBe(values);
    expect(Array.from(values)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
