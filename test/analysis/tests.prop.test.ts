import { describe, expect, it } from 'vitest';
import {
  compareMeans,
  compareNps,
  compareProportions,
  estimateTrendTest,
  meanHomogeneityTest,
  npsHomogeneityTest,
  proportionHomogeneityTest,
  proportionTrendTest,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

const proportionGroup = fc
  .integer({ min: 1, max: 500 })
  .chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));
const proportionGroups = fc.array(proportionGroup, { minLength: 2, maxLength: 10 });
const npsGroup = fc
  .record({ promoters: fc.nat({ max: 300 }), passives: fc.nat({ max: 300 }), detractors: fc.nat({ max: 300 }) })
  .filter((g) => g.promoters + g.passives + g.detractors > 0);
const meanGroup = fc.record({
  n: fc.integer({ min: 2, max: 400 }),
  mean: fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }),
  variance: fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true }),
});
const estimate = fc.record({
  value: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
  standardError: fc.double({ min: 0.1, max: 20, noNaN: true, noDefaultInfinity: true }),
});
const estimates = fc.array(estimate, { minLength: 3, maxLength: 15 });
const inUnit = (p: number) => p >= 0 && p <= 1;

describe('homogeneity and trend test properties', () => {
  it('proportionHomogeneityTest: p in [0, 1], X² ≥ 0, invariant to the order of the groups', () => {
    fc.assert(
      fc.property(proportionGroups, (groups) => {
        const t = proportionHomogeneityTest(groups);
        expect(inUnit(t.pValue)).toBe(true);
        expect(t.statistic).toBeGreaterThanOrEqual(0);
        const reversed = proportionHomogeneityTest(groups.slice().reverse());
        expect(close(reversed.statistic, t.statistic, 1e-9)).toBe(true);
      }),
    );
  });

  it('proportionHomogeneityTest: m times the data gives m times X²; two groups give compareProportions’ p-value', () => {
    fc.assert(
      fc.property(proportionGroups, fc.integer({ min: 2, max: 5 }), (groups, m) => {
        const t = proportionHomogeneityTest(groups);
        const scaled = proportionHomogeneityTest(groups.map((g) => ({ successes: m * g.successes, n: m * g.n })));
        expect(close(scaled.statistic, m * t.statistic, 1e-9)).toBe(true);
        const [a, b] = groups as [{ successes: number; n: number }, { successes: number; n: number }];
        expect(close(proportionHomogeneityTest([a, b]).pValue, compareProportions(a, b).pValue, 1e-9)).toBe(true);
      }),
    );
  });

  it('proportionTrendTest: p in [0, 1]; the trend is a part of the total chi-square (X²_trend ≤ X²)', () => {
    fc.assert(
      fc.property(proportionGroups, (groups) => {
        const trend = proportionTrendTest(groups);
        expect(inUnit(trend.pValue)).toBe(true);
        expect(trend.statistic).toBeLessThanOrEqual(proportionHomogeneityTest(groups).statistic * (1 + 1e-12) + 1e-12);
      }),
    );
  });

  it('proportionTrendTest: reversing the order flips z and the slope; a linear change of scores keeps X²', () => {
    fc.assert(
      fc.property(
        proportionGroups,
        fc.double({ min: 0.1, max: 10, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
        (groups, scale, shift) => {
          const t = proportionTrendTest(groups);
          const reversed = proportionTrendTest(groups.slice().reverse());
          expect(close(reversed.z, -t.z, 1e-9)).toBe(true);
          expect(close(reversed.slope, -t.slope, 1e-9)).toBe(true);
          const scores = groups.map((_, i) => shift + scale * (i + 1));
          expect(close(proportionTrendTest(groups, { scores }).statistic, t.statistic, 1e-8)).toBe(true);
        },
      ),
    );
  });

  it('npsHomogeneityTest: p in [0, 1], order-invariant; two groups give the square of compareNps’ Wald z', () => {
    fc.assert(
      fc.property(fc.array(npsGroup, { minLength: 2, maxLength: 8 }), (groups) => {
        const t = npsHomogeneityTest(groups);
        expect(inUnit(t.pValue)).toBe(true);
        expect(t.statistic).toBeGreaterThanOrEqual(0);
        expect(close(npsHomogeneityTest(groups.slice().reverse()).statistic, t.statistic, 1e-9)).toBe(true);
        const [a, b] = groups as [(typeof groups)[0], (typeof groups)[0]];
        const pair = npsHomogeneityTest([a, b]);
        const d = compareNps(a, b, { method: 'wald' });
        if (pair.warnings.length === 0 && d.standardError > 0) {
          expect(close(pair.statistic, (d.difference / d.standardError) ** 2, 1e-9)).toBe(true);
        }
      }),
    );
  });

  it('meanHomogeneityTest: p in [0, 1], unchanged by a shift or rescaling of the answers, or the order', () => {
    fc.assert(
      fc.property(
        fc.array(meanGroup, { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0.1, max: 60, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
        (groups, scale, shift) => {
          const t = meanHomogeneityTest(groups);
          expect(inUnit(t.pValue)).toBe(true);
          const moved = meanHomogeneityTest(
            groups.map((g) => ({ n: g.n, mean: shift + scale * g.mean, variance: scale * scale * g.variance })),
          );
          expect(close(moved.statistic, t.statistic, 1e-7)).toBe(true);
          expect(close(moved.df2, t.df2, 1e-9)).toBe(true);
          expect(close(meanHomogeneityTest(groups.slice().reverse()).statistic, t.statistic, 1e-9)).toBe(true);
        },
      ),
    );
  });

  it("meanHomogeneityTest with two groups is Welch's t-test squared", () => {
    fc.assert(
      fc.property(meanGroup, meanGroup, (a, b) => {
        const t = meanHomogeneityTest([a, b]);
        const d = compareMeans(
          { mean: a.mean, sd: Math.sqrt(a.variance), n: a.n },
          { mean: b.mean, sd: Math.sqrt(b.variance), n: b.n },
        );
        expect(close(t.statistic, d.t ** 2, 1e-9)).toBe(true);
        expect(close(t.df2, d.df, 1e-9)).toBe(true);
        expect(close(t.pValue, d.pValue, 1e-9)).toBe(true);
      }),
    );
  });

  it('estimateTrendTest: p in [0, 1]; lower ≤ slope ≤ upper; a higher confidence gives a wider interval around it', () => {
    fc.assert(
      fc.property(estimates, fc.constantFrom('fixed-effect' as const, 'random-effects' as const), (e, method) => {
        const t = estimateTrendTest(e, { method, confidence: 0.9 });
        const wide = estimateTrendTest(e, { method, confidence: 0.99 });
        expect(inUnit(t.pValue)).toBe(true);
        expect(t.lower).toBeLessThanOrEqual(t.slope);
        expect(t.slope).toBeLessThanOrEqual(t.upper);
        expect(wide.lower).toBeLessThanOrEqual(t.lower);
        expect(wide.upper).toBeGreaterThanOrEqual(t.upper);
        expect(t.tau2).toBeGreaterThanOrEqual(0);
        if (method === 'random-effects') {
          const fixed = estimateTrendTest(e);
          expect(t.standardError).toBeGreaterThanOrEqual(fixed.standardError * (1 - 1e-12));
        }
      }),
    );
  });

  it('estimateTrendTest: adding a + b·score to every estimate adds b to the slope; rescaling keeps z', () => {
    fc.assert(
      fc.property(
        estimates,
        fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true }),
        (e, a, b, c) => {
          const t = estimateTrendTest(e);
          const tilted = estimateTrendTest(
            e.map((p, i) => ({ value: p.value + a + b * (i + 1), standardError: p.standardError })),
          );
          expect(close(tilted.slope, t.slope + b, 1e-9)).toBe(true);
          expect(close(tilted.standardError, t.standardError, 1e-12)).toBe(true);
          const rescaled = estimateTrendTest(
            e.map((p) => ({ value: c * p.value, standardError: c * p.standardError })),
          );
          expect(close(rescaled.z, t.z, 1e-8)).toBe(true);
          expect(close(rescaled.residualQ, t.residualQ, 1e-8)).toBe(true);
        },
      ),
    );
  });
});
