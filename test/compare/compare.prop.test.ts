import { describe, expect, it } from 'vitest';
import { compareMeans, compareNps, compareProportions, PROPORTION_DIFFERENCE_METHODS } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const group = fc
  .integer({ min: 1, max: 400 })
  .chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));
const npsCounts = fc
  .record({ promoters: fc.nat({ max: 200 }), passives: fc.nat({ max: 200 }), detractors: fc.nat({ max: 200 }) })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);
const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), {
  minLength: 2,
  maxLength: 40,
});

describe('comparison properties', () => {
  it('compareProportions: difference(a, b) = −difference(b, a) with a mirrored interval and the same p-value', () => {
    fc.assert(
      fc.property(group, group, fc.constantFrom(...PROPORTION_DIFFERENCE_METHODS), (a, b, method) => {
        const ab = compareProportions(a, b, { method });
        const ba = compareProportions(b, a, { method });
        expect(ba.difference).toBeCloseTo(-ab.difference, 12);
        expect(ba.lower).toBeCloseTo(-ab.upper, 9);
        expect(ba.upper).toBeCloseTo(-ab.lower, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 9);
        expect(ab.lower).toBeGreaterThanOrEqual(-1);
        expect(ab.upper).toBeLessThanOrEqual(1);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('compareNps: antisymmetric, inside [−200, 200], and consistent with its p-value', () => {
    fc.assert(
      fc.property(npsCounts, npsCounts, fc.constantFrom('adjusted-wald' as const, 'wald' as const), (a, b, method) => {
        const ab = compareNps(a, b, { method });
        const ba = compareNps(b, a, { method });
        expect(ba.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba.lower).toBeCloseTo(-ab.upper, 9);
        expect(ba.upper).toBeCloseTo(-ab.lower, 9);
        expect(ab.lower).toBeGreaterThanOrEqual(-200);
        expect(ab.upper).toBeLessThanOrEqual(200);
        if (ab.standardError > 0 && !ab.warnings.some((w) => w.code === 'CLIPPED')) {
          const excludesZero = ab.lower > 1e-9 || ab.upper < -1e-9;
          const includesZeroClearly = ab.lower < -1e-9 && ab.upper > 1e-9;
          if (excludesZero) expect(ab.pValue).toBeLessThan(0.05 + 1e-9);
          if (includesZeroClearly) expect(ab.pValue).toBeGreaterThan(0.05 - 1e-9);
        }
      }),
    );
  });

  it('compareMeans: antisymmetric and equivariant under scaling', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0.5, max: 60, noNaN: true, noDefaultInfinity: true }), (a, b, k) => {
        fc.pre(new Set(a).size > 1 || new Set(b).size > 1);
        const ab = compareMeans(a, b);
        const ba = compareMeans(b, a);
        expect(ba.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba.lower).toBeCloseTo(-ab.upper, 6);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 9);
        const scaled = compareMeans(
          a.map((x) => x * k),
          b.map((x) => x * k),
        );
        expect(scaled.pValue).toBeCloseTo(ab.pValue, 6);
        expect(scaled.upper).toBeCloseTo(ab.upper * k, 4);
      }),
    );
  });
});
