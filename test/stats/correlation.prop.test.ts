import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { pearsonCorrelation, spearmanCorrelation } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

/** 4–40 pairs of small integers (ties likely, as with ratings), neither side constant. */
const pairs = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 10 })), { minLength: 4, maxLength: 40 })
  .filter((ps) => new Set(ps.map(([x]) => x)).size > 1 && new Set(ps.map(([, y]) => y)).size > 1);
const xsOf = (ps: [number, number][]) => ps.map(([x]) => x);
const ysOf = (ps: [number, number][]) => ps.map(([, y]) => y);
const both = [pearsonCorrelation, spearmanCorrelation] as const;

describe('correlation properties', () => {
  it('equals simple-statistics (an independent implementation) on tied and untied pairs', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const x = xsOf(ps);
        const y = ysOf(ps);
        const rounding = 1e-12;
        expect(Math.abs(pearsonCorrelation(x, y).value - sampleCorrelation(x, y))).toBeLessThan(rounding);
        expect(Math.abs(spearmanCorrelation(x, y).value - sampleRankCorrelation(x, y))).toBeLessThan(rounding);
      }),
    );
  });

  it('lies in [−1, 1] with lower ≤ value ≤ upper and a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(
        pairs,
        fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true }),
        (ps, confidence) => {
          for (const f of both) {
            const r = f(xsOf(ps), ysOf(ps), { confidence });
            expect(-1 <= r.lower && r.lower <= r.value && r.value <= r.upper && r.upper <= 1).toBe(true);
            expect(r.pValue >= 0 && r.pValue <= 1).toBe(true);
            expect(r.n).toBe(ps.length);
          }
        },
      ),
    );
  });

  it('is symmetric in x and y and does not depend on the order of the pairs', () => {
    fc.assert(
      fc.property(
        pairs.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))),
        ([ps, shuffled]) => {
          for (const f of both) {
            const a = f(xsOf(ps), ysOf(ps));
            const swapped = f(ysOf(ps), xsOf(ps));
            const moved = f(xsOf(shuffled), ysOf(shuffled));
            for (const b of [swapped, moved]) {
              expect(b.value).toBeCloseTo(a.value, 12);
              expect(b.pValue).toBeCloseTo(a.pValue, 10);
            }
          }
        },
      ),
    );
  });

  it('a higher confidence gives a wider interval that contains the narrower one', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        for (const f of both) {
          const narrow = f(xsOf(ps), ysOf(ps), { confidence: 0.8 });
          const wide = f(xsOf(ps), ysOf(ps), { confidence: 0.99 });
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        }
      }),
    );
  });

  it("Pearson's r changes sign under a negative rescaling and not otherwise; Spearman's rho ignores monotone maps", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 50 }), fc.integer({ min: -100, max: 100 }), (ps, a, b) => {
        const x = xsOf(ps);
        const y = ysOf(ps);
        const r = pearsonCorrelation(x, y).value;
        expect(
          pearsonCorrelation(
            x.map((v) => a * v + b),
            y,
          ).value,
        ).toBeCloseTo(r, 12);
        expect(
          pearsonCorrelation(
            x.map((v) => -a * v + b),
            y,
          ).value,
        ).toBeCloseTo(-r, 12);
        const rho = spearmanCorrelation(x, y).value;
        expect(
          spearmanCorrelation(
            x.map((v) => v ** 3 + b),
            y,
          ).value,
        ).toBeCloseTo(rho, 12);
      }),
    );
  });

  it('the interval excludes 0 about when the test rejects no correlation', () => {
    // Fisher-z interval and t test are different approximations: they agree away from the edge.
    fc.assert(
      fc.property(pairs, (ps) => {
        const r = pearsonCorrelation(xsOf(ps), ysOf(ps));
        if (r.pValue < 0.01) expect(r.lower > 0 || r.upper < 0).toBe(true);
        if (r.pValue > 0.2) expect(r.lower < 0 && r.upper > 0).toBe(true);
      }),
    );
  });
});
