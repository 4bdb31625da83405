import { describe, expect, it } from 'vitest';
import { quantile, quantileInterval } from '../../src/index.ts';
import { orderStatisticRanks } from '../../src/stats/quantileInterval.ts';
import orderStatistics from '../fixtures/order-statistics.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

// Reference: scipy 1.17.1 binom.cdf and exact rational arithmetic
// (scripts/reference/binomial_quantiles.py).
describe('order-statistic ranks agree with the exact binomial computation', () => {
  const inside = orderStatistics.intervals.filter((c) => c.l >= 1 && c.u <= c.n && !('boundary_tie' in c));
  it('has cases where both ranks fall inside 1…n', () => {
    expect(inside.length).toBeGreaterThan(30);
  });
  it.each(inside.map((c) => [`n = ${c.n}, p = ${c.p}, confidence ${c.confidence}`, c] as const))('%s', (_, c) => {
    const r = orderStatisticRanks(c.n, c.p, c.confidence);
    expect([r.lowerRank, r.upperRank]).toEqual([c.l, c.u]);
    expectClose(r.coverage, c.coverage_exact, 1e-12);
    expect(r.coverage).toBeGreaterThanOrEqual(c.confidence);
  });

  it('reaches the requested coverage whenever some ranks in 1…n can', () => {
    for (const c of orderStatistics.intervals) {
      const r = orderStatisticRanks(c.n, c.p, c.confidence);
      const best = 1 - c.p ** c.n - (1 - c.p) ** c.n; // coverage of [min, max]
      expect(r.lowerRank).toBeGreaterThanOrEqual(1);
      expect(r.upperRank).toBeLessThanOrEqual(c.n);
      if (best >= c.confidence) expect(r.coverage).toBeGreaterThanOrEqual(c.confidence);
      else expect([r.lowerRank, r.upperRank]).toEqual([1, c.n]);
    }
  });
});

describe('quantileInterval', () => {
  it('brackets the median of 11 values with ranks 2 and 10 at 95%', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const ci = quantileInterval(values, 0.5);
    // Ranks from Binomial(11, 0.5): P(K ≤ 1) = 12/2048 ≤ 0.025 < P(K ≤ 2) = 67/2048.
    expect([ci.lowerRank, ci.upperRank]).toEqual([2, 10]);
    expect(ci.achievedConfidence).toBeCloseTo(1 - 24 / 2048, 14);
    expect([ci.lower, ci.upper]).toEqual([1, 6]);
    expect(ci.value).toBe(quantile(values, 0.5));
    expect(ci.method).toBe('order-statistics');
    expect(ci.warnings).toEqual([]);
  });

  it('warns LOW_COVERAGE and returns [min, max] when n is too small for the confidence', () => {
    const ci = quantileInterval([4, 2, 9], 0.9);
    expect([ci.lower, ci.upper]).toEqual([2, 9]);
    expect(ci.achievedConfidence).toBeCloseTo(1 - 0.9 ** 3 - 0.1 ** 3, 14);
    expect(ci.warnings.map((w) => w.code)).toEqual(['LOW_COVERAGE']);
  });

  it('rejects empty input and bad values with the index at fault', () => {
    expect(() => quantileInterval([], 0.5)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => quantileInterval([1, Number.POSITIVE_INFINITY], 0.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', index: 1 }),
    );
    expect(() => quantileInterval([1, 2], 0.5, { confidence: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
